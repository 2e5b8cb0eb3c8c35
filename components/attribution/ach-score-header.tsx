"use client";
// The matrix's column headers (hypotheses, with the least inconsistent one highlighted) and, right under
// them, the inconsistency row: Σ (3 − mean)² over the rated claims that count against each hypothesis
// (unrated cells are left out, STANDARDS.md §5).
import type { AchHypothesisScore } from "@/lib/attribution/ach-scores";
import type { AchHypothesisView } from "./ach-view";

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2));

export function AchScoreHeader({
  hypotheses,
  labels,
  scores,
  baseline,
  anyRated,
}: {
  hypotheses: readonly AchHypothesisView[];
  labels: Map<string, string>;
  scores: readonly AchHypothesisScore[];
  // Scores with every claim counted, when some are treated as false; null otherwise.
  baseline: readonly AchHypothesisScore[] | null;
  anyRated: boolean;
}) {
  const byId = new Map(scores.map((s) => [s.hypothesisId, s]));
  const wasById = new Map((baseline ?? []).map((s) => [s.hypothesisId, s]));
  // Nothing to highlight while every hypothesis ties (an unrated matrix ranks them all first).
  const allTied = scores.every((s) => s.rank === 1);
  const th = "border-b border-slate-200 bg-white px-2 py-1.5 text-left align-bottom text-xs font-semibold text-slate-700";
  return (
    <thead className="sticky top-0 z-10 shadow-sm">
      <tr role="row">
        <th role="columnheader" scope="col" className={th}>
          Claim (grade, statement and quote)
        </th>
        {hypotheses.map((h) => {
          const leading = anyRated && !allTied && byId.get(h.id)?.rank === 1;
          const rejected = h.disposition === "rejected";
          return (
            <th
              key={h.id}
              role="columnheader"
              scope="col"
              data-testid="ach-hypothesis"
              data-hypothesis-id={h.id}
              data-leading={leading ? "true" : undefined}
              className={`${th} ${leading ? "bg-emerald-50 shadow-[inset_0_-3px_0_0_var(--color-emerald-600)]" : ""}`}
            >
              <span className="font-mono text-slate-900">{labels.get(h.id)}</span>
              <span title={h.title} className={`block truncate font-medium ${rejected ? "text-slate-600 line-through" : "text-slate-900"}`}>
                {h.title}
              </span>
              {rejected && (
                <span className="mt-0.5 inline-block rounded bg-red-50 px-1 text-[11px] font-medium text-red-800">rejected</span>
              )}
              {h.disposition === "leading" && (
                <span className="mt-0.5 inline-block rounded bg-indigo-50 px-1 text-[11px] font-medium text-indigo-800">leading</span>
              )}
              {leading && <span className="mt-0.5 block text-[11px] font-semibold text-emerald-800">least inconsistent</span>}
            </th>
          );
        })}
        <th
          role="columnheader"
          scope="col"
          className={`${th} text-right`}
          title="Population standard deviation of the row's rated cell means (unrated cells left out); 0 means the claim does not discriminate; — until it is rated against two hypotheses"
        >
          Diagnosticity
        </th>
        <th
          role="columnheader"
          scope="col"
          className={`${th} text-center`}
          title="Heuer's sensitivity check: leave a claim out of the scores as if it were false or deceptive"
        >
          Sensitivity
        </th>
      </tr>
      <tr role="row">
        <th
          role="rowheader"
          scope="row"
          className="border-b border-slate-300 bg-slate-50 px-2 py-1 text-left text-xs font-semibold text-slate-800"
        >
          Inconsistency <span className="font-normal text-slate-700">(lower survives better) · rank</span>
        </th>
        {hypotheses.map((h) => {
          const s = byId.get(h.id);
          const was = wasById.get(h.id);
          return (
            <td
              key={h.id}
              role="gridcell"
              data-testid="ach-inconsistency"
              data-hypothesis-id={h.id}
              data-rank={s?.rank}
              title={s ? `Over ${s.ratedCount} rated cell${s.ratedCount === 1 ? "" : "s"}; unrated cells are left out` : undefined}
              className="border-b border-slate-300 bg-slate-50 px-2 py-1 text-center font-mono text-sm tabular-nums text-slate-900"
            >
              <span data-testid="ach-inconsistency-value">{s ? fmt(s.inconsistency) : "—"}</span>
              <span className="ml-1 text-xs text-slate-700">#{s?.rank}</span>
              {was && s && was.inconsistency !== s.inconsistency && (
                <span className="block text-[11px] text-slate-700">was {fmt(was.inconsistency)}</span>
              )}
            </td>
          );
        })}
        <td role="gridcell" className="border-b border-slate-300 bg-slate-50" />
        <td role="gridcell" className="border-b border-slate-300 bg-slate-50" />
      </tr>
    </thead>
  );
}
