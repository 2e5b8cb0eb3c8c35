"use client";
import { lazy, Suspense, useRef, useState } from "react";
import { ApiError } from "@/lib/client/api";
import { Button, Field, FormError, Input, Textarea } from "@/components/ui/form";
import type { Created } from "./added-notice";
import { useCreateDocument } from "./use-create-document";
import { NO_SOURCE, SourcePicker, sourceFields, type SourceChoice, type SourceOption } from "./source-picker";

const MAX_BYTES = 5 * 1024 * 1024;
type Meta = { title: string; url: string; publisher: string; author: string; publishedAt: string };
const EMPTY: Meta = { title: "", url: "", publisher: "", author: "", publishedAt: "" };

type Mode = "paste" | "upload" | "url";

// The URL capture form loads when its tab is first chosen: most documents are pasted or uploaded.
const CaptureUrlForm = lazy(() => import("./capture-url-form").then((m) => ({ default: m.CaptureUrlForm })));
// The notice shown once a document is stored loads with that first success.
const AddedNotice = lazy(() => import("./added-notice").then((m) => ({ default: m.AddedNotice })));

type Existing = { id: string; title: string; retracted: boolean };

export function AddDocumentForm({ caseId, sources = [] }: { caseId: string; sources?: SourceOption[] }) {
  const [mode, setMode] = useState<Mode>("paste");
  const [captureShown, setCaptureShown] = useState(false);
  const tab = (m: Mode, label: string) => (
    <button
      type="button"
      role="tab"
      aria-selected={mode === m}
      onClick={() => {
        setMode(m);
        if (m === "url") setCaptureShown(true);
      }}
      className={`rounded-md px-3 py-1.5 text-sm font-medium ${mode === m ? "bg-indigo-50 text-indigo-800 ring-1 ring-indigo-200" : "text-slate-600 hover:text-slate-900"}`}
    >
      {label}
    </button>
  );
  return (
    <div className="space-y-4">
      <div role="tablist" aria-label="How to add the document" className="flex flex-wrap gap-2">
        {tab("paste", "Paste text")}
        {tab("upload", "Upload file")}
        {tab("url", "Capture URL")}
      </div>
      {/* Both stay mounted (the capture form from its first showing) so switching tabs never loses what was typed. */}
      <div hidden={mode !== "url"}>
        {captureShown && (
          <Suspense fallback={<p className="text-sm text-slate-600">Loading…</p>}>
            <CaptureUrlForm caseId={caseId} sources={sources} />
          </Suspense>
        )}
      </div>
      <div hidden={mode === "url"}>
        <PasteOrUploadForm caseId={caseId} sources={sources} mode={mode === "url" ? "paste" : mode} />
      </div>
    </div>
  );
}

