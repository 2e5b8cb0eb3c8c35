"use client";
import Link from "next/link";
import { useState } from "react";
import { INFORMATION_CREDIBILITY } from "@/lib/standards/scales";
import type { AttackCell, CaseAttackView } from "@/lib/attack/get-case-attack";

const credibilityLabel = (n: number) => `${n} – ${INFORMATION_CREDIBILITY.find((c) => c.value === n)?.label ?? ""}`;

/** Tactics as columns in matrix order; a cell opens its claims and their quotes. */
export function AttackMatrix({ caseId, view }: { caseId: string; view: CaseAttackView }) {
  const [selected, setSelected] = useState<AttackCell | null>(null);
  const columns = view.tactics.filter((t) => t.techniques.length > 0);
  if (columns.length === 0)
    return (
      <p className="rounded border border-slate-200 bg-white p-4 text-sm text-slate-600">
        No claim of this case is tagged with a technique yet.
      </p>
    );
  const claims = new Map(view.claims.map((c) => [c.id, c]));
  const shown = selected
    ? [...new Set([...selected.claimIds, ...selected.subtechniques.flatMap((s) => s.claimIds)])]
        .map((id) => claims.get(id))
        .filter((c) => c !== undefined)
    : [];
  const cellButton = (cell: AttackCell, sub = false) => (
    <button
      type="button"
      aria-pressed={selected?.id === cell.id}
      onClick={() => setSelected(selected?.id === cell.id ? null : cell)}
      className={`w-full rounded border px-2 py-1 text-left text-xs ${sub ? "ml-2 w-[calc(100%-0.5rem)]" : ""} ${selected?.id === cell.id ? "border-indigo-700 bg-indigo-50" : "border-slate-300 bg-white hover:bg-slate-50"}`}
    >
      <span className="font-mono">{cell.id}</span> {cell.name}
      <span className="block text-slate-600">
        {cell.claimCount} {cell.claimCount === 1 ? "claim" : "claims"} · best {credibilityLabel(cell.bestCredibility)}
      </span>
    </button>
  );
  return (
    <div className="space-y-4">
      <div className="relative overflow-x-auto">
        <div className="flex min-w-max gap-2" role="list" aria-label="Tactics">
          {columns.map((tactic) => (
            <section key={tactic.id} role="listitem" aria-label={tactic.name} className="w-48 space-y-1">
              <h3 className="rounded bg-slate-800 px-2 py-1 text-xs font-semibold text-white">
                {tactic.name} <span className="font-normal text-slate-300">{tactic.id}</span>
              </h3>
              <ul className="space-y-1">
                {tactic.techniques.map((cell) => (
                  <li key={cell.id} className="space-y-1">
                    {cellButton(cell)}
                    {cell.subtechniques.length > 0 && (
                      <ul className="space-y-1" aria-label={`Sub-techniques of ${cell.id}`}>
                        {cell.subtechniques.map((sub) => (
                          <li key={sub.id}>{cellButton(sub, true)}</li>
                        ))}
                      </ul>
                    )}
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      </div>
      {selected && (
        <section
          aria-live="polite"
          aria-label={`Claims tagged ${selected.id}`}
          className="space-y-2 rounded border border-slate-200 bg-white p-4"
        >
          <h3 className="text-sm font-semibold text-slate-900">
            <a href={selected.url} target="_blank" rel="noreferrer noopener" className="underline">
              {selected.id} {selected.name}
            </a>
            : {shown.length} {shown.length === 1 ? "claim" : "claims"}
          </h3>
          <ul className="space-y-3">
            {shown.map((claim) => (
              <li key={claim.id} className="text-sm">
                <Link href={`/cases/${caseId}/claims/${claim.id}`} className="font-medium text-indigo-800 underline">
                  {claim.statement}
                </Link>{" "}
                <span className="text-slate-600">(credibility {credibilityLabel(claim.credibility)})</span>
                <ul className="mt-1 space-y-1">
                  {claim.quotes.map((q, i) => (
                    <li key={i}>
                      <blockquote className="border-l-2 border-slate-300 pl-2 text-slate-800">“{q.exact}”</blockquote>
                      <span className="text-xs text-slate-600">{q.documentTitle}</span>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
