import "server-only";
import { db, type Tx } from "@/lib/db";

/**
 * Who may not approve (or request changes to) a judgment: its author, and everyone who changed its
 * content since its last approval — version 1 is the author's, each later version names who changed
 * it, and the last approval (still standing or since withdrawn) covered the version it was submitted
 * at. The database trigger `reviews_not_author` (migration 0010) enforces the same rule, so a path
 * that skips this check still fails closed.
 */
export async function barredReviewers({
  tx = db,
  hypothesisId,
  authorId,
}: {
  tx?: Tx | typeof db;
  hypothesisId: string;
  authorId: string;
}) {
  const last = await tx.review.aggregate({
    _max: { targetVersion: true },
    where: { targetType: "hypothesis", targetId: hypothesisId, reviewerId: { not: null }, decision: { in: ["approved", "withdrawn"] } },
  });
  const changed = await tx.hypothesisVersion.findMany({
    where: { hypothesisId, version: { gt: last._max.targetVersion ?? 0 } },
    select: { changedById: true },
  });
  return new Set([authorId, ...changed.map((v) => v.changedById)]);
}
