import Link from "next/link";
import { formatDistanceToNow } from "date-fns";
import { requireActorOrRedirect } from "@/lib/auth/current-user";
import { listCases } from "@/lib/cases/list-cases";
import { AppHeader } from "@/components/app-header";
import { TlpBadge } from "@/components/ui/tlp-badge";
import { ROLE_LABELS } from "@/lib/auth/permissions";

export const dynamic = "force-dynamic";

const STATUS_STYLE: Record<string, string> = {
  draft: "bg-slate-100 text-slate-700",
  active: "bg-emerald-50 text-emerald-800 ring-1 ring-emerald-200",
  paused: "bg-amber-50 text-amber-800 ring-1 ring-amber-200",
  closed: "bg-slate-200 text-slate-700",
};

export default async function DashboardPage() {
  const actor = await requireActorOrRedirect("/");
  const cases = await listCases({ actor });
  return (
    <>
      <AppHeader user={actor} />
      <main className="mx-auto max-w-7xl space-y-6 px-4 py-8">
        <div className="flex items-end justify-between gap-4">
          <div>
            <h1 className="text-2xl font-semibold tracking-tight">Your cases</h1>
            <p className="text-sm text-slate-600">Cases you are a member of, most recently active first.</p>
          </div>
          <Link href="/cases/new" className="rounded-md bg-indigo-700 px-3.5 py-2 text-sm font-semibold text-white shadow-sm hover:bg-indigo-800">New case</Link>
        </div>
        {cases.length === 0 ? (
          <div className="rounded-lg border border-dashed border-slate-300 bg-white p-10 text-center">
            <h2 className="font-medium">No cases yet</h2>
            <p className="mx-auto mt-1 max-w-md text-sm text-slate-600">Start by creating a case for the question you are working on, then add the source documents you have: paste a report or upload a file.</p>
            <Link href="/cases/new" className="mt-4 inline-block rounded-md bg-indigo-700 px-3.5 py-2 text-sm font-semibold text-white hover:bg-indigo-800">Create your first case</Link>
          </div>
        ) : (
          <ul className="divide-y divide-slate-200 overflow-hidden rounded-lg border border-slate-200 bg-white" aria-label="Cases">
            {cases.map((c) => (
              <li key={c.id} className="flex items-center gap-4 px-4 py-3 hover:bg-slate-50">
                <TlpBadge tlp={c.tlp} />
                <div className="min-w-0 flex-1">
                  <Link href={`/cases/${c.id}`} className="font-medium text-slate-900 hover:underline">{c.title}</Link>
                  {c.summary && <p className="truncate text-sm text-slate-600">{c.summary}</p>}
                </div>
                <span className={`rounded-full px-2 py-0.5 text-xs font-medium capitalize ${STATUS_STYLE[c.status]}`}>{c.status}</span>
                <span className="w-28 text-right text-xs text-slate-500">{c.documentCount} document{c.documentCount === 1 ? "" : "s"}</span>
                <span className="w-20 text-xs text-slate-500">{ROLE_LABELS[c.role]}</span>
                <time className="w-32 text-right text-xs text-slate-500" dateTime={c.updatedAt.toISOString()}>{formatDistanceToNow(c.updatedAt, { addSuffix: true })}</time>
              </li>
            ))}
          </ul>
        )}
      </main>
    </>
  );
}
