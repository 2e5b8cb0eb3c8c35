"use client";
// The claims table's filter bar. Every control is labelled; the search box waits for a pause in typing.
import { useEffect, useRef, useState } from "react";
import { INFORMATION_CREDIBILITY } from "@/lib/standards/scales";
import { CLAIM_KIND_KEYS, CLAIM_STATUS_KEYS, KIND_LABELS, STATUS_LABELS, type EntityOption, type SourceOption } from "./claim-labels";
import { HEALTH_LABELS } from "@/lib/cases/health-keys";
import { hasFilters, type ClaimListParams } from "./claim-list-params";
import { ReliabilityOptions } from "@/components/sources/source-options";

const select =
  "block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm focus:border-indigo-500 focus:ring-1 focus:ring-indigo-500 focus:outline-none";

export function ClaimsFilters({
  params,
  sources,
  entities,
  onChange,
}: {
  params: ClaimListParams;
  sources: SourceOption[];
  entities: EntityOption[];
  onChange: (next: Partial<ClaimListParams>, opts?: { replace?: boolean }) => void;
}) {
  const [text, setText] = useState(params.q ?? "");
  const sent = useRef(params.q ?? "");
  // Follow the URL when it changes from elsewhere (back button, "Clear filters"), but never overwrite
  // what the user is still typing with the value we ourselves sent a moment ago.
  useEffect(() => {
    if ((params.q ?? "") === sent.current) return;
    sent.current = params.q ?? "";
    setText(params.q ?? "");
  }, [params.q]);
  useEffect(() => {
    const q = text.trim();
    if (q === sent.current) return;
    const t = setTimeout(() => {
      sent.current = q;
      onChange({ q: q || undefined }, { replace: true });
    }, 300);
    return () => clearTimeout(t);
  }, [text, onChange]);

  const field = (id: string, label: string, control: React.ReactNode) => (
    <div className="min-w-0">
      <label htmlFor={id} className="mb-0.5 block text-xs font-medium text-slate-700">
        {label}
      </label>
      {control}
    </div>
  );
  const str = (v: string) => (v === "" ? undefined : v);

  return (
    <form
      role="search"
      aria-label="Filter claims"
      className="grid grid-cols-2 gap-3 rounded-lg border border-slate-200 bg-white p-3 sm:grid-cols-4 lg:grid-cols-8"
      onSubmit={(e) => e.preventDefault()}
    >
      <div className="col-span-2">
        {field(
          "claims-q",
          "Search statement or claimant",
          <input
            id="claims-q"
            type="search"
            value={text}
            onChange={(e) => setText(e.target.value)}
            maxLength={200}
            placeholder="e.g. HomeLand Justice"
            className={select}
          />,
        )}
      </div>
      {field(
        "claims-source",
        "Source",
        <select
          id="claims-source"
          className={select}
          value={params.sourceId ?? ""}
          onChange={(e) => onChange({ sourceId: str(e.target.value) })}
        >
          <option value="">Any source</option>
          {sources.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name} ({s.reliability})
            </option>
          ))}
        </select>,
      )}
      {field(
        "claims-reliability",
        "Reliability",
        <select
          id="claims-reliability"
          className={select}
          value={params.reliability ?? ""}
          onChange={(e) => onChange({ reliability: str(e.target.value) as ClaimListParams["reliability"] })}
        >
          <option value="">Any</option>
          <ReliabilityOptions />
          <option value="none">– Ungraded (no source)</option>
        </select>,
      )}
      {field(
        "claims-credibility",
        "Credibility",
        <select
          id="claims-credibility"
          className={select}
          value={params.credibility ?? ""}
          onChange={(e) => onChange({ credibility: e.target.value ? Number(e.target.value) : undefined })}
        >
          <option value="">Any</option>
          {INFORMATION_CREDIBILITY.map((c) => (
            <option key={c.value} value={c.value}>
              {c.value} – {c.label}
            </option>
          ))}
        </select>,
      )}
      {field(
        "claims-kind",
        "Kind",
        <select
          id="claims-kind"
          className={select}
          value={params.kind ?? ""}
          onChange={(e) => onChange({ kind: str(e.target.value) as ClaimListParams["kind"] })}
        >
          <option value="">Any</option>
          {CLAIM_KIND_KEYS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k]}
            </option>
          ))}
        </select>,
      )}
      {field(
        "claims-status",
        "Status",
        <select
          id="claims-status"
          className={select}
          value={params.status ?? ""}
          onChange={(e) => onChange({ status: str(e.target.value) as ClaimListParams["status"] })}
        >
          <option value="">Any</option>
          {CLAIM_STATUS_KEYS.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>,
      )}
      {field(
        "claims-entity",
        "Entity",
        <select
          id="claims-entity"
          className={select}
          value={params.entityId ?? ""}
          onChange={(e) => onChange({ entityId: str(e.target.value) })}
        >
          <option value="">Any entity</option>
          {entities.map((en) => (
            <option key={en.id} value={en.id}>
              {en.name}
            </option>
          ))}
        </select>,
      )}
      {params.health && (
        <p className="col-span-2 text-sm text-slate-700 sm:col-span-4 lg:col-span-8" data-testid="claims-health-filter">
          Showing: <strong>{HEALTH_LABELS[params.health]}</strong> (from the case overview).
        </p>
      )}
      {hasFilters(params) && (
        <div className="col-span-2 flex items-end sm:col-span-4 lg:col-span-8">
          <button
            type="button"
            className="text-sm font-medium text-indigo-800 underline hover:text-indigo-950"
            onClick={() => {
              setText("");
              sent.current = "";
              onChange({
                sourceId: undefined,
                reliability: undefined,
                credibility: undefined,
                kind: undefined,
                status: undefined,
                entityId: undefined,
                q: undefined,
                health: undefined,
              });
            }}
          >
            Clear filters
          </button>
        </div>
      )}
    </form>
  );
}
