"use client";
// The indicators table's filter bar. Every control is labelled; the search box waits for a pause in typing.
import { useEffect, useRef, useState } from "react";
import { INDICATOR_FLAGS, INDICATOR_STATUSES, INDICATOR_TYPES } from "@/lib/indicators/types";
import { FLAG_LABELS, INDICATOR_TYPE_LABELS, STATUS_LABELS } from "./indicator-labels";
import { hasIndicatorFilters, type IndicatorListParams } from "./indicator-list-params";

const select =
  "block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm focus:border-indigo-500 focus:ring-1 focus:ring-indigo-500 focus:outline-none";

export function IndicatorsFilters({
  params,
  onChange,
}: {
  params: IndicatorListParams;
  onChange: (next: Partial<IndicatorListParams>, opts?: { replace?: boolean }) => void;
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
      aria-label="Filter indicators"
      className="grid grid-cols-2 gap-3 rounded-lg border border-slate-200 bg-white p-3 sm:grid-cols-5"
      onSubmit={(e) => e.preventDefault()}
    >
      <div className="col-span-2">
        {field(
          "indicators-q",
          "Search value or note (defanged works)",
          <input
            id="indicators-q"
            type="search"
            value={text}
            onChange={(e) => setText(e.target.value)}
            maxLength={500}
            placeholder="e.g. evil[.]net or 203.0.113[.]7"
            className={select}
          />,
        )}
      </div>
      {field(
        "indicators-type",
        "Type",
        <select
          id="indicators-type"
          className={select}
          value={params.type ?? ""}
          onChange={(e) => onChange({ type: str(e.target.value) as IndicatorListParams["type"] })}
        >
          <option value="">Any type</option>
          {INDICATOR_TYPES.map((t) => (
            <option key={t} value={t}>
              {INDICATOR_TYPE_LABELS[t]}
            </option>
          ))}
        </select>,
      )}
      {field(
        "indicators-flag",
        "Flag",
        <select
          id="indicators-flag"
          className={select}
          value={params.flag ?? ""}
          onChange={(e) => onChange({ flag: str(e.target.value) as IndicatorListParams["flag"] })}
        >
          <option value="">Any</option>
          <option value="none">Not flagged</option>
          {INDICATOR_FLAGS.map((f) => (
            <option key={f} value={f}>
              {FLAG_LABELS[f]}
            </option>
          ))}
        </select>,
      )}
      {field(
        "indicators-status",
        "Status",
        <select
          id="indicators-status"
          className={select}
          value={params.status ?? ""}
          onChange={(e) => onChange({ status: str(e.target.value) as IndicatorListParams["status"] })}
        >
          <option value="">Any</option>
          {INDICATOR_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>,
      )}
      {hasIndicatorFilters(params) && (
        <div className="col-span-2 flex items-end sm:col-span-5">
          <button
            type="button"
            className="text-sm font-medium text-indigo-800 underline hover:text-indigo-950"
            onClick={() => {
              setText("");
              sent.current = "";
              onChange({ type: undefined, flag: undefined, status: undefined, q: undefined });
            }}
          >
            Clear filters
          </button>
        </div>
      )}
    </form>
  );
}
