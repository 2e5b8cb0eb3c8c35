"use client";
// Which claims report an indicator and which entities (intrusion set, malware) it indicates: chosen in the
// indicator's edit form and saved with it (one PATCH, one version). Claims are found by words in their
// statement (the claims list's own search), entities picked from the case's list.
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { api } from "@/lib/client/api";
import { claimKeys, entityKeys } from "@/lib/client/query-keys";
import { Input, Select } from "@/components/ui/form";

export type LinkedClaim = { id: string; statement: string };
export type LinkedEntity = { id: string; name: string; kind: string };

const chip = "inline-flex items-center gap-1 rounded bg-slate-100 px-2 py-0.5 text-sm text-slate-800";
const remove = "rounded px-1 text-slate-600 hover:bg-slate-200 hover:text-slate-900 focus:outline-2 focus:outline-indigo-600";

export function IndicatorLinkPicker({
  caseId,
  claims,
  entities,
  onClaims,
  onEntities,
}: {
  caseId: string;
  claims: LinkedClaim[];
  entities: LinkedEntity[];
  onClaims: (next: LinkedClaim[]) => void;
  onEntities: (next: LinkedEntity[]) => void;
}) {
  const [q, setQ] = useState("");
  const words = q.trim();
  const found = useQuery({
    queryKey: claimKeys.list(caseId, { q: words, picker: "indicator" }),
    queryFn: () =>
      api<{ claims: LinkedClaim[] }>(`/api/cases/${caseId}/claims?pageSize=8&q=${encodeURIComponent(words)}`).then((r) => r.claims),
    enabled: words.length >= 2,
  });
  const allEntities = useQuery({
    queryKey: entityKeys.options(caseId),
    queryFn: () => api<{ entities: LinkedEntity[] }>(`/api/cases/${caseId}/entities`).then((r) => r.entities),
  });
  const linked = new Set(claims.map((c) => c.id));
  const offered = (found.data ?? []).filter((c) => !linked.has(c.id));
  const entityChoices = (allEntities.data ?? []).filter((e) => !entities.some((x) => x.id === e.id));

  return (
    <fieldset className="space-y-3" data-testid="indicator-links-editor">
      <legend className="text-sm font-medium text-slate-800">Links</legend>
      <div className="space-y-1">
        <p className="text-xs text-slate-600" id="indicator-claims-linked">
          Claims that report it:
        </p>
        <ul className="flex flex-wrap gap-2" aria-labelledby="indicator-claims-linked">
          {claims.length === 0 && <li className="text-sm text-slate-600">none</li>}
          {claims.map((c) => (
            <li key={c.id} className={chip}>
              <span className="max-w-[20rem] truncate" title={c.statement}>
                {c.statement}
              </span>
              <button
                type="button"
                className={remove}
                aria-label={`Unlink claim: ${c.statement}`}
                onClick={() => onClaims(claims.filter((x) => x.id !== c.id))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        <label htmlFor="indicator-claim-search" className="block text-xs text-slate-700">
          Find a claim to link (two letters or more)
        </label>
        <Input id="indicator-claim-search" type="search" value={q} onChange={(e) => setQ(e.target.value)} autoComplete="off" />
        {words.length >= 2 && (
          <ul className="space-y-1" aria-label="Claims found">
            {found.isFetching && <li className="text-sm text-slate-600">Searching…</li>}
            {!found.isFetching && offered.length === 0 && <li className="text-sm text-slate-600">No other claim has these words.</li>}
            {offered.map((c) => (
              <li key={c.id}>
                <button
                  type="button"
                  className="text-left text-sm text-indigo-800 underline hover:text-indigo-950"
                  onClick={() => {
                    onClaims([...claims, c]);
                    setQ("");
                  }}
                >
                  Link “{c.statement}”
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      <div className="space-y-1">
        <p className="text-xs text-slate-600" id="indicator-entities-linked">
          Indicates:
        </p>
        <ul className="flex flex-wrap gap-2" aria-labelledby="indicator-entities-linked">
          {entities.length === 0 && <li className="text-sm text-slate-600">nothing yet</li>}
          {entities.map((e) => (
            <li key={e.id} className={chip}>
              {e.name}
              <button
                type="button"
                className={remove}
                aria-label={`Unlink entity: ${e.name}`}
                onClick={() => onEntities(entities.filter((x) => x.id !== e.id))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        <label htmlFor="indicator-entity-add" className="block text-xs text-slate-700">
          Add what it indicates (intrusion set, malware…)
        </label>
        <Select
          id="indicator-entity-add"
          value=""
          onChange={(e) => {
            const pick = entityChoices.find((x) => x.id === e.target.value);
            if (pick) onEntities([...entities, pick]);
          }}
        >
          <option value="">Choose an entity…</option>
          {entityChoices.map((e) => (
            <option key={e.id} value={e.id}>
              {e.name} ({e.kind.replace(/_/g, " ")})
            </option>
          ))}
        </Select>
      </div>
    </fieldset>
  );
}
