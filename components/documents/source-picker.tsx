"use client";
// The source of a document being added: a registered one, a new one registered in the same step
// (name, kind, Admiralty grade and why), or none yet (its claims are then ungraded). A typed
// publisher that names a registered source is offered as that source.
import { lazy, Suspense } from "react";
import { matchSource } from "@/lib/sources/match-source";
import type { ApiError } from "@/lib/client/api";
import { Button, Field, Select } from "@/components/ui/form";

// The new source's fields (kinds, the Admiralty scale's wording) load when "Register a new source…" is chosen: most
// documents name a registered source, and the case page keeps its JavaScript budget.
const NewSourceFields = lazy(() => import("./new-source-fields").then((m) => ({ default: m.NewSourceFields })));

export type SourceOption = { id: string; name: string; reliability: string };
export type SourceChoice = {
  /** "" = no source yet, NEW_SOURCE = register one now, else a registered source's id. */
  choice: string;
  name: string;
  kind: string;
  reliability: string;
  rationale: string;
};

export const NEW_SOURCE = "__new";
export const NO_SOURCE: SourceChoice = { choice: "", name: "", kind: "outlet", reliability: "", rationale: "" };

/** What the capture request carries for the choice. */
export function sourceFields(s: SourceChoice): Record<string, string> {
  if (s.choice === NEW_SOURCE)
    return { newSourceName: s.name, newSourceKind: s.kind, newSourceReliability: s.reliability, newSourceRationale: s.rationale };
  return s.choice ? { sourceId: s.choice } : {};
}

export function SourcePicker({
  idPrefix,
  sources,
  value,
  onChange,
  publisher,
  error,
}: {
  idPrefix: string;
  sources: SourceOption[];
  value: SourceChoice;
  onChange: (next: SourceChoice) => void;
  publisher: string;
  error: ApiError | null;
}) {
  const suggestion = publisher.trim() ? matchSource(publisher, sources) : null;
  const set = (k: keyof SourceChoice) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) =>
    onChange({ ...value, [k]: e.target.value });
  const issue = (k: string) => error?.issueFor(k);
  const id = (k: string) => `${idPrefix}-${k}`;
  return (
    <div className="space-y-3">
      <Field
        id={id("source")}
        label="Source"
        error={issue("sourceId")}
        hint="Who published it: its reliability grade is inherited, and claims from it name it as claimant by default."
      >
        <Select id={id("source")} value={value.choice} onChange={set("choice")} aria-invalid={!!issue("sourceId")}>
          <option value="">No source yet (its claims stay ungraded)</option>
          {sources.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name} ({s.reliability})
            </option>
          ))}
          <option value={NEW_SOURCE}>Register a new source…</option>
        </Select>
      </Field>
      {suggestion && suggestion.id !== value.choice && (
        <div
          role="status"
          data-testid="source-suggestion"
          className="flex flex-wrap items-center gap-2 rounded-md bg-indigo-50 px-3 py-2 text-sm text-indigo-950"
        >
          <span>
            Publisher matches registered source <strong>{suggestion.name}</strong> — use it?
          </span>
          <Button type="button" variant="secondary" className="px-2 py-1" onClick={() => onChange({ ...value, choice: suggestion.id })}>
            Use {suggestion.name}
          </Button>
        </div>
      )}
      {value.choice === NEW_SOURCE && (
        <Suspense fallback={<p className="text-sm text-slate-600">Loading the new source’s fields…</p>}>
          <NewSourceFields id={id} value={value} set={set} issue={issue} />
        </Suspense>
      )}
    </div>
  );
}