function PasteOrUploadForm({ caseId, sources, mode }: { caseId: string; sources: SourceOption[]; mode: "paste" | "upload" }) {
  const [meta, setMeta] = useState<Meta>(EMPTY);
  const [source, setSource] = useState<SourceChoice>(NO_SOURCE);
  const [text, setText] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [clientError, setClientError] = useState<{ mode: string; message: string } | null>(null);
  const [last, setLast] = useState<Created | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const add = useCreateDocument({
    caseId,
    onCreated: (created) => {
      // Cleared only once the server has stored it: a failed save keeps everything the user entered.
      setLast(created);
      setMeta(EMPTY);
      // A source registered with the document joins the pickers: useCreateDocument re-renders the page.
      setSource(NO_SOURCE);
      setText("");
      setFile(null);
      if (fileInput.current) fileInput.current.value = "";
    },
  });
  const send = (confirmDuplicate: boolean) => {
    const extra = { ...sourceFields(source), ...(confirmDuplicate ? { confirmDuplicate: true } : {}) };
    if (mode === "paste") return add.mutate({ mode, payload: { json: { ...meta, ...extra, text } } });
    const form = new FormData();
    form.set("file", file as File);
    Object.entries({ ...meta, ...extra }).forEach(([k, v]) => v && form.set(k, String(v)));
    add.mutate({ mode, payload: { form } });
  };
  // Errors belong to the tab they were made on; they are not shown after switching tabs.
  const error = add.error instanceof ApiError && add.variables?.mode === mode ? add.error : null;
  // 409 with the document already holding these exact bytes: say which, and let the analyst confirm.
  const existing = error?.status === 409 ? (error.body.existing as Existing | undefined) : undefined;
  const shownClientError = clientError?.mode === mode ? clientError.message : null;
  const set = (k: keyof Meta) => (e: React.ChangeEvent<HTMLInputElement>) => setMeta((m) => ({ ...m, [k]: e.target.value }));

  function submit(e: React.FormEvent) {
    e.preventDefault();
    setClientError(null);
    setLast(null);
    if (mode === "upload") {
      if (!file) return setClientError({ mode, message: "Choose a file to upload." });
      if (file.size > MAX_BYTES)
        return setClientError({ mode, message: `The file is ${(file.size / 1048576).toFixed(1)} MB; the limit is 5 MB.` });
    }
    send(false);
  }

  return (
    <form onSubmit={submit} className="space-y-4" noValidate aria-label="Add a document">
      {existing ? (
        <div
          role="alert"
          data-testid="exact-duplicate"
          className="space-y-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
        >
          <p className="font-semibold">This exact content is already in the case.</p>
          <p>
            Same SHA-256 as{" "}
            <a className="font-medium underline" href={`/cases/${caseId}/documents/${existing.id}`}>
              “{existing.title}”
            </a>
            {existing.retracted ? " (retracted)" : ""}. Open that one, or add this capture as well (for example to record a later
            retrieval).
          </p>
          <Button type="button" variant="secondary" disabled={add.isPending} onClick={() => send(true)}>
            Add it anyway
          </Button>
        </div>
      ) : (
        <FormError message={shownClientError ?? (error && (!error.issues.length || error.status !== 422) ? error.message : null)} />
      )}
      {last && (
        <Suspense fallback={null}>
          <AddedNotice created={last} />
        </Suspense>
      )}
      <Field
        id="doc-title"
        label={mode === "paste" ? "Title" : "Title (optional: defaults to the file name)"}
        error={error?.issueFor("title")}
      >
        <Input id="doc-title" value={meta.title} onChange={set("title")} maxLength={300} aria-invalid={!!error?.issueFor("title")} />
      </Field>
      {mode === "paste" ? (
        <Field
          id="doc-text"
          label="Text"
          error={error?.issueFor("text")}
          hint="Paste the article as captured. A leading “ date YYYY-MM-DD” line becomes the published date."
        >
          <Textarea
            id="doc-text"
            value={text}
            onChange={(e) => setText(e.target.value)}
            rows={10}
            className="font-serif"
            aria-invalid={!!error?.issueFor("text")}
          />
        </Field>
      ) : (
        <Field
          id="doc-file"
          label="File"
          error={error?.issueFor("file")}
          hint=".txt, .md, .html or .pdf, up to 5 MB. HTML is sanitised and only its text is kept."
        >
          <Input
            id="doc-file"
            ref={fileInput}
            type="file"
            accept=".txt,.md,.markdown,.html,.htm,.pdf,text/plain,text/markdown,text/html,application/pdf"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </Field>
      )}
      <Field id="doc-publisher" label="Publisher" error={error?.issueFor("publisher")}>
        <Input id="doc-publisher" value={meta.publisher} onChange={set("publisher")} maxLength={200} />
      </Field>
      <SourcePicker idPrefix="doc" sources={sources} value={source} onChange={setSource} publisher={meta.publisher} error={error} />
      <details className="rounded-md border border-slate-200 px-3 py-2">
        <summary className="cursor-pointer text-sm font-medium text-slate-700">More details (URL, author, date)</summary>
        <div className="mt-3 grid gap-4 sm:grid-cols-2">
          <Field id="doc-url" label="URL" error={error?.issueFor("url")}>
            <Input id="doc-url" value={meta.url} onChange={set("url")} placeholder="https://…" />
          </Field>
          <Field id="doc-author" label="Author" error={error?.issueFor("author")}>
            <Input id="doc-author" value={meta.author} onChange={set("author")} />
          </Field>
          <Field id="doc-published" label="Published" error={error?.issueFor("publishedAt")}>
            <Input id="doc-published" type="date" value={meta.publishedAt} onChange={set("publishedAt")} />
          </Field>
        </div>
      </details>
      <Button type="submit" disabled={add.isPending}>
        {add.isPending ? (mode === "upload" ? "Uploading and extracting…" : "Saving…") : "Add document"}
      </Button>
    </form>
  );
}
