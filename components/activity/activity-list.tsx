// The rows of a case's activity log: when, who, what, on which record, why, and the change itself.
import Link from "next/link";
import type { listAudit } from "@/lib/audit/list-audit";
import { actionLabel } from "./action-labels";
import { AuditDiff } from "./audit-diff";
import { LocalTime } from "./local-time";

export type AuditRow = Awaited<ReturnType<typeof listAudit>>["events"][number];

const TYPE_LABELS: Record<string, string> = {
  case: "Case",
  document: "Document",
  source: "Source",
  claim: "Claim",
  entity: "Entity",
  event: "Event",
  question: "Question",
  hypothesis: "Hypothesis",
  user: "Member",
};
// Only records that have a page of their own get a link; the rest are named without one.
const TARGET_PATHS: Record<string, string> = { claim: "claims", document: "documents", hypothesis: "attribution", entity: "entities" };
const NAME_FIELDS = ["statement", "title", "name", "question", "email"] as const;

function nameFrom(value: unknown): string | null {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
  const v = value as Record<string, unknown>;
  for (const f of NAME_FIELDS) if (typeof v[f] === "string" && v[f]) return v[f] as string;
  return null;
}

function Target({ e, caseId, titles }: { e: AuditRow; caseId: string; titles: Record<string, string> }) {
  const name = titles[e.targetId] ?? nameFrom(e.after) ?? nameFrom(e.before);
  const type = TYPE_LABELS[e.targetType] ?? e.targetType;
  const label = name ? (name.length > 120 ? `${name.slice(0, 120)}…` : name) : `${type.toLowerCase()} ${e.targetId.slice(0, 8)}`;
  const path =
    e.targetType === "case"
      ? `/cases/${caseId}`
      : TARGET_PATHS[e.targetType]
        ? `/cases/${caseId}/${TARGET_PATHS[e.targetType]}/${e.targetId}`
        : null;
  return (
    <span className="min-w-0">
      <span className="mr-1 rounded bg-slate-100 px-1.5 py-0.5 text-xs font-medium text-slate-700">{type}</span>
      {path ? (
        <Link href={path} className="text-indigo-800 underline-offset-2 hover:underline">
          {label}
        </Link>
      ) : (
        <span className="text-slate-900">{label}</span>
      )}
    </span>
  );
}

export function ActivityList({ events, caseId, titles }: { events: AuditRow[]; caseId: string; titles: Record<string, string> }) {
  return (
    <ol aria-label="Activity" className="divide-y divide-slate-200 overflow-hidden rounded-lg border border-slate-200 bg-white">
      {events.map((e) => (
        <li key={e.id} className="grid gap-x-4 px-4 py-2.5 sm:grid-cols-[12.5rem_minmax(0,1fr)]" data-action={e.action}>
          <LocalTime iso={e.at} className="pt-0.5 text-xs whitespace-nowrap text-slate-600 tabular-nums" />
          <div className="min-w-0">
            <div className="flex flex-wrap items-baseline gap-x-2 gap-y-1 text-sm">
              <span className="font-semibold text-slate-900">{e.actor?.name ?? "System"}</span>
              <span className="text-slate-800">{actionLabel(e.action)}</span>
              <Target e={e} caseId={caseId} titles={titles} />
            </div>
            {(e.reason || e.requestId) && (
              <div className="flex flex-wrap gap-x-4 text-xs text-slate-600">
                {e.reason && (
                  <p>
                    <span className="font-medium text-slate-700">Reason:</span> <q className="text-slate-800">{e.reason}</q>
                  </p>
                )}
                {e.requestId && (
                  <p>
                    Request <span className="font-mono">{e.requestId}</span>
                  </p>
                )}
              </div>
            )}
            <AuditDiff before={e.before} after={e.after} />
          </div>
        </li>
      ))}
    </ol>
  );
}
