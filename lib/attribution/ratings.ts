import "server-only";
import { db } from "@/lib/db";
import type { Ctx } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { can } from "@/lib/auth/permissions";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import type { CaseAccess } from "@/lib/cases/require-case-access";
import type { AchRatingValue } from "@/lib/generated/prisma/enums";
import { RateCellSchema } from "./schemas";

/**
 * The checks shared by setting and clearing a rating. Fails closed: a role that may not rate is refused
 * here too, not only by the route wrapper, and a hypothesis or claim outside the caller's case (or a
 * malformed id) is the same 404 as an unknown one.
 */
async function requireCell({ access, hypothesisId, claimId }: { access: CaseAccess; hypothesisId: string; claimId: string }) {
  if (!can(access.role, "ach.rate"))
    throw new ForbiddenError(`Your role on this case (${access.role}) can read the ACH matrix but not rate it.`);
  const [h, c] = await Promise.all([
    db.hypothesis.findFirst({ where: { id: hypothesisId, caseId: access.caseId }, select: { id: true } }),
    db.claim.findFirst({ where: { id: claimId, caseId: access.caseId }, select: { id: true } }),
  ]);
  if (!h) throw new NotFoundError("Hypothesis");
  if (!c) throw new NotFoundError("Claim");
}

/** Sets the caller's own rating of a claim against a hypothesis; other raters' ratings are untouched. */
export async function rateCell({
  ctx,
  access,
  hypothesisId,
  claimId,
  input,
}: {
  ctx: Ctx;
  access: CaseAccess;
  hypothesisId: string;
  claimId: string;
  input: unknown;
}) {
  const data = RateCellSchema.parse(input);
  await requireCell({ access, hypothesisId, claimId });
  return db.$transaction(async (tx) => {
    const key = { hypothesisId_claimId_raterId: { hypothesisId, claimId, raterId: ctx.actor.id } };
    const before = await tx.achRating.findUnique({ where: key, select: { rating: true, note: true } });
    const rating = await tx.achRating.upsert({
      where: key,
      create: { hypothesisId, claimId, raterId: ctx.actor.id, ...data },
      update: data,
    });
    await recordAudit({
      tx,
      ctx,
      action: "ach.rate",
      caseId: access.caseId,
      targetType: "hypothesis",
      targetId: hypothesisId,
      before: before ? { claimId, ...before } : null,
      after: { claimId, rating: data.rating, note: data.note },
    });
    return rating;
  });
}

/**
 * Clears the caller's own rating of a claim against a hypothesis back to "not rated"; other raters'
 * ratings are untouched. Idempotent: clearing a cell the caller has not rated changes nothing and writes
 * no audit event. The audit event keeps the rating and note that were removed.
 */
export async function clearRating({
  ctx,
  access,
  hypothesisId,
  claimId,
}: {
  ctx: Ctx;
  access: CaseAccess;
  hypothesisId: string;
  claimId: string;
}) {
  await requireCell({ access, hypothesisId, claimId });
  return db.$transaction(async (tx) => {
    // One statement removes the row and says what it held, so the audit's "before" is exactly what was
    // deleted, and of two clears racing the second simply finds nothing.
    const [removed] = await tx.$queryRaw<{ rating: string; note: string }[]>`
      DELETE FROM "ach_ratings" WHERE "hypothesis_id" = ${hypothesisId}::uuid AND "claim_id" = ${claimId}::uuid AND "rater_id" = ${ctx.actor.id}::uuid
      RETURNING "rating"::text AS "rating", "note"`;
    if (!removed) return { cleared: false, previous: null };
    const previous = { rating: removed.rating as AchRatingValue, note: removed.note };
    await recordAudit({
      tx,
      ctx,
      action: "ach.clear",
      caseId: access.caseId,
      targetType: "hypothesis",
      targetId: hypothesisId,
      before: { claimId, ...previous },
      after: { claimId, rating: null },
    });
    return { cleared: true, previous };
  });
}
