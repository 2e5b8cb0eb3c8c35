"use client";
import { useState } from "react";

/**
 * A token input: typing a comma or pressing Enter turns the text into an alias chip; Backspace in an
 * empty box removes the last one. Text still in the box is added on blur, so nothing typed is lost.
 */
export function AliasInput({
  id,
  value,
  onChange,
  describedBy,
}: {
  id: string;
  value: string[];
  onChange: (v: string[]) => void;
  describedBy?: string;
}) {
  const [draft, setDraft] = useState("");
  const add = (raw: string) => {
    const parts = raw
      .split(",")
      .map((p) => p.trim())
      .filter(Boolean);
    const next = [...value];
    for (const p of parts) if (!next.some((a) => a.toLowerCase() === p.toLowerCase())) next.push(p);
    if (next.length !== value.length) onChange(next);
    setDraft("");
  };
  return (
    <div className="flex flex-wrap items-center gap-1.5 rounded-md border border-slate-300 bg-white px-2 py-1.5 shadow-sm focus-within:border-indigo-500 focus-within:ring-1 focus-within:ring-indigo-500">
      <ul className="flex flex-wrap gap-1.5" aria-label="Aliases added">
        {value.map((a) => (
          <li
            key={a}
            className="inline-flex items-center gap-1 rounded bg-slate-100 py-0.5 pr-1 pl-2 text-sm text-slate-800"
            data-testid="alias-chip"
          >
            {a}
            <button
              type="button"
              className="rounded px-1 text-slate-600 hover:bg-slate-200 hover:text-slate-900"
              aria-label={`Remove alias ${a}`}
              onClick={() => onChange(value.filter((x) => x !== a))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <input
        id={id}
        value={draft}
        aria-describedby={describedBy}
        className="min-w-[10rem] flex-1 border-0 bg-transparent px-1 py-0.5 text-sm focus:outline-none"
        placeholder={value.length ? "" : "Type an alias, then Enter or comma"}
        onChange={(e) => {
          const v = e.target.value;
          if (v.includes(",")) add(v);
          else setDraft(v);
        }}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            // Enter adds the alias instead of submitting the form; an empty box lets Enter submit.
            if (draft.trim()) {
              e.preventDefault();
              add(draft);
            }
          } else if (e.key === "Backspace" && !draft && value.length) {
            onChange(value.slice(0, -1));
          }
        }}
        onBlur={() => draft.trim() && add(draft)}
      />
    </div>
  );
}
