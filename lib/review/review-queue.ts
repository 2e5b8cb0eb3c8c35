import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { describeReviewTargets } from "./review-targets";

/**
 * Judgments waiting for this user's review: pending reviews in cases where they are reviewer or owner,
 * submitted (and written) by someone else. `unread` until they open the judgment.
 */
export async function reviewQueue({ actor }: { actor: Actor }) {
  const reviews = await db.review.findMany({
    where: {
      decision: "pending",
      submittedById: { not: actor.id },
      case: { members: { some: { userId: actor.id, role: { in: ["owner", "reviewer"] } } } },
    },
    orderBy: { createdAt: "asc" },
    include: {
      case: { select: { id: true, title: true, tlp: true } },
      submittedBy: { select: { name: true } },
      reads: { where: { userId: actor.id }, select: { readAt: true } },
    },
  });
  const { describe, authorOf } = await describeReviewTargets(reviews);
  const items = reviews
    .filter((r) => authorOf(r) !== actor.id)
    .map((r) => ({
      reviewId: r.id,
      caseId: r.caseId,
      caseTitle: r.case.title,
      tlp: r.case.tlp,
      targetType: r.targetType,
      targetId: r.targetId,
      ...describe(r),
      submittedBy: r.submittedBy.name,
      submittedAt: r.createdAt.toISOString(),
      unread: r.reads.length === 0,
    }));
  return { items, unread: items.filter((i) => i.unread).length };
}

/**
 * How many judgments in `reviewQueue` this user has not opened yet, in one statement: the header
 * shows it on every page, so it must not load the queue itself.
 */
export async function reviewUnreadCount({ actor }: { actor: Actor }): Promise<number> {
  const [{ n }] = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n
    FROM reviews r
    JOIN case_members cm ON cm.case_id = r.case_id AND cm.user_id = ${actor.id}::uuid AND cm.role IN ('owner', 'reviewer')
    LEFT JOIN hypotheses h ON h.id = r.target_id
    WHERE r.decision = 'pending'
      AND r.submitted_by_id <> ${actor.id}::uuid
      AND h.author_id IS DISTINCT FROM ${actor.id}::uuid
      AND NOT EXISTS (SELECT 1 FROM review_reads rr WHERE rr.review_id = r.id AND rr.user_id = ${actor.id}::uuid)`;
  return n;
}

/** Marks the pending reviews of a judgment as read by this user (opening it is reading it). */
export async function markReviewRead({ actor, targetId }: { actor: Actor; targetId: string }) {
  const pending = await db.review.findMany({ where: { targetId, decision: "pending" }, select: { id: true } });
  if (!pending.length) return;
  await db.reviewRead.createMany({ data: pending.map((p) => ({ reviewId: p.id, userId: actor.id })), skipDuplicates: true });
}
