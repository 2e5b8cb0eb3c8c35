import { requireCasePage } from "@/lib/http/page-access";
import { listClaims } from "@/lib/claims/list-claims";
import { listEntities } from "@/lib/entities/list-entities";
import { listSources } from "@/lib/sources/list-sources";
import { ClaimsTable } from "@/components/claims/claims-table";
import { CLAIM_PAGE_SIZE, paramsFromSearch, searchFromParams } from "@/components/claims/claim-list-params";

export default async function ClaimsPage({
  params,
  searchParams,
}: {
  params: Promise<{ caseId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { caseId } = await params;
  const sp = await searchParams;
  const { access } = await requireCasePage({ caseId, action: "claims.read", path: `/cases/${caseId}/claims` });
  const query = paramsFromSearch((k) => {
    const v = sp[k];
    return Array.isArray(v) ? v[0] : v;
  });
  const [page, sources, entities] = await Promise.all([
    listClaims({ access, query: { ...query, pageSize: CLAIM_PAGE_SIZE } }),
    listSources({ access }),
    listEntities({ access }),
  ]);
  return (
    <main className="mx-auto max-w-7xl space-y-4 px-4 py-6">
      <h2 className="text-lg font-semibold">Claims</h2>
      <ClaimsTable
        caseId={caseId}
        initial={page}
        initialSearch={searchFromParams(query)}
        sources={sources.map((s) => ({ id: s.id, name: s.name, reliability: s.reliability }))}
        entities={entities.map((e) => ({ id: e.id, name: e.name, kind: e.kind }))}
      />
    </main>
  );
}
