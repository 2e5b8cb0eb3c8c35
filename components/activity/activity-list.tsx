// The rows of a case's activity log: when, who did what to which record (as a sentence with names), why,
// and the change itself. One person's burst of ACH ratings is one entry that expands to its ratings.
import Link from "next/link";
import type { listAudit } from "@/lib/audit/list-audit";
import { AuditDiff } from "./audit-diff";
import { LocalTime } from "./local-time";
import { burstSummary, describeEvent, groupActivity, type Part } from "./activity-sentences";

export type AuditRow = Awaited<ReturnType<typeof listAudit>>["events"][number];

// Only records that have a page of their own get a link; the rest are named without one.
const TARGET_PATHS: Record<string, string> = { claim: "claims", document: "documents", hypothesis: "attribution", entity: "entities" };

// `linked: false` inside a <summary>, which may not hold links (nested interactive controls).
function Words({ parts, caseId, linked = true }: { parts: Part[]; caseId: string; linked?: boolean }) {
  return parts.map((p, i) => {
    if (typeof p === "string") return <span key={i}>{p}</span>;
    const text = p.quoted ? `“${p.text}”` : p.text;
    const path = linked && TARGET_PATHS[p.type] ? `/cases/${caseId}/${TARGET_PATHS[p.type]}/${p.id}` : null;
    if (path)
      return (
        // Underlined: inside a sentence a link must not be told apart by colour alone.
        <Link key={i} href={path} className="text-indigo-800 underline underline-offset-2">
          {text}
        </Link>
      );
    return (
      <span key={i} className={p.type === "user" ? "font-medium text-slate-900" : "text-slate-900"}>
        {text}
      </span>
    );
  });
}

function Sentence({ actor, parts, caseId }: { actor: string; parts: Part[]; caseId: string }) {
  return (
    <p className="text-sm text-slate-800" data-testid="activity-sentence">
      <span className="font-semibold text-slate-900">{actor}</span> <Words parts={parts} caseId={caseId} />
    </p>
  );
}

const rowClass = "grid gap-x-4 px-4 py-2.5 sm:grid-cols-[14rem_minmax(0,1fr)]";
const timeClass = "pt-0.5 text-xs whitespace-nowrap text-slate-600 tabular-nums";

export function ActivityList({ events, caseId, names }: { events: AuditRow[]; caseId: string; names: Record<string, string> }) {
  return (
    <ol aria-label="Activity" className="divide-y divide-slate-200 overflow-hidden rounded-lg border border-slate-200 bg-white">
      {groupActivity(events).map((item) => {
        if (item.kind === "burst") {
          const newest = item.events[0];
          const oldest = item.events.at(-1)!;
          return (
            <li key={newest.id} className={rowClass} data-action="ach.rate" data-burst={item.events.length}>
              <span className={timeClass}>
                <LocalTime iso={newest.at} />
              </span>
              <details className="min-w-0">
                <summary className="cursor-pointer">
                  <span className="inline">
                    <span className="font-semibold text-slate-900">{item.actor.name}</span>{" "}
                    <Words parts={burstSummary(item.events, names)} caseId={caseId} linked={false} />
                  </span>{" "}
                  <span className="text-xs text-slate-600">
                    (from <LocalTime iso={oldest.at} /> · show each rating)
                  </span>
                </summary>
                <ul aria-label={`Ratings by ${item.actor.name}`} className="mt-1 space-y-1 border-l-2 border-slate-200 pl-3">
                  {item.events.map((e) => (
                    <li key={e.id} className="text-sm text-slate-800">
                      <Words parts={describeEvent(e, names)} caseId={caseId} />{" "}
                      <span className="text-xs text-slate-600">
                        (<LocalTime iso={e.at} />)
                      </span>
                    </li>
                  ))}
                </ul>
              </details>
            </li>
          );
        }
        const e = item.event;
        return (
          <li key={e.id} className={rowClass} data-action={e.action}>
            <LocalTime iso={e.at} className={timeClass} />
            <div className="min-w-0">
              <Sentence actor={e.actor?.name ?? "System"} parts={describeEvent(e, names)} caseId={caseId} />
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
        );
      })}
    </ol>
  );
}
