"use client";
// The fields of a source registered with the document (name, kind, Admiralty grade and why): loaded by
// ./source-picker.tsx when "Register a new source…" is chosen.
import { SOURCE_RELIABILITY } from "@/lib/standards/source-reliability";
import { Field, Input, Select, Textarea } from "@/components/ui/form";
import type { SourceChoice } from "./source-picker";
import { ReliabilityOptions, SourceKindOptions } from "@/components/sources/source-options";

export function NewSourceFields({
  id,
  value,
  set,
  issue,
}: {
  id: (k: string) => string;
  value: SourceChoice;
  set: (k: keyof SourceChoice) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) => void;
  issue: (k: string) => string | undefined;
}) {
  const grade = SOURCE_RELIABILITY.find((r) => r.code === value.reliability);
  return (
    <fieldset className="grid gap-3 rounded-md border border-slate-200 p-3 sm:grid-cols-2">
      <legend className="px-1 text-sm font-medium text-slate-800">New source (registered with the document)</legend>
      <Field id={id("new-name")} label="Source name" error={issue("newSourceName")}>
        <Input id={id("new-name")} value={value.name} onChange={set("name")} maxLength={200} aria-invalid={!!issue("newSourceName")} />
      </Field>
      <Field id={id("new-kind")} label="Type of source" error={issue("newSourceKind")}>
        <Select id={id("new-kind")} value={value.kind} onChange={set("kind")}>
          <SourceKindOptions />
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
          <ReliabilityOptions />
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
  );
}
