import { requireCasePage } from "@/lib/http/page-access";
import { listEntities } from "@/lib/entities/list-entities";
import { can } from "@/lib/auth/permissions";
import { EntitiesList } from "@/components/entities/entities-list";
import { toEntityRow } from "@/components/entities/types";

export const metadata = { title: "Entities" };

export default async function EntitiesPage({ params }: { params: Promise<{ caseId: string }> }) {
  const { caseId } = await params;
  const { access } = await requireCasePage({ caseId, action: "entities.read", path: `/cases/${caseId}/entities` });
  const entities = await listEntities({ access });
  return (
    <main className="mx-auto max-w-7xl px-4 py-6">
      <EntitiesList caseId={caseId} initial={entities.map(toEntityRow)} canManage={can(access.role, "entities.manage")} />
    </main>
  );
}
