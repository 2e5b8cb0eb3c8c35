import Link from "next/link";
import { TlpBadge } from "@/components/ui/tlp-badge";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { CaseNav } from "./case-nav";
import type { CaseRole } from "@/lib/domain-types";

export function CaseHeader({
  c,
  role,
  canEdit,
}: {
  c: { id: string; title: string; tlp: string; status: string };
  role: CaseRole;
  canEdit: boolean;
}) {
  return (
    <div className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-3 px-4 py-4">
        <TlpBadge tlp={c.tlp} />
        {/* On a phone the title wraps onto lines of its own (status and role move below it); from sm up it is one line. */}
        <h1 className="min-w-0 grow basis-56 break-words text-lg font-semibold tracking-tight sm:basis-0 sm:truncate sm:text-xl">
          <Link href={`/cases/${c.id}`} className="hover:underline">
            {c.title}
          </Link>
        </h1>
        <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium capitalize text-slate-700">{c.status}</span>
        <span className="text-xs text-slate-500" data-testid="my-role">
          Your role: {ROLE_LABELS[role]}
        </span>
        {canEdit && (
          <Link href={`/cases/${c.id}/edit`} className="rounded-md px-2.5 py-1 text-sm ring-1 ring-slate-300 hover:bg-slate-50">
            Edit case
          </Link>
        )}
      </div>
      <CaseNav caseId={c.id} />
    </div>
  );
}
