import "server-only";
import { db } from "@/lib/db";
import type { Ctx } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import type { CaseAccess } from "@/lib/cases/require-case-access";
import { can } from "@/lib/auth/permissions";
import { hypothesisContent, hypothesisHash } from "@/lib/attribution/content-hash";
import { ApproveSchema, RequestChangesSchema, SubmitSchema } from "@/lib/attribution/schemas";
import { barredReviewers } from "./barred-reviewers";
import { notify, quoted } from "@/lib/notifications/notify";

async function loadForReview({ access, hypothesisId }: { access: CaseAccess; hypothesisId: string }) {
  const h = await db.hypothesis.findFirst({ where: { id: hypothesisId, caseId: access.caseId } });
  if (!h) throw new NotFoundError("Hypothesis");
  return h;
}

/** Author (or an editor) asks for a second person's approval of the judgment as it is now. */
export async function submitHypothesis({
  ctx,
  access,
  hypothesisId,
  input,
}: {
  ctx: Ctx;
  access: CaseAccess;
  hypothesisId: string;
  input: unknown;
}) {
  const { note } = SubmitSchema.parse(input ?? {});
  const h = await loadForReview({ access, hypothesisId });
  if (h.reviewState === "in_review") throw new ConflictError("This judgment is already waiting for review.");
  if (h.reviewState === "approved") throw new ConflictError("This exact version is already approved; edit it to start a new review.");
  const contentHash = hypothesisHash(h);
  return db.$transaction(async (tx) => {
    const { count } = await tx.hypothesis.updateMany({ where: { id: h.id, version: h.version }, data: { reviewState: "in_review" } });
    if (count === 0) throw new ConflictError("The judgment changed while you submitted it; reload and submit again.");
    const review = await tx.review.create({
      data: {
        caseId: access.caseId,
        targetType: "hypothesis",
        targetId: h.id,
        contentHash,
        targetVersion: h.version,
        submittedById: ctx.actor.id,
        comment: note,
      },
    });
    await recordAudit({
      tx,
      ctx,
      action: "review.submit",
      caseId: access.caseId,
      targetType: "hypothesis",
      targetId: h.id,
      after: { reviewId: review.id, contentHash, version: h.version },
    });
    return review;
  });
}

/**
 * The reviewer must be neither the submitter nor anyone who wrote or changed the judgment since its
 * last approval (an owner who edits the likelihood and lets the author submit cannot approve their own
 * edit). The database refuses the same approvals (trigger reviews_not_author).
 */
async function assertSecondPerson({
  ctx,
  hypothesis,
  submittedById,
  verb,
}: {
  ctx: Ctx;
  hypothesis: { id: string; authorId: string };
  submittedById: string;
  verb: string;
}) {
  if (submittedById === ctx.actor.id)
    throw new ForbiddenError(`You cannot ${verb} a judgment you submitted: a second person must review it.`);
  if (hypothesis.authorId === ctx.actor.id)
    throw new ForbiddenError(`You cannot ${verb} your own judgment: a second person must review it.`);
  if ((await barredReviewers({ hypothesisId: hypothesis.id, authorId: hypothesis.authorId })).has(ctx.actor.id))
    throw new ForbiddenError(
      `You changed this judgment since its last approval, so you cannot ${verb} it: a second person must review it.`,
    );
}

/**
 * Approves exactly the content the reviewer saw. Fails closed three ways: the role must allow approving,
 * the reviewer must be a second person (assertSecondPerson; also enforced by the database), and the
 * content hash must still be the current one (409 when the judgment changed since).
 */
