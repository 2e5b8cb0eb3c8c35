import { orNotFound, requireCasePage } from "@/lib/http/page-access";
import { can } from "@/lib/auth/permissions";
import { getHypothesis } from "@/lib/attribution/hypotheses";
import { getAchMatrix } from "@/lib/attribution/get-ach-matrix";
import { loadVendorStatements } from "@/lib/attribution/vendor-statements";
import { loadClaimDetails } from "@/lib/claims/claim-details";
import { listEntities } from "@/lib/entities/list-entities";
import { listComments } from "@/lib/review/comments";
import { markReviewRead } from "@/lib/review/review-queue";
import { HypothesisView } from "@/components/attribution/hypothesis-view";
import { toJson, type EvidenceItem } from "@/components/attribution/types";

export default async function HypothesisPage({ params }: { params: Promise<{ caseId: string; hypothesisId: string }> }) {
  const { caseId, hypothesisId } = await params;
  const { actor, access } = await requireCasePage({
    caseId,
    action: "attribution.read",
    path: `/cases/${caseId}/attribution/${hypothesisId}`,
  });
  const data = await orNotFound(getHypothesis({ access, hypothesisId }));
  const h = data.hypothesis;
  const [matrix, threads, entities, statements] = await Promise.all([
    getAchMatrix({ access, questionId: h.questionId }),
    listComments({ access, targetType: "hypothesis", targetId: h.id }),
    listEntities({ access }),
    loadVendorStatements({ access, entityIds: h.actorEntityId ? [h.actorEntityId] : [] }),
    // Opening the judgment is reading it: it stops counting as unread in the reviewer's queue.
    markReviewRead({ actor, targetId: h.id }),
  ]);
  const rated = (matrix?.cells ?? []).filter((c) => c.hypothesisId === h.id && c.ratings.length > 0);
  const details = new Map((await loadClaimDetails({ access, claimIds: rated.map((c) => c.claimId) })).map((c) => [c.id, c]));
  const evidence: EvidenceItem[] = rated.flatMap((cell) => {
    const claim = details.get(cell.claimId);
    if (!claim) return [];
    return [
      {
        claimId: claim.id,
        statement: claim.statement,
        claimant: claim.claimant,
        grade: claim.grade,
        reliability: claim.reliability ?? "",
        credibility: claim.credibility,
        value: cell.value,
        ratings: cell.ratings.map((r) => ({ raterName: r.raterName ?? "unknown", rating: r.rating, note: r.note ?? "" })),
        excerpts: claim.excerpts.map((x) => ({ id: x.id, documentId: x.documentId, documentTitle: x.documentTitle, exact: x.exact })),
      },
    ];
  });

  return (
    <HypothesisView
      caseId={caseId}
      initial={toJson(data)}
      initialThreads={toJson(threads)}
      actorId={actor.id}
      perms={{
        canManage: can(access.role, "hypotheses.manage"),
        canReview: can(access.role, "reviews.approve"),
        canComment: can(access.role, "comments.create"),
      }}
      entities={entities.map((e) => ({ id: e.id, name: e.name, kind: e.kind }))}
      evidence={evidence}
      statements={(h.actorEntityId && statements[h.actorEntityId]) || []}
    />
  );
}
