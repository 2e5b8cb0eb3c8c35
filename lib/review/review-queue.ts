import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";

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
  const of = (type: string) => reviews.filter((r) => r.targetType === type).map((r) => r.targetId);
  const [hypotheses, questions] = await Promise.all([
    db.hypothesis.findMany({ where: { id: { in: of("hypothesis") } }, select: { id: true, title: true, authorId: true } }),
    db.attributionQuestion.findMany({ where: { id: { in: of("question") } }, select: { id: true, question: true } }),
  ]);
  const byId = new Map(hypotheses.map((h) => [h.id, h]));
  const questionOf = new Map(questions.map((q) => [q.id, q.question]));
  // Each kind of review opens where it is reviewed: a judgment on its page, a brief on the case's Brief page.
  const itemOf = (r: (typeof reviews)[number]) => {
    if (r.targetType === "brief") return { title: `Brief of “${r.case.title}”`, href: `/cases/${r.caseId}/brief` };
    if (r.targetType === "question")
      return { title: questionOf.get(r.targetId) ?? "(deleted question)", href: `/cases/${r.caseId}/attribution` };
    return { title: byId.get(r.targetId)?.title ?? "(deleted judgment)", href: `/cases/${r.caseId}/attribution/${r.targetId}` };
  };
  const items = reviews
    .filter((r) => byId.get(r.targetId)?.authorId !== actor.id)
    .map((r) => ({
      reviewId: r.id,
      caseId: r.caseId,
      caseTitle: r.case.title,
      tlp: r.case.tlp,
      targetType: r.targetType,
      targetId: r.targetId,
      ...itemOf(r),
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
