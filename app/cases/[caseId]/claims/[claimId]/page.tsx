import { orNotFound, requireCasePage } from "@/lib/http/page-access";
import { getClaim } from "@/lib/claims/claim-details";
import { listEntities } from "@/lib/entities/list-entities";
import { listSources } from "@/lib/sources/list-sources";
import { can } from "@/lib/auth/permissions";
import { ClaimDetailView } from "@/components/claims/claim-detail";
import { listClaimTechniques } from "@/lib/attack/list-claim-techniques";
import { TechniquePicker } from "@/components/attack/technique-picker";

export default async function ClaimPage({ params }: { params: Promise<{ caseId: string; claimId: string }> }) {
  const { caseId, claimId } = await params;
  const { access } = await requireCasePage({ caseId, action: "claims.read", path: `/cases/${caseId}/claims/${claimId}` });
  const claim = await orNotFound(getClaim({ access, claimId }));
  // The form is left out for roles that may not edit; the API refuses them as well.
  const canEdit = can(access.role, "claims.update");
  const [entities, sources] = canEdit ? await Promise.all([listEntities({ access }), listSources({ access })]) : [[], []];
  const techniques = await listClaimTechniques({ access, claimId });
  return (
    <>
      <ClaimDetailView
        caseId={caseId}
        initial={claim}
        canEdit={canEdit}
        canRetract={can(access.role, "claims.retract")}
        entities={entities.map((e) => ({ id: e.id, name: e.name, kind: e.kind }))}
        sources={sources.map((s) => ({ id: s.id, name: s.name, reliability: s.reliability }))}
      />
      <div className="mx-auto max-w-5xl px-4 pb-8">
        <TechniquePicker caseId={caseId} claimId={claimId} initial={techniques} canEdit={canEdit && !claim.retraction} />
      </div>
    </>
  );
}
