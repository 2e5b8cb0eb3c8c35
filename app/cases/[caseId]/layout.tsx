import { getCaseForPage, requireCasePage } from "@/lib/http/page-access";
import { can } from "@/lib/auth/permissions";
import { AppHeader } from "@/components/app-header";
import { CaseHeader } from "@/components/cases/case-header";
import { TlpBadge } from "@/components/ui/tlp-badge";
import { PresenceIndicator } from "@/components/cases/presence-indicator";

export default async function CaseLayout({ children, params }: { children: React.ReactNode; params: Promise<{ caseId: string }> }) {
  const { caseId } = await params;
  const { actor, access } = await requireCasePage({ caseId, action: "case.read", path: `/cases/${caseId}` });
  const c = await getCaseForPage(access.caseId, access.role);
  return (
    <>
      <AppHeader user={actor} />
      <CaseHeader c={c} role={access.role} canEdit={can(access.role, "case.update")} />
      <div className="mx-auto max-w-7xl px-4">
        <PresenceIndicator caseId={c.id} />
      </div>
      {children}
      <footer className="mx-auto max-w-7xl px-4 py-6 text-center">
        <TlpBadge tlp={c.tlp} />
      </footer>
    </>
  );
}
