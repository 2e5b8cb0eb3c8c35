import "server-only";
import { db, type Tx } from "@/lib/db";
import type { Ctx } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { versionedUpdate } from "@/lib/concurrency/versioned-update";
import { InvalidError, NotFoundError } from "@/lib/errors";
import type { CaseAccess } from "@/lib/cases/require-case-access";
import { CreateHypothesisSchema, UpdateHypothesisSchema, type CreateHypothesisInput, type UpdateHypothesisInput } from "./schemas";
import type { Prisma } from "@/lib/generated/prisma/client";
import { diffContent, hypothesisContent, hypothesisHash, type HypothesisContent } from "./content-hash";
import { barredReviewers } from "@/lib/review/barred-reviewers";

const EDITABLE = [
  "title",
  "description",
  "actorEntityId",
  "likelihood",
  "confidence",
  "rationale",
  "proposition",
  "confidenceBasis",
  "disposition",
  "rejectedReason",
] as const;

async function assertActorInCase({ tx, caseId, actorEntityId }: { tx: Tx; caseId: string; actorEntityId: string | null | undefined }) {
  if (actorEntityId && !(await tx.entity.findFirst({ where: { id: actorEntityId, caseId }, select: { id: true } })))
    throw new NotFoundError("Entity");
}

export async function createHypothesis({ ctx, access, input }: { ctx: Ctx; access: CaseAccess; input: CreateHypothesisInput }) {
  const data = CreateHypothesisSchema.parse(input);
  return db.$transaction(async (tx) => {
    if (!(await tx.attributionQuestion.findFirst({ where: { id: data.questionId, caseId: access.caseId }, select: { id: true } })))
      throw new NotFoundError("Question");
    await assertActorInCase({ tx, caseId: access.caseId, actorEntityId: data.actorEntityId });
    const h = await tx.hypothesis.create({ data: { ...data, caseId: access.caseId, authorId: ctx.actor.id } });
    await tx.hypothesisVersion.create({
      data: { hypothesisId: h.id, version: 1, snapshot: hypothesisContent(h), reason: "Created", changedById: ctx.actor.id },
    });
    await recordAudit({ tx, ctx, action: "hypothesis.create", caseId: access.caseId, targetType: "hypothesis", targetId: h.id, after: h });
    return h;
  });
}

/**
 * Changes a judgment. Needs the version it was based on (409 with the current one otherwise) and a
 * reason, which goes into the history. Any edit withdraws a pending review and an approval: an
 * approval covers an exact content hash, and this content is new.
 */
