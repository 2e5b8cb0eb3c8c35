// The case overview's "how strong is this case, and where is it weak?" (issue 15). Server-rendered from
// lib/cases/evidence-health.ts; every number is a link to the claims (or hypotheses) behind it. The brief's
// blockers and warnings load after the page (./brief-readiness.tsx).
import Link from "next/link";
import type { EvidenceHealth } from "@/lib/cases/evidence-health";
import { INFORMATION_CREDIBILITY, SOURCE_RELIABILITY } from "@/lib/standards/scales";
import { reliabilityStyle } from "@/components/ui/reliability-style";
import { BriefReadinessBox } from "./brief-readiness";

const REVIEW_LABELS: Record<string, string> = {
  approved: "Approved",
  in_review: "In review",
  changes_requested: "Changes requested",
  draft: "Draft",
};

function CountLink({ href, count, label }: { href: string; count: number; label: string }) {
  if (count === 0)
    return (
      <span className="text-slate-400" aria-label={`0 ${label}`}>
        0
      </span>
    );
  return (
    <Link href={href} className="font-semibold text-indigo-800 underline-offset-2 hover:underline" aria-label={`${count} ${label}`}>
      {count}
    </Link>
  );
}

export function EvidenceHealthPanel({ caseId, health }: { caseId: string; health: EvidenceHealth }) {
  const claims = `/cases/${caseId}/claims`;
  const reliabilityName = (r: string) => (r === "none" ? "ungraded" : `${r} – ${SOURCE_RELIABILITY.find((s) => s.code === r)?.label}`);
  return (
    <div className="space-y-6">
      <section aria-labelledby="key-judgments" className="space-y-2">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="key-judgments" className="text-sm font-semibold uppercase tracking-wide text-slate-500">
            Key judgments
          </h2>
          <Link href={`/cases/${caseId}/brief`} className="text-sm font-medium text-indigo-700 hover:underline">
            Open the brief
          </Link>
        </div>
        {health.judgments.length === 0 ? (
          <p className="text-sm text-slate-600">
            No judgment has an estimate yet.{" "}
            <Link href={`/cases/${caseId}/attribution`} className="font-medium text-indigo-700 hover:underline">
              Weigh the hypotheses
            </Link>
            .
          </p>
        ) : (
          <ul className="space-y-2" data-testid="key-judgments">
            {health.judgments.map((j) => (
              <li key={j.id} className="rounded-md border border-slate-200 bg-white p-3 shadow-sm">
                <Link href={`/cases/${caseId}/attribution/${j.id}`} className="font-medium text-slate-900 hover:underline">
                  {j.proposition || j.title}
                </Link>
                <p className="mt-1 flex flex-wrap gap-x-3 gap-y-1 text-sm text-slate-700">
                  <span>
                    Likelihood: <strong>{j.likelihoodLabel ?? "—"}</strong>
                  </span>
                  <span>
                    Confidence: <strong>{j.confidenceLabel ?? "—"}</strong>
                  </span>
                  <span
                    className={`rounded px-1.5 text-xs font-medium leading-5 ${j.reviewState === "approved" ? "bg-emerald-100 text-emerald-900" : "bg-slate-100 text-slate-700"}`}
                  >
                    {REVIEW_LABELS[j.reviewState] ?? j.reviewState}
                  </span>
                </p>
                <p className="mt-0.5 text-xs text-slate-500">{j.question}</p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="evidence-health" className="space-y-3">
        <h2 id="evidence-health" className="text-sm font-semibold uppercase tracking-wide text-slate-500">
          Evidence health <span className="font-normal normal-case">({health.claims} claims)</span>
        </h2>
        <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="text-sm" data-testid="admiralty-table">
            <caption className="sr-only">Claims by source reliability (rows) and information credibility (columns)</caption>
            <thead>
              <tr className="border-b border-slate-200 text-xs text-slate-600">
                <th scope="col" className="sticky left-0 bg-white px-2 py-1.5 text-left font-medium">
                  Reliability \ Credibility
                </th>
                {INFORMATION_CREDIBILITY.map((c) => (
                  <th key={c.value} scope="col" className="px-2 py-1.5 text-center font-medium" title={`${c.value} – ${c.label}`}>
                    {c.value}
                    <span className="sr-only"> – {c.label}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {health.grid.map((row) => (
                <tr key={row.reliability} className="border-b border-slate-100 last:border-0">
                  <th scope="row" className="sticky left-0 bg-white px-2 py-1 text-left font-normal">
                    <span
                      className={`inline-flex h-6 w-6 items-center justify-center rounded font-mono text-xs font-bold ring-1 ring-inset ${row.reliability === "none" ? "bg-white text-slate-700 ring-slate-300" : reliabilityStyle(row.reliability)}`}
                      title={reliabilityName(row.reliability)}
                    >
                      {row.reliability === "none" ? "–" : row.reliability}
                    </span>
                    <span className="sr-only"> {reliabilityName(row.reliability)}</span>
                  </th>
                  {row.counts.map((n, i) => (
                    <td key={i} className="px-2 py-1 text-center tabular-nums">
                      <CountLink
                        href={`${claims}?reliability=${row.reliability}&credibility=${i + 1}`}
                        count={n}
                        label={`claims graded ${row.reliability === "none" ? "–" : row.reliability}${i + 1}`}
                      />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <ul className="space-y-1 text-sm" data-testid="weak-spots">
          {health.health.map((h) => (
            <li key={h.key} className="flex justify-between gap-3">
              <span className="text-slate-700">{h.label}</span>
              <CountLink href={`${claims}?health=${h.key}`} count={h.count} label={h.label.toLowerCase()} />
            </li>
          ))}
          <li className="flex justify-between gap-3">
            <span className="text-slate-700">Hypotheses never rated in the ACH</span>
            <CountLink href={`/cases/${caseId}/ach`} count={health.unratedHypotheses.length} label="hypotheses never rated in the ACH" />
          </li>
        </ul>
        {health.unratedHypotheses.length > 0 && (
          <p className="text-xs text-slate-600" data-testid="unrated-hypotheses">
            Not yet rated: {health.unratedHypotheses.map((h) => h.title).join("; ")}.
            {health.unratedHypotheses.some((h) => h.recordedRatings > 0) && (
              <>
                {" "}
                The workspace this case was imported from rated{" "}
                {health.unratedHypotheses
                  .filter((h) => h.recordedRatings > 0)
                  .map((h) => `“${h.title}” ${h.recordedRatings} time${h.recordedRatings === 1 ? "" : "s"}`)
                  .join(", ")}
                : its ratings are kept as history on the{" "}
                <Link href={`/cases/${caseId}/ach`} className="font-medium text-indigo-700 hover:underline">
                  ACH page
                </Link>
                , not counted here.
              </>
            )}
          </p>
        )}
        <BriefReadinessBox caseId={caseId} />
      </section>
    </div>
  );
}
