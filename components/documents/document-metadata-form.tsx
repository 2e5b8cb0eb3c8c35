"use client";
// Corrects a document's details (title, publisher, author, published date, a typed URL) with a reason,
// at the version the user opened. The captured text and its hashes never change.
import { useState } from "react";
import { useRouter } from "next/navigation";
import { ApiError } from "@/lib/client/api";
import { Button, Field, FormError, Input, Textarea } from "@/components/ui/form";
import { ConflictNotice } from "@/components/ui/conflict-notice";
import { useVersionedValues } from "@/components/ui/use-versioned-values";
import { useUpdateDocumentMetadata, type DocumentMetadataCurrent, type DocumentMetadataValues } from "./use-update-document-metadata";

const FIELDS = [
  ["title", "Title"],
  ["publisher", "Publisher"],
  ["author", "Author"],
  ["publishedAt", "Published"],
  ["url", "URL"],
] as const;

const valuesOf = (d: Omit<DocumentMetadataCurrent, "version">): DocumentMetadataValues => ({
  title: d.title,
  publisher: d.publisher ?? "",
  author: d.author ?? "",
  publishedAt: d.publishedAt?.slice(0, 10) ?? "",
  url: d.url ?? "",
});

export function DocumentMetadataForm({
  caseId,
  document,
}: {
  caseId: string;
  document: DocumentMetadataCurrent & { id: string; kind: string };
}) {
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState(false);
  if (!open)
    return (
      <div className="space-y-1">
        {saved && (
          <p role="status" className="text-sm text-emerald-800">
            Details saved; the change and its reason are in the case activity.
          </p>
        )}
        <Button type="button" variant="secondary" onClick={() => setOpen(true)}>
          Edit details
        </Button>
      </div>
    );
  return (
    <MetadataForm
      caseId={caseId}
      document={document}
      onDone={(ok) => {
        setSaved(ok);
        setOpen(false);
      }}
    />
  );
}

function MetadataForm({
  caseId,
  document,
  onDone,
}: {
  caseId: string;
  document: DocumentMetadataCurrent & { id: string; kind: string };
  onDone: (saved: boolean) => void;
}) {
  const router = useRouter();
  const urlFrozen = document.kind === "url";
  const save = useUpdateDocumentMetadata({ caseId, documentId: document.id, urlFrozen });
  const { values, setValues, version, conflict, resolve, onSaveError } = useVersionedValues<
    DocumentMetadataValues,
    DocumentMetadataCurrent
  >({
    initial: valuesOf(document),
    version: document.version,
    reset: save.reset,
  });
  const [reason, setReason] = useState("");
  const error = save.error instanceof ApiError && save.error.status !== 409 ? save.error : null;
  const issue = (k: string) => error?.issueFor(k);
  const set = (k: keyof DocumentMetadataValues) => (e: React.ChangeEvent<HTMLInputElement>) =>
    setValues((v) => ({ ...v, [k]: e.target.value }));
  const text = (k: keyof DocumentMetadataValues, id: string, label: string, hint?: string, disabled = false) => (
    <Field id={id} label={label} error={issue(k)} hint={hint}>
      <Input
        id={id}
        value={values[k]}
        onChange={set(k)}
        disabled={disabled}
        aria-invalid={!!issue(k)}
        aria-describedby={issue(k) ? `${id}-error` : hint ? `${id}-hint` : undefined}
      />
    </Field>
  );

  return (
    <form
      noValidate
      aria-label="Edit document details"
      className="space-y-3 rounded-md border border-slate-200 bg-white p-3"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(
          { values, version, reason },
          {
            onSuccess: () => {
              router.refresh();
              onDone(true);
            },
            onError: onSaveError,
          },
        );
      }}
    >
      {conflict ? (
        <ConflictNotice
          testId="document-conflict"
          title="Someone else changed this document's details after you opened it."
          version={conflict.version}
          rows={FIELDS.map(([k, label]) => ({ key: k, label, theirs: valuesOf(conflict)[k] || "—", mine: values[k] || "—" }))}
          onKeepMine={() => resolve(null)}
          onUseTheirs={() => resolve(valuesOf(conflict))}
        />
      ) : (
        <FormError message={error && !error.issues.length ? error.message : null} />
      )}
      {text("title", "meta-title", "Title")}
      {text("publisher", "meta-publisher", "Publisher")}
      {text("author", "meta-author", "Author")}
      {text("publishedAt", "meta-published", "Published", "A day: 28 Feb 2023 or 2023-02-28. Empty clears it.")}
      {text(
        "url",
        "meta-url",
        "URL",
        urlFrozen ? "Captured from this URL: it is where the bytes came from and stays as captured." : undefined,
        urlFrozen,
      )}
      <Field id="meta-reason" label="Reason for the change" error={issue("reason")} hint="Kept with the change in the case activity.">
        <Textarea
          id="meta-reason"
          rows={2}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={2000}
          aria-invalid={!!issue("reason")}
          aria-describedby={issue("reason") ? "meta-reason-error" : "meta-reason-hint"}
        />
      </Field>
      <p className="text-xs text-slate-600">The captured text, its bytes and SHA-256 stay as captured.</p>
      <div className="flex gap-2">
        <Button type="submit" disabled={save.isPending || !!conflict}>
          {save.isPending ? "Saving…" : "Save details"}
        </Button>
        <Button type="button" variant="secondary" onClick={() => onDone(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