export async function approveHypothesis({
  ctx,
  access,
  hypothesisId,
  input,
}: {
  ctx: Ctx;
  access: CaseAccess;
  hypothesisId: string;
  input: unknown;
}) {
  const { contentHash, comment } = ApproveSchema.parse(input);
  if (!can(access.role, "reviews.approve")) throw new ForbiddenError("Only the case's reviewers and owners may approve judgments.");
  const h = await loadForReview({ access, hypothesisId });
  const review = await db.review.findFirst({
    where: { targetType: "hypothesis", targetId: h.id, decision: "pending" },
    orderBy: { createdAt: "desc" },
  });
  if (!review || h.reviewState !== "in_review") throw new ConflictError("This judgment is not waiting for review.");
  await assertSecondPerson({ ctx, hypothesis: h, submittedById: review.submittedById, verb: "approve" });
  const current = hypothesisHash(h);
  if (contentHash !== current || review.contentHash !== current) {
    // Say what went wrong in the reviewer's terms: what they approved is not what is now submitted.
    throw new ConflictError(
      `The submission you approved is not the one shown now: you approved version ${contentHash.slice(0, 12)}, but the judgment waiting for review is ${current.slice(0, 12)} (it changed after you opened it). Review the current version and approve that.`,
      { currentHash: current, current: hypothesisContent(h) },
    );
  }
  return db.$transaction(async (tx) => {
    const { count } = await tx.hypothesis.updateMany({
      where: { id: h.id, version: h.version, reviewState: "in_review" },
      data: { reviewState: "approved", approvedHash: current },
    });
    if (count === 0) throw new ConflictError("The judgment changed while you approved it; review the current version.");
    const decided = await tx.review.update({
      where: { id: review.id },
      data: { reviewerId: ctx.actor.id, decision: "approved", comment: comment || review.comment, decidedAt: new Date() },
    });
    await recordAudit({
      tx,
      ctx,
      action: "review.approve",
      caseId: access.caseId,
      targetType: "hypothesis",
      targetId: h.id,
      after: { reviewId: review.id, contentHash: current, version: h.version },
    });
    // The judgment's author and whoever submitted it hear of the decision.
    await notify(tx, ctx, {
      recipients: [h.authorId, review.submittedById],
      caseId: access.caseId,
      kind: "review.approved",
      targetType: "hypothesis",
      targetId: h.id,
      message: `${ctx.actor.name} approved your judgment ${quoted(h.title)}`,
      href: `/cases/${access.caseId}/attribution/${h.id}`,
    });
    return decided;
  });
}

export async function requestChanges({
  ctx,
  access,
  hypothesisId,
  input,
}: {
  ctx: Ctx;
  access: CaseAccess;
  hypothesisId: string;
  input: unknown;
}) {
  const { comment } = RequestChangesSchema.parse(input);
  if (!can(access.role, "reviews.approve")) throw new ForbiddenError("Only the case's reviewers and owners may request changes.");
  const h = await loadForReview({ access, hypothesisId });
  const review = await db.review.findFirst({
    where: { targetType: "hypothesis", targetId: h.id, decision: "pending" },
    orderBy: { createdAt: "desc" },
  });
  if (!review || h.reviewState !== "in_review") throw new ConflictError("This judgment is not waiting for review.");
  await assertSecondPerson({ ctx, hypothesis: h, submittedById: review.submittedById, verb: "review" });
  return db.$transaction(async (tx) => {
    await tx.hypothesis.update({ where: { id: h.id }, data: { reviewState: "changes_requested" } });
    const decided = await tx.review.update({
      where: { id: review.id },
      data: { reviewerId: ctx.actor.id, decision: "changes_requested", comment, decidedAt: new Date() },
    });
    await tx.comment.create({
      data: {
        caseId: access.caseId,
        targetType: "hypothesis",
        targetId: h.id,
        authorId: ctx.actor.id,
        body: `Changes requested: ${comment}`,
      },
    });
    await recordAudit({
      tx,
      ctx,
      action: "review.request_changes",
      caseId: access.caseId,
      targetType: "hypothesis",
      targetId: h.id,
      after: { reviewId: review.id, comment },
      reason: comment,
    });
    await notify(tx, ctx, {
      recipients: [h.authorId, review.submittedById],
      caseId: access.caseId,
      kind: "review.changes_requested",
      targetType: "hypothesis",
      targetId: h.id,
      message: `${ctx.actor.name} sent your judgment ${quoted(h.title)} back: ${comment}`,
      href: `/cases/${access.caseId}/attribution/${h.id}`,
    });
    return decided;
  });
}
