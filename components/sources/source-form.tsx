"use client";
import { useState } from "react";
import { ConflictNotice } from "@/components/ui/conflict-notice";
import { useVersionedValues } from "@/components/ui/use-versioned-values";
import { ApiError } from "@/lib/client/api";
import { SOURCE_KIND_LABELS } from "@/lib/sources/kinds";
import { Button, Field, FormError, Input, Select, Textarea } from "@/components/ui/form";
import { ReliabilityBadge, reliabilityRow } from "./reliability-badge";
import { useSaveSource } from "./use-save-source";
import { valuesOf, type SourceRow, type SourceValues } from "./types";
import { ReliabilityOptions, SourceKindOptions } from "@/components/sources/source-options";

type Current = SourceRow & { updatedAt?: string };
const EMPTY: SourceValues = { name: "", kind: "", reliability: "", rationale: "", url: "" };
const FIELDS = ["name", "kind", "reliability", "rationale", "url"] as const;

function show(k: (typeof FIELDS)[number], v: SourceValues) {
  if (k === "kind") return SOURCE_KIND_LABELS[v.kind as keyof typeof SOURCE_KIND_LABELS] ?? v.kind;
  if (k === "reliability") return `${v.reliability} – ${reliabilityRow(v.reliability)?.label ?? ""}`;
  return v[k] || "—";
}

/** Add a source, or edit one (`existing`): a stale version answers 409 and the form keeps what was typed. */
export function SourceForm({ caseId, existing, onDone }: { caseId: string; existing?: SourceRow; onDone: () => void }) {
  const idp = existing ? `source-${existing.id}` : "new-source";
  const save = useSaveSource({ caseId, sourceId: existing?.id });
  const { values, setValues, version, conflict, resolve, onSaveError } = useVersionedValues<SourceValues, Current>({
    initial: existing ? valuesOf(existing) : EMPTY,
    version: existing?.version ?? 1,
    reset: save.reset,
  });
  const error = save.error instanceof ApiError ? save.error : null;
  const issue = (k: string) => error?.issueFor(k);
  const set = (k: keyof SourceValues) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) =>
    setValues((v) => ({ ...v, [k]: e.target.value }));
  const meaning = reliabilityRow(values.reliability)?.meaning;
  // A regrade needs a reason (the server answers 422 without one); it goes into the source's history.
  const [reason, setReason] = useState("");
  const regrading = !!existing && values.reliability !== existing.reliability;

  return (
    <form
      noValidate
      aria-label={existing ? `Edit source ${existing.name}` : "Add a source"}
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(
          { values, version, reason: regrading ? reason : undefined },
          {
            onSuccess: () => onDone(),
            onError: onSaveError,
          },
        );
      }}
    >
      {conflict ? (
        <ConflictNotice
          testId="source-conflict"
          title="Someone else changed this source after you opened it."
          version={conflict.version}
          rows={FIELDS.map((k) => ({ key: k, label: k === "url" ? "URL" : k, theirs: show(k, valuesOf(conflict)), mine: show(k, values) }))}
          onKeepMine={() => resolve(null)}
          onUseTheirs={() => resolve(valuesOf(conflict))}
        />
      ) : (
        <FormError message={error && !error.issues.length ? error.message : null} />
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={`${idp}-name`} label="Name" error={issue("name")}>
          <Input
            id={`${idp}-name`}
            value={values.name}
            onChange={set("name")}
            maxLength={200}
            aria-invalid={!!issue("name")}
            placeholder="e.g. Reuters, Mandiant, Microsoft"
          />
        </Field>
        <Field id={`${idp}-kind`} label="Kind" error={issue("kind")}>
          <Select id={`${idp}-kind`} value={values.kind} onChange={set("kind")} aria-invalid={!!issue("kind")}>
            <option value="">Choose a kind…</option>
            <SourceKindOptions />
          </Select>
        </Field>
      </div>
      <Field
        id={`${idp}-reliability`}
        label="Reliability"
        error={issue("reliability")}
        hint={meaning ?? "How far this source has earned trust, judged apart from any one report (Admiralty scale)."}
      >
        <div className="flex items-center gap-2">
          <Select
            id={`${idp}-reliability`}
            value={values.reliability}
            onChange={set("reliability")}
            aria-invalid={!!issue("reliability")}
            aria-describedby={`${idp}-reliability-${issue("reliability") ? "error" : "hint"}`}
          >
            <option value="">Choose a grade…</option>
            <ReliabilityOptions />
          </Select>
          {values.reliability && <ReliabilityBadge grade={values.reliability} />}
        </div>
      </Field>
      {regrading && (
        <Field
          id={`${idp}-reason`}
          label="Reason for the regrade"
          error={issue("reason")}
          hint={`Why ${existing!.reliability} becomes ${values.reliability || "…"}: kept in the source's history.`}
        >
          <Textarea
            id={`${idp}-reason`}
            rows={2}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            maxLength={2000}
            aria-invalid={!!issue("reason")}
          />
        </Field>
      )}
      <Field id={`${idp}-rationale`} label="Rationale" error={issue("rationale")} hint="Why this grade: track record, access, known bias.">
        <Textarea
          id={`${idp}-rationale`}
          rows={3}
          value={values.rationale}
          onChange={set("rationale")}
          maxLength={2000}
          aria-invalid={!!issue("rationale")}
          aria-describedby={`${idp}-rationale-${issue("rationale") ? "error" : "hint"}`}
        />
      </Field>
      <Field id={`${idp}-url`} label="URL (optional)" error={issue("url")}>
        <Input
          id={`${idp}-url`}
          type="url"
          value={values.url}
          onChange={set("url")}
          maxLength={2000}
          aria-invalid={!!issue("url")}
          placeholder="https://…"
        />
      </Field>
      <div className="flex gap-2">
        <Button type="submit" disabled={save.isPending || !!conflict}>
          {save.isPending ? "Saving…" : existing ? "Save source" : "Add source"}
        </Button>
        <Button type="button" variant="secondary" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
