"use client";
import { useEffect, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { api } from "@/lib/client/api";
import { claimKeys } from "@/lib/client/query-keys";

type ClaimOption = { id: string; statement: string; claimant: string; grade: string };
export type PickedClaim = { id: string; statement: string };

/** Search the case's claims and tick the ones an event rests on; picked claims stay listed across searches. */
export function ClaimPicker({
  caseId,
  idPrefix,
  value,
  onChange,
  error,
}: {
  caseId: string;
  idPrefix: string;
  value: PickedClaim[];
  onChange: (v: PickedClaim[]) => void;
  error?: string;
}) {
  const [q, setQ] = useState("");
  const [debounced, setDebounced] = useState("");
  useEffect(() => {
    const t = setTimeout(() => setDebounced(q.trim()), 250);
    return () => clearTimeout(t);
  }, [q]);
  const filters = { pageSize: 200, q: debounced };
  const { data, isFetching, isError } = useQuery({
    queryKey: claimKeys.list(caseId, filters),
    queryFn: () => {
      const params = new URLSearchParams({ pageSize: "200", ...(debounced ? { q: debounced } : {}) });
      return api<{ claims: ClaimOption[]; total: number }>(`/api/cases/${caseId}/claims?${params}`);
    },
  });
  const picked = new Set(value.map((c) => c.id));
  const toggle = (c: PickedClaim) =>
    onChange(picked.has(c.id) ? value.filter((x) => x.id !== c.id) : [...value, { id: c.id, statement: c.statement }]);
  const options = data?.claims ?? [];

  return (
    <fieldset className="space-y-2" aria-describedby={error ? `${idPrefix}-claims-error` : undefined}>
      <legend className="text-sm font-medium text-slate-800">
        Linked claims <span className="font-normal text-slate-600">({value.length} picked)</span>
      </legend>
      {value.length > 0 && (
        <ul className="flex flex-wrap gap-1.5" aria-label="Picked claims">
          {value.map((c) => (
            <li
              key={c.id}
              className="inline-flex max-w-full items-center gap-1 rounded bg-indigo-50 py-0.5 pr-1 pl-2 text-xs text-indigo-950"
            >
              <span className="truncate">{c.statement}</span>
              <button
                type="button"
                className="rounded px-1 hover:bg-indigo-100"
                aria-label={`Unlink claim: ${c.statement}`}
                onClick={() => toggle(c)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <label htmlFor={`${idPrefix}-claim-search`} className="sr-only">
        Find claims by statement or claimant
      </label>
      <input
        id={`${idPrefix}-claim-search`}
        type="search"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        placeholder="Find claims by statement or claimant…"
        className="block w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm focus:border-indigo-500 focus:ring-1 focus:ring-indigo-500 focus:outline-none"
      />
      <div className="max-h-48 overflow-y-auto rounded-md border border-slate-200 bg-white" aria-busy={isFetching}>
        {isError ? (
          <p className="p-3 text-sm text-red-700">Could not load the claims. Try again.</p>
        ) : options.length === 0 ? (
          <p className="p-3 text-sm text-slate-600">
            {isFetching
              ? "Loading claims…"
              : debounced
                ? "No claim matches."
                : "This case has no claims yet: draw them from documents first, or add the event without claims."}
          </p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {options.map((c) => (
              <li key={c.id}>
                <label className="flex cursor-pointer items-start gap-2 px-3 py-1.5 text-sm hover:bg-slate-50">
                  <input type="checkbox" className="mt-0.5" checked={picked.has(c.id)} onChange={() => toggle(c)} />
                  <span className="font-mono text-xs text-slate-700">{c.grade}</span>
                  <span className="text-slate-900">
                    {c.statement} <span className="text-slate-600">— {c.claimant}</span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
        )}
      </div>
      {error && (
        <p id={`${idPrefix}-claims-error`} role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </fieldset>
  );
}
