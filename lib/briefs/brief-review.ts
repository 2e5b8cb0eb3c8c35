import "server-only";
import { db } from "@/lib/db";
import type { Ctx } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { ConflictError, ForbiddenError } from "@/lib/errors";
import type { CaseAccess } from "@/lib/cases/require-case-access";
import { can } from "@/lib/auth/permissions";
import { ApproveSchema, RequestChangesSchema } from "@/lib/attribution/schemas";
import { briefHash, composeBrief } from "./compose-brief";
import { notify } from "@/lib/notifications/notify";

/** The state of the brief's approval: the latest brief review and whether it covers the brief as it is now. */
export async function briefApprovalState({ access }: { access: CaseAccess }) {
  const model = await composeBrief({ access });
  const hash = briefHash(model);
  const review = await db.review.findFirst({
    where: { targetType: "brief", targetId: access.caseId, decision: { in: ["pending", "approved"] } },
    orderBy: { createdAt: "desc" },
    include: { submittedBy: { select: { id: true, name: true } }, reviewer: { select: { id: true, name: true } } },
  });
  return { model, hash, review, current: review?.contentHash === hash };
}

/** Asks a second person to approve the brief exactly as it is now (its hash). */
export async function submitBrief({ ctx, access }: { ctx: Ctx; access: CaseAccess }) {
  const { model, hash } = await briefApprovalState({ access });
  if (model.blockers.length)
    throw new ConflictError(`The brief cannot go to review yet: ${model.blockers.join(" ")}`, { blockers: model.blockers });
  return db.$transaction(async (tx) => {
    // The previous submission, and an approval of an earlier brief, are replaced: they read `withdrawn`.
    const now = new Date();
    const withdrawnReason = `Replaced by a new submission by ${ctx.actor.name}.`;
    const replaced = await tx.review.findMany({
      where: { targetType: "brief", targetId: access.caseId, decision: { in: ["pending", "approved"] } },
      select: { id: true },
    });
    await tx.review.updateMany({
      where: { targetType: "brief", targetId: access.caseId, decision: "pending" },
      data: { decision: "withdrawn", decidedAt: now, withdrawnAt: now, withdrawnReason },
    });
    await tx.review.updateMany({
      where: { targetType: "brief", targetId: access.caseId, decision: "approved" },
      data: { decision: "withdrawn", withdrawnAt: now, withdrawnReason },
    });
    const review = await tx.review.create({
      data: { caseId: access.caseId, targetType: "brief", targetId: access.caseId, contentHash: hash, submittedById: ctx.actor.id },
    });
    await recordAudit({
      tx,
      ctx,
      action: "brief.submit",
      caseId: access.caseId,
      targetType: "case",
      targetId: access.caseId,
      after: { reviewId: review.id, contentHash: hash, ...(replaced.length ? { withdrawnReviewIds: replaced.map((r) => r.id) } : {}) },
    });
    return review;
  });
}

/** A reviewer approves the brief as it is now; never the person who submitted it (also a DB constraint). */
export async function approveBrief({ ctx, access, input }: { ctx: Ctx; access: CaseAccess; input: unknown }) {
  const { contentHash, comment } = ApproveSchema.parse(input);
  if (!can(access.role, "reviews.approve")) throw new ForbiddenError("Only the case's reviewers and owners may approve a brief.");
  // The cheap checks first: composing the brief (every claim, quote and footnote) is the expensive part.
  const review = await db.review.findFirst({
    where: { targetType: "brief", targetId: access.caseId, decision: "pending" },
    orderBy: { createdAt: "desc" },
  });
  if (!review) throw new ConflictError("The brief is not waiting for review.");
  if (review.submittedById === ctx.actor.id)
    throw new ForbiddenError("You cannot approve a brief you submitted: a second person must review it.");
  const { hash } = await briefApprovalState({ access });
  if (review.contentHash !== hash)
    throw new ConflictError(
      "The brief changed after it was submitted: the submission is not the brief shown now, so it must be submitted again.",
      { currentHash: hash, submittedHash: review.contentHash },
    );
  if (contentHash !== hash)
    throw new ConflictError(
      `The brief you approved (${contentHash.slice(0, 12)}…) is not the one submitted (${hash.slice(0, 12)}…): reload and review the brief as it is now.`,
      { currentHash: hash, approvedHash: contentHash },
    );
  return db.$transaction(async (tx) => {
    const decided = await tx.review.update({
      where: { id: review.id },
      data: { reviewerId: ctx.actor.id, decision: "approved", comment, decidedAt: new Date() },
    });
    await recordAudit({
      tx,
      ctx,
      action: "brief.approve",
      caseId: access.caseId,
      targetType: "case",
      targetId: access.caseId,
      after: { reviewId: review.id, contentHash: hash },
    });
    await notify(tx, ctx, {
      recipients: [review.submittedById],
      caseId: access.caseId,
      kind: "brief.approved",
      targetType: "case",
      targetId: access.caseId,
      message: `${ctx.actor.name} approved the brief you submitted`,
      href: `/cases/${access.caseId}/brief`,
    });
    return decided;
  });
}

/**
 * A reviewer sends the submitted brief back with what needs to change: the pending review is decided
 * `changes_requested`, the brief is no longer waiting, and whoever submitted it is notified.
 */
export async function requestBriefChanges({ ctx, access, input }: { ctx: Ctx; access: CaseAccess; input: unknown }) {
  if (!can(access.role, "reviews.approve")) throw new ForbiddenError("Only the case's reviewers and owners may send a brief back.");
  const { comment } = RequestChangesSchema.parse(input);
  const review = await db.review.findFirst({
    where: { targetType: "brief", targetId: access.caseId, decision: "pending" },
    orderBy: { createdAt: "desc" },
  });
  if (!review) throw new ConflictError("The brief is not waiting for review.");
  if (review.submittedById === ctx.actor.id)
    throw new ForbiddenError("You cannot review a brief you submitted: a second person must review it.");
  return db.$transaction(async (tx) => {
    const { count } = await tx.review.updateMany({
      where: { id: review.id, decision: "pending" },
      data: { reviewerId: ctx.actor.id, decision: "changes_requested", comment, decidedAt: new Date() },
    });
    if (count === 0) throw new ConflictError("The brief was decided or submitted again meanwhile; reload it.");
    await recordAudit({
      tx,
      ctx,
      action: "brief.request_changes",
      caseId: access.caseId,
      targetType: "case",
      targetId: access.caseId,
      after: { reviewId: review.id, comment },
      reason: comment,
    });
    await notify(tx, ctx, {
      recipients: [review.submittedById],
      caseId: access.caseId,
      kind: "brief.changes_requested",
      targetType: "case",
      targetId: access.caseId,
      message: `${ctx.actor.name} sent the brief you submitted back: ${comment}`,
      href: `/cases/${access.caseId}/brief`,
    });
    return tx.review.findUniqueOrThrow({ where: { id: review.id } });
  });
}
