import { requireCasePage } from "@/lib/http/page-access";
import { can } from "@/lib/auth/permissions";
import { listIndicators } from "@/lib/indicators/list-indicators";
import { IndicatorsTable } from "@/components/indicators/indicators-table";
import { AddIndicatorForm } from "@/components/indicators/add-indicator-form";
import type { IndicatorPage } from "@/components/indicators/indicator-labels";
import { INDICATOR_PAGE_SIZE, indicatorParamsFromSearch, indicatorSearchFromParams } from "@/components/indicators/indicator-list-params";

export const metadata = { title: "Indicators" };

export default async function IndicatorsPage({
  params,
  searchParams,
}: {
  params: Promise<{ caseId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { caseId } = await params;
  const sp = await searchParams;
  const { actor, access } = await requireCasePage({ caseId, action: "indicators.read", path: `/cases/${caseId}/indicators` });
  const query = indicatorParamsFromSearch((k) => {
    const v = sp[k];
    return Array.isArray(v) ? v[0] : v;
  });
  const page = await listIndicators({ actor, access, query: { ...query, pageSize: INDICATOR_PAGE_SIZE } });
  return (
    <main className="mx-auto max-w-7xl space-y-4 px-4 py-6">
      <h2 className="text-lg font-semibold">Indicators</h2>
      <p className="text-sm text-slate-600">
        Hashes, addresses, domains, URLs, e-mail addresses and CVEs reported by the case&apos;s documents. Values are shown defanged so
        nothing here is a live link; “Copy refanged” copies the working value.
      </p>
      {can(access.role, "indicators.manage") && <AddIndicatorForm caseId={caseId} />}
      <IndicatorsTable caseId={caseId} initial={page as IndicatorPage} initialSearch={indicatorSearchFromParams(query)} />
    </main>
  );
}
