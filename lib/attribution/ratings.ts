import "server-only";
import { db } from "@/lib/db";
import { recordAudit, type Ctx } from "@/lib/audit/record-audit";
import { NotFoundError } from "@/lib/errors";
import type { CaseAccess } from "@/lib/cases/require-case-access";
import { RateCellSchema } from "./schemas";

/** Sets the caller's own rating of a claim against a hypothesis; other raters' ratings are untouched. */
export async function rateCell({ ctx, access, hypothesisId, claimId, input }: { ctx: Ctx; access: CaseAccess; hypothesisId: string; claimId: string; input: unknown }) {
  const data = RateCellSchema.parse(input);
  const [h, c] = await Promise.all([
    db.hypothesis.findFirst({ where: { id: hypothesisId, caseId: access.caseId }, select: { id: true } }),
    db.claim.findFirst({ where: { id: claimId, caseId: access.caseId }, select: { id: true } }),
  ]);
  if (!h) throw new NotFoundError("Hypothesis");
  if (!c) throw new NotFoundError("Claim");
  return db.$transaction(async (tx) => {
    const key = { hypothesisId_claimId_raterId: { hypothesisId, claimId, raterId: ctx.actor.id } };
    const before = await tx.achRating.findUnique({ where: key, select: { rating: true, note: true } });
    const rating = await tx.achRating.upsert({ where: key, create: { hypothesisId, claimId, raterId: ctx.actor.id, ...data }, update: data });
    await recordAudit({ tx, ctx, action: "ach.rate", caseId: access.caseId, targetType: "hypothesis", targetId: hypothesisId, before: before ? { claimId, ...before } : null, after: { claimId, rating: data.rating, note: data.note } });
    return rating;
  });
}
