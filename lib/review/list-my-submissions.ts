import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { describeReviewTargets } from "./review-targets";

const LIMIT = 50;

/**
 * What this user submitted for review, in cases they are still on: the latest submission of each
 * judgment or brief, newest first, with its state (waiting, approved, changes requested, withdrawn)
 * and who decided. The other half of the reviewer's queue on the /reviews page.
 */
export async function listMySubmissions({ actor }: { actor: Actor }) {
  const reviews = await db.review.findMany({
    where: { submittedById: actor.id, case: { members: { some: { userId: actor.id } } } },
    orderBy: { createdAt: "desc" },
    take: LIMIT * 4,
    include: { case: { select: { title: true, tlp: true } }, reviewer: { select: { name: true } } },
  });
  // One row per target: its latest submission says where it stands now.
  const seen = new Set<string>();
  const latest = reviews.filter((r) => {
    const key = `${r.targetType}:${r.targetId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const { describe } = await describeReviewTargets(latest);
  return latest.slice(0, LIMIT).map((r) => ({
    reviewId: r.id,
    caseId: r.caseId,
    caseTitle: r.case.title,
    tlp: r.case.tlp,
    targetType: r.targetType,
    targetId: r.targetId,
    ...describe(r),
    decision: r.decision,
    reviewer: r.reviewer?.name ?? null,
    comment: r.decision === "changes_requested" ? r.comment : null,
    withdrawnReason: r.withdrawnReason,
    submittedAt: r.createdAt.toISOString(),
    decidedAt: r.decidedAt?.toISOString() ?? null,
  }));
}
