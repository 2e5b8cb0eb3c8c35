import { requireCasePage } from "@/lib/http/page-access";
import { listSources } from "@/lib/sources/list-sources";
import { SourceSchema } from "@/lib/sources/schemas";
import { can } from "@/lib/auth/permissions";
import { SourcesRegistry } from "@/components/sources/sources-registry";

export const metadata = { title: "Sources" };

export default async function SourcesPage({
  params,
  searchParams,
}: {
  params: Promise<{ caseId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { caseId } = await params;
  const { access } = await requireCasePage({ caseId, action: "sources.read", path: `/cases/${caseId}/sources` });
  const showRetracted = (await searchParams).include === "retracted";
  const sources = await listSources({ access, includeRetracted: showRetracted });
  const initial = sources.map((s) => ({ ...SourceSchema.parse(s), documentCount: s.documentCount, regrades: s.regrades }));
  return (
    <main className="mx-auto max-w-7xl space-y-4 px-4 py-6">
      <SourcesRegistry
        caseId={caseId}
        initial={initial}
        canManage={can(access.role, "sources.manage")}
        canRetract={can(access.role, "sources.retract")}
        showRetracted={showRetracted}
      />
    </main>
  );
}