export async function updateHypothesis({
  ctx,
  access,
  hypothesisId,
  input,
}: {
  ctx: Ctx;
  access: CaseAccess;
  hypothesisId: string;
  input: UpdateHypothesisInput;
}) {
  const { version, reason, ...raw } = UpdateHypothesisSchema.parse(input);
  const changes = Object.fromEntries(EDITABLE.filter((k) => raw[k] !== undefined).map((k) => [k, raw[k]])) as Partial<HypothesisContent>;
  if (!Object.keys(changes).length) throw new InvalidError("Nothing to change.");
  if (changes.disposition && changes.disposition !== "rejected" && changes.rejectedReason === undefined) changes.rejectedReason = null;
  return db.$transaction(async (tx) => {
    const before = await tx.hypothesis.findFirst({ where: { id: hypothesisId, caseId: access.caseId } });
    if (!before) throw new NotFoundError("Hypothesis");
    await assertActorInCase({ tx, caseId: access.caseId, actorEntityId: changes.actorEntityId });
    const next = hypothesisContent({ ...before, ...changes } as HypothesisContent);
    if (next.disposition === "rejected" && !next.rejectedReason) {
      throw new InvalidError("A rejected hypothesis needs the reason it was rejected.", [
        { path: "rejectedReason", message: "Give the reason for rejecting it." },
      ]);
    }
    const wasReviewed = before.reviewState !== "draft";
    // Withdraw first, with the editor's reason: the database would otherwise withdraw them itself
    // (trigger hypotheses_withdraw_reviews) with a generic one. Both the pending submission and the
    // standing approval read `withdrawn` from now on, never `approved`.
    const withdrawnReason = `${ctx.actor.name} changed the judgment (version ${version} → ${version + 1}): ${reason}`;
    const now = new Date();
    const withdrawn = wasReviewed
      ? (
          await tx.review.updateMany({
            where: { targetType: "hypothesis", targetId: hypothesisId, decision: "pending" },
            data: { decision: "withdrawn", decidedAt: now, withdrawnAt: now, withdrawnReason },
          })
        ).count +
        (
          await tx.review.updateMany({
            where: { targetType: "hypothesis", targetId: hypothesisId, decision: "approved" },
            data: { decision: "withdrawn", withdrawnAt: now, withdrawnReason },
          })
        ).count
      : 0;
    await versionedUpdate(tx.hypothesis, {
      id: hypothesisId,
      version,
      data: {
        ...changes,
        ...(wasReviewed ? { reviewState: "draft", approvedHash: null } : {}),
      } as Prisma.HypothesisUncheckedUpdateManyInput,
      conflict: {
        message: "Someone else changed this judgment after you opened it. Their version is shown; your edits are kept.",
        current: {
          ...hypothesisContent(before),
          version: before.version,
          reviewState: before.reviewState,
          updatedAt: before.updatedAt.toISOString(),
        },
      },
    });
    await tx.hypothesisVersion.create({ data: { hypothesisId, version: version + 1, snapshot: next, reason, changedById: ctx.actor.id } });
    const after = await tx.hypothesis.findUniqueOrThrow({ where: { id: hypothesisId } });
    await recordAudit({
      tx,
      ctx,
      action: "hypothesis.update",
      caseId: access.caseId,
      targetType: "hypothesis",
      targetId: hypothesisId,
      before: { ...hypothesisContent(before), reviewState: before.reviewState, version: before.version },
      after: { ...next, reviewState: after.reviewState, version: after.version, ...(withdrawn ? { reviewsWithdrawn: withdrawn } : {}) },
      reason,
    });
    return { hypothesis: after, approvalWithdrawn: before.reviewState === "approved", reviewWithdrawn: before.reviewState === "in_review" };
  });
}

/** A hypothesis with its content hash, its history (each version with who, when, why and a diff), reviews and comments. */
export async function getHypothesis({ access, hypothesisId }: { access: CaseAccess; hypothesisId: string }) {
  const h = await db.hypothesis.findFirst({
    where: { id: hypothesisId, caseId: access.caseId },
    include: {
      question: { select: { id: true, question: true } },
      actor: { select: { id: true, name: true, kind: true } },
      author: { select: { id: true, name: true } },
      versions: { orderBy: { version: "asc" } },
    },
  });
  if (!h) throw new NotFoundError("Hypothesis");
  const [reviews, users, barred] = await Promise.all([
    db.review.findMany({
      where: { targetType: "hypothesis", targetId: h.id },
      orderBy: { createdAt: "asc" },
      include: { submittedBy: { select: { id: true, name: true } }, reviewer: { select: { id: true, name: true } } },
    }),
    db.user.findMany({ where: { id: { in: [...new Set(h.versions.map((v) => v.changedById))] } }, select: { id: true, name: true } }),
    barredReviewers({ hypothesisId: h.id, authorId: h.authorId }),
  ]);
  const nameOf = new Map(users.map((u) => [u.id, u.name]));
  const history = h.versions.map((v, i) => ({
    version: v.version,
    at: v.at.toISOString(),
    by: nameOf.get(v.changedById) ?? "unknown",
    reason: v.reason,
    changes: diffContent(i === 0 ? null : (h.versions[i - 1].snapshot as HypothesisContent), v.snapshot as HypothesisContent),
  }));
  const { versions: _v, ...rest } = h;
  // Who may not approve the current content (its author and everyone who changed it since the last
  // approval): the page hides Approve from them; the API and the database refuse them anyway.
  return { hypothesis: { ...rest, contentHash: hypothesisHash(h), barredReviewerIds: [...barred] }, history, reviews };
}
