// The dashboard's table of the user's cases: marking, status, role, size, what happened last and
// which judgments are waiting for review.
import Link from "next/link";
import { formatDistanceToNow } from "date-fns";
import { TlpBadge } from "@/components/ui/tlp-badge";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import { actionLabel } from "@/components/activity/action-labels";
import { utcLabel } from "@/components/activity/time-format";
import type { CaseRole } from "@/lib/domain-types";

export type DashboardCase = {
  id: string;
  title: string;
  summary: string;
  status: string;
  tlp: string;
  role: CaseRole;
  documentCount: number;
  updatedAt: Date;
  lastActivity: { at: string; action: string; actorName: string | null } | null;
  inReview: number;
  waitingForYou: number;
};

const STATUS_STYLE: Record<string, string> = {
  draft: "bg-slate-100 text-slate-700",
  active: "bg-emerald-50 text-emerald-800 ring-1 ring-emerald-200",
  paused: "bg-amber-50 text-amber-800 ring-1 ring-amber-200",
  closed: "bg-slate-200 text-slate-700",
};

const th = "px-3 py-2 text-left text-xs font-semibold text-slate-700";

export function CaseTable({ cases }: { cases: DashboardCase[] }) {
  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-sm">
        <caption className="sr-only">Your cases, most recently active first</caption>
        <thead className="border-b border-slate-200 bg-slate-50">
          <tr>
            <th scope="col" className={th}>
              Case
            </th>
            <th scope="col" className={th}>
              Status
            </th>
            <th scope="col" className={th}>
              Your role
            </th>
            <th scope="col" className={`${th} text-right`}>
              Documents
            </th>
            <th scope="col" className={th}>
              Last activity
            </th>
            <th scope="col" className={th}>
              Open reviews
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {cases.map((c) => {
            const last = c.lastActivity;
            const lastAt = last?.at ?? c.updatedAt.toISOString();
            return (
              <tr key={c.id} className="align-top hover:bg-slate-50">
                <td className="max-w-md px-3 py-2.5">
                  <div className="flex items-center gap-2">
                    <TlpBadge tlp={c.tlp} />
                    <Link href={`/cases/${c.id}`} className="font-medium text-slate-900 hover:underline">
                      {c.title}
                    </Link>
                  </div>
                  {c.summary && <p className="mt-0.5 truncate text-xs text-slate-600">{c.summary}</p>}
                </td>
                <td className="px-3 py-2.5">
                  <span
                    className={`rounded-full px-2 py-0.5 text-xs font-medium capitalize ${STATUS_STYLE[c.status] ?? STATUS_STYLE.draft}`}
                  >
                    {c.status}
                  </span>
                </td>
                <td className="px-3 py-2.5 text-xs text-slate-700">{ROLE_LABELS[c.role]}</td>
                <td className="px-3 py-2.5 text-right text-xs text-slate-700 tabular-nums">{c.documentCount}</td>
                <td className="px-3 py-2.5 text-xs text-slate-700" data-testid="last-activity">
                  <time dateTime={lastAt} title={utcLabel(lastAt)} className="font-medium text-slate-900">
                    {formatDistanceToNow(new Date(lastAt), { addSuffix: true })}
                  </time>
                  {last && (
                    <p className="max-w-64 truncate text-slate-600">
                      <Link href={`/cases/${c.id}/activity`} className="hover:underline">
                        {last.actorName ?? "System"} {actionLabel(last.action)}
                      </Link>
                    </p>
                  )}
                </td>
                <td className="px-3 py-2.5 text-xs" data-testid="open-reviews">
                  {c.inReview === 0 ? (
                    <span className="text-slate-600">None</span>
                  ) : (
                    <Link href={`/cases/${c.id}/attribution`} className="font-medium text-indigo-800 hover:underline">
                      {c.inReview} in review{c.waitingForYou > 0 ? ` · ${c.waitingForYou} for you` : ""}
                    </Link>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
