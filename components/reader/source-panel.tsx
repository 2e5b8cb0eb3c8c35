"use client";
import { useState } from "react";
import { ApiError } from "@/lib/client/api";
import { SOURCE_RELIABILITY } from "@/lib/standards/scales";
import { SOURCE_KIND_LABELS } from "@/lib/sources/kinds";
import { Button, Field, FormError, Input, Select, Textarea } from "@/components/ui/form";
import { useAssignSource, useCreateSource } from "./use-assign-source";
import type { ReaderDocument, ReaderSource } from "./types";
import { ReliabilityOptions, SourceKindOptions } from "@/components/sources/source-options";

const NEW = "__new";
const reliabilityRow = (code: string | null | undefined) => SOURCE_RELIABILITY.find((r) => r.code === code);
const kindLabel = (kind: string) => SOURCE_KIND_LABELS[kind as keyof typeof SOURCE_KIND_LABELS] ?? kind;

function Grade({ code, testId }: { code: string; testId?: string }) {
  const row = reliabilityRow(code);
  return (
    <span className="inline-flex items-baseline gap-1.5">
      <span data-testid={testId} className="rounded bg-slate-800 px-1.5 py-0.5 font-mono text-xs font-bold text-white">
        {code}
      </span>
      <span className="text-slate-800">{row?.label}</span>
    </span>
  );
}

/** The document's source with its reliability grade and reason; editors pick or register one here. */
export function SourcePanel({
  caseId,
  doc,
  sources,
  canEdit,
}: {
  caseId: string;
  doc: ReaderDocument;
  sources: ReaderSource[];
  canEdit: boolean;
}) {
  const [editing, setEditing] = useState(false);
  const source = doc.source ?? null;
  return (
    <section aria-labelledby="source-heading" className="space-y-2 text-sm">
      <div className="flex items-center justify-between">
        <h2 id="source-heading" className="text-sm font-semibold uppercase tracking-wide text-slate-600">
          Source
        </h2>
        {canEdit && !editing && (
          <Button type="button" variant="secondary" className="px-2 py-1 text-xs" onClick={() => setEditing(true)}>
            {source ? "Change source" : "Set source"}
          </Button>
        )}
      </div>
      {source ? (
        <div className="space-y-1 rounded-md border border-slate-200 bg-white p-3" data-testid="document-source">
          <p className="font-medium text-slate-900">
            {source.name} <span className="font-normal text-slate-600">· {kindLabel(source.kind)}</span>
          </p>
          <p>
            <Grade code={source.reliability} testId="source-reliability" />
          </p>
          <p className="text-xs text-slate-600">{reliabilityRow(source.reliability)?.meaning}</p>
          <p className="text-slate-800">
            <span className="text-slate-600">Why: </span>
            {source.rationale}
          </p>
          {doc.reliabilityOverride && (
            <div className="mt-2 rounded border border-amber-300 bg-amber-50 p-2 text-amber-950" data-testid="reliability-override">
              <p>
                For this document: <Grade code={doc.reliabilityOverride} />
              </p>
              <p>
                <span className="font-medium">Reason: </span>
                {doc.overrideReason}
              </p>
            </div>
          )}
        </div>
      ) : (
        <p className="rounded-md border border-dashed border-slate-300 bg-white p-3 text-slate-700">
          No source: ungraded. Claims quoting this document stay ungraded (not F) until it has a graded source.
        </p>
      )}
      {editing && <SourceEditor caseId={caseId} doc={doc} sources={sources} onDone={() => setEditing(false)} />}
    </section>
  );
}

