import { orNotFound, requireCasePage } from "@/lib/http/page-access";
import { can } from "@/lib/auth/permissions";
import { getIndicator } from "@/lib/indicators/get-indicator";
import { IndicatorDetailView } from "@/components/indicators/indicator-detail";

export const metadata = { title: "Indicator" };

export default async function IndicatorPage({ params }: { params: Promise<{ caseId: string; indicatorId: string }> }) {
  const { caseId, indicatorId } = await params;
  const { actor, access } = await requireCasePage({
    caseId,
    action: "indicators.read",
    path: `/cases/${caseId}/indicators/${indicatorId}`,
  });
  const indicator = await orNotFound(getIndicator({ actor, access, indicatorId }));
  // The form is left out for roles that may not edit; the API refuses them as well.
  return <IndicatorDetailView caseId={caseId} initial={indicator} canEdit={can(access.role, "indicators.manage")} />;
}
