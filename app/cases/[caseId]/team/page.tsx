import { requireCasePage } from "@/lib/http/page-access";
import { can, CASE_ROLES } from "@/lib/auth/permissions";
import { listMembers } from "@/lib/cases/list-members";
import { TeamManager } from "@/components/cases/team-manager";

export default async function TeamPage({
  params,
  searchParams,
}: {
  params: Promise<{ caseId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { caseId } = await params;
  const { actor, access } = await requireCasePage({ caseId, action: "case.members.read", path: `/cases/${caseId}/team` });
  const members = await listMembers({ access });
  // ?role=reviewer comes from the "no reviewer on this case" warnings: the add form starts with that role.
  const asked = (await searchParams).role;
  const initialRole = CASE_ROLES.find((r) => r === asked) ?? "viewer";
  const canManage = can(access.role, "case.members.manage");
  return (
    <main className="mx-auto max-w-5xl space-y-4 px-4 py-8">
      <div>
        <h2 className="text-lg font-semibold">Team</h2>
        <p className="text-sm text-slate-600">
          {canManage
            ? "Who works on this case and in which role. Every change is recorded in the case's activity."
            : "Who works on this case and in which role."}
        </p>
      </div>
      <TeamManager
        caseId={caseId}
        actorId={actor.id}
        canManage={canManage}
        initial={members.map((m) => ({ ...m, since: m.since.toISOString() }))}
        initialRole={initialRole}
      />
    </main>
  );
}
