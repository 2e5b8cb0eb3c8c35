import { requireCasePage } from "@/lib/http/page-access";
import { can } from "@/lib/auth/permissions";
import { briefApprovalState } from "@/lib/briefs/brief-review";
import { getBriefSettings } from "@/lib/briefs/compose-brief";
import { listReleases } from "@/lib/briefs/releases";
import { BriefView } from "@/components/briefs/brief-view";
import type { BriefPayload } from "@/components/briefs/types";

export default async function BriefPage({ params }: { params: Promise<{ caseId: string }> }) {
  const { caseId } = await params;
  const { actor, access } = await requireCasePage({ caseId, action: "briefs.read", path: `/cases/${caseId}/brief` });
  const [{ model, hash, review, current }, settings, releases] = await Promise.all([
    briefApprovalState({ access }),
    getBriefSettings({ access }),
    listReleases({ access }),
  ]);
  // The same shape GET /api/cases/{caseId}/brief answers, so the client cache can refetch it as is.
  const initial: BriefPayload = {
    brief: model,
    contentHash: hash,
    settings,
    approval: review
      ? {
          decision: review.decision,
          contentHash: review.contentHash,
          current,
          submittedBy: review.submittedBy,
          reviewer: review.reviewer,
          decidedAt: review.decidedAt?.toISOString() ?? null,
        }
      : null,
  };
  return (
    <BriefView
      caseId={caseId}
      initial={initial}
      initialReleases={releases}
      actorId={actor.id}
      perms={{ canManage: can(access.role, "briefs.manage"), canApprove: can(access.role, "reviews.approve") }}
    />
  );
}
