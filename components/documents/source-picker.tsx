"use client";
// The source of a document being added: a registered one, a new one registered in the same step
// (name, kind, Admiralty grade and why), or none yet (its claims are then ungraded). A typed
// publisher that names a registered source is offered as that source.
import { SOURCE_RELIABILITY } from "@/lib/standards/source-reliability";
import { SOURCE_KIND_LABELS, SOURCE_KINDS } from "@/lib/sources/kinds";
import { matchSource } from "@/lib/sources/match-source";
import type { ApiError } from "@/lib/client/api";
import { Button, Field, Input, Select, Textarea } from "@/components/ui/form";

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
const reliabilityRow = (code: string) => SOURCE_RELIABILITY.find((r) => r.code === code);

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
  const grade = reliabilityRow(value.reliability);
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
        <fieldset className="grid gap-3 rounded-md border border-slate-200 p-3 sm:grid-cols-2">
          <legend className="px-1 text-sm font-medium text-slate-800">New source (registered with the document)</legend>
          <Field id={id("new-name")} label="Source name" error={issue("newSourceName")}>
            <Input id={id("new-name")} value={value.name} onChange={set("name")} maxLength={200} aria-invalid={!!issue("newSourceName")} />
          </Field>
          <Field id={id("new-kind")} label="Type of source" error={issue("newSourceKind")}>
            <Select id={id("new-kind")} value={value.kind} onChange={set("kind")}>
              {SOURCE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {SOURCE_KIND_LABELS[k]}
                </option>
              ))}
            </Select>
          </Field>
          <Field
            id={id("new-reliability")}
            label="Reliability (Admiralty grade)"
            error={issue("newSourceReliability")}
            hint={grade ? `${grade.code} – ${grade.label}: ${grade.meaning}` : "Pick a grade from A to F."}
          >
            <Select
              id={id("new-reliability")}
              value={value.reliability}
              onChange={set("reliability")}
              aria-invalid={!!issue("newSourceReliability")}
            >
              <option value="">Choose a grade…</option>
              {SOURCE_RELIABILITY.map((r) => (
                <option key={r.code} value={r.code}>
                  {r.code} – {r.label}
                </option>
              ))}
            </Select>
          </Field>
          <Field id={id("new-rationale")} label="Why this grade" error={issue("newSourceRationale")}>
            <Textarea
              id={id("new-rationale")}
              rows={2}
              value={value.rationale}
              onChange={set("rationale")}
              maxLength={2000}
              aria-invalid={!!issue("newSourceRationale")}
            />
          </Field>
        </fieldset>
      )}
    </div>
  );
}