function SourceEditor({
  caseId,
  doc,
  sources,
  onDone,
}: {
  caseId: string;
  doc: ReaderDocument;
  sources: ReaderSource[];
  onDone: () => void;
}) {
  const [choice, setChoice] = useState(doc.sourceId ?? (sources.length ? sources[0].id : NEW));
  const [draft, setDraft] = useState({ name: doc.publisher ?? "", kind: "outlet", reliability: "F", rationale: "", url: "" });
  const [override, setOverride] = useState({
    on: !!doc.reliabilityOverride,
    reliability: doc.reliabilityOverride ?? "C",
    reason: doc.overrideReason ?? "",
  });
  const create = useCreateSource({ caseId });
  const assign = useAssignSource({ caseId, documentId: doc.id });
  const createErr = create.error instanceof ApiError ? create.error : null;
  const assignErr = assign.error instanceof ApiError ? assign.error : null;
  const setD = (k: keyof typeof draft) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) =>
    setDraft((d) => ({ ...d, [k]: e.target.value }));

  async function save() {
    create.reset();
    assign.reset();
    let sourceId = choice;
    if (choice === NEW) {
      const created = await create.mutateAsync({ ...draft, url: draft.url.trim() || undefined }).catch(() => null);
      if (!created) return;
      // The source now exists: a retry after a failed assignment must not register it twice.
      sourceId = created.id;
      setChoice(created.id);
    }
    const done = await assign
      .mutateAsync({
        sourceId,
        reliabilityOverride: override.on ? override.reliability : null,
        overrideReason: override.on ? override.reason : null,
      })
      .then(
        () => true,
        () => false,
      );
    if (done) onDone();
  }

  const generalErr = [createErr, assignErr].find((e) => e && !e.issues.length)?.message;
  return (
    <form
      aria-label="Set the document's source"
      className="space-y-3 rounded-md border border-slate-200 bg-white p-3"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <FormError message={generalErr} />
      <Field id="source-choice" label="Source" error={assignErr?.issueFor("sourceId")}>
        <Select id="source-choice" value={choice} onChange={(e) => setChoice(e.target.value)}>
          {sources.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name} ({s.reliability})
            </option>
          ))}
          <option value={NEW}>New source…</option>
        </Select>
      </Field>
      {choice === NEW && (
        <fieldset className="space-y-3 border-l-2 border-indigo-200 pl-3">
          <legend className="text-sm font-medium text-slate-800">New source</legend>
          <Field id="new-source-name" label="Name" error={createErr?.issueFor("name")}>
            <Input
              id="new-source-name"
              value={draft.name}
              onChange={setD("name")}
              aria-invalid={!!createErr?.issueFor("name")}
              maxLength={200}
            />
          </Field>
          <Field id="new-source-kind" label="Kind of source" error={createErr?.issueFor("kind")}>
            <Select id="new-source-kind" value={draft.kind} onChange={setD("kind")}>
              <SourceKindOptions />
            </Select>
          </Field>
          <Field
            id="new-source-reliability"
            label="Reliability"
            error={createErr?.issueFor("reliability")}
            hint={reliabilityRow(draft.reliability)?.meaning}
          >
            <Select id="new-source-reliability" value={draft.reliability} onChange={setD("reliability")}>
              <ReliabilityOptions />
            </Select>
          </Field>
          <Field id="new-source-rationale" label="Why this grade" error={createErr?.issueFor("rationale")}>
            <Textarea
              id="new-source-rationale"
              rows={2}
              value={draft.rationale}
              onChange={setD("rationale")}
              aria-invalid={!!createErr?.issueFor("rationale")}
              maxLength={2000}
            />
          </Field>
          <Field id="new-source-url" label="Source URL (optional)" error={createErr?.issueFor("url")}>
            <Input
              id="new-source-url"
              value={draft.url}
              onChange={setD("url")}
              aria-invalid={!!createErr?.issueFor("url")}
              placeholder="https://"
            />
          </Field>
        </fieldset>
      )}
      <label className="flex items-center gap-2 text-sm text-slate-800">
        <input type="checkbox" checked={override.on} onChange={(e) => setOverride((o) => ({ ...o, on: e.target.checked }))} />
        Override reliability for this document
      </label>
      {override.on && (
        <div className="space-y-3 border-l-2 border-amber-300 pl-3">
          <Field
            id="override-reliability"
            label="Reliability for this document"
            error={assignErr?.issueFor("reliabilityOverride")}
            hint={reliabilityRow(override.reliability)?.meaning}
          >
            <Select
              id="override-reliability"
              value={override.reliability}
              onChange={(e) => setOverride((o) => ({ ...o, reliability: e.target.value }))}
            >
              <ReliabilityOptions />
            </Select>
          </Field>
          <Field id="override-reason" label="Reason for the override" error={assignErr?.issueFor("overrideReason")}>
            <Textarea
              id="override-reason"
              rows={2}
              value={override.reason}
              onChange={(e) => setOverride((o) => ({ ...o, reason: e.target.value }))}
              aria-invalid={!!assignErr?.issueFor("overrideReason")}
              maxLength={2000}
            />
          </Field>
        </div>
      )}
      <div className="flex gap-2">
        <Button type="submit" disabled={create.isPending || assign.isPending}>
          {create.isPending || assign.isPending ? "Saving…" : "Save source"}
        </Button>
        <Button type="button" variant="secondary" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
