"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import { api, ApiError } from "@/lib/client/api";
import { documentKeys, caseKeys } from "@/lib/client/query-keys";
import { Button, Field, FormError, Input, Textarea } from "@/components/ui/form";

const MAX_BYTES = 5 * 1024 * 1024;
type Created = { document: { id: string; title: string; sha256: string }; duplicates: { id: string; title: string; sameBytes: boolean }[] };
type Meta = { title: string; url: string; publisher: string; author: string; publishedAt: string };
const EMPTY: Meta = { title: "", url: "", publisher: "", author: "", publishedAt: "" };

export function AddDocumentForm({ caseId }: { caseId: string }) {
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<"paste" | "upload">("paste");
  const [meta, setMeta] = useState<Meta>(EMPTY);
  const [text, setText] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [clientError, setClientError] = useState<string | null>(null);
  const [last, setLast] = useState<Created | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const add = useMutation({
    mutationFn: async () => {
      if (mode === "paste") return api<Created>(`/api/cases/${caseId}/documents`, { method: "POST", json: { ...meta, text } });
      const form = new FormData();
      form.set("file", file as File);
      Object.entries(meta).forEach(([k, v]) => v && form.set(k, v));
      return api<Created>(`/api/cases/${caseId}/documents`, { method: "POST", body: form });
    },
    onSuccess: (created) => {
      // Cleared only once the server has stored it: a failed save keeps everything the user entered.
      setLast(created);
      setMeta(EMPTY);
      setText("");
      setFile(null);
      if (fileInput.current) fileInput.current.value = "";
      queryClient.invalidateQueries({ queryKey: documentKeys.list(caseId) });
      queryClient.invalidateQueries({ queryKey: caseKeys.all });
    },
  });
  const error = add.error instanceof ApiError ? add.error : null;
  const set = (k: keyof Meta) => (e: React.ChangeEvent<HTMLInputElement>) => setMeta((m) => ({ ...m, [k]: e.target.value }));

  function submit(e: React.FormEvent) {
    e.preventDefault();
    setClientError(null);
    setLast(null);
    if (mode === "upload") {
      if (!file) return setClientError("Choose a file to upload.");
      if (file.size > MAX_BYTES) return setClientError(`The file is ${(file.size / 1048576).toFixed(1)} MB; the limit is 5 MB.`);
    }
    add.mutate();
  }

  const tab = (m: typeof mode, label: string) => (
    <button type="button" role="tab" aria-selected={mode === m} onClick={() => { setMode(m); add.reset(); setClientError(null); }}
      className={`rounded-md px-3 py-1.5 text-sm font-medium ${mode === m ? "bg-indigo-50 text-indigo-800 ring-1 ring-indigo-200" : "text-slate-600 hover:text-slate-900"}`}>
      {label}
    </button>
  );

  return (
    <form onSubmit={submit} className="space-y-4" noValidate aria-label="Add a document">
      <div role="tablist" aria-label="How to add the document" className="flex gap-2">{tab("paste", "Paste text")}{tab("upload", "Upload file")}</div>
      <FormError message={clientError ?? (error && (!error.issues.length || error.status !== 422) ? error.message : null)} />
      {last && (
        <div role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          Added “{last.document.title}” · SHA-256 <code className="font-mono text-xs">{last.document.sha256.slice(0, 16)}…</code>
          {last.duplicates.length > 0 && (
            <p className="mt-1 font-medium text-amber-800">Possible duplicate of: {last.duplicates.map((d) => `“${d.title}”${d.sameBytes ? " (identical bytes)" : " (identical text)"}`).join(", ")}</p>
          )}
        </div>
      )}
      <Field id="doc-title" label={mode === "paste" ? "Title" : "Title (optional: defaults to the file name)"} error={error?.issueFor("title")}>
        <Input id="doc-title" value={meta.title} onChange={set("title")} maxLength={300} aria-invalid={!!error?.issueFor("title")} />
      </Field>
      {mode === "paste" ? (
        <Field id="doc-text" label="Text" error={error?.issueFor("text")} hint="Paste the article as captured. A leading “ date YYYY-MM-DD” line becomes the published date.">
          <Textarea id="doc-text" value={text} onChange={(e) => setText(e.target.value)} rows={10} className="font-serif" aria-invalid={!!error?.issueFor("text")} />
        </Field>
      ) : (
        <Field id="doc-file" label="File" error={error?.issueFor("file")} hint=".txt, .md, .html or .pdf, up to 5 MB. HTML is sanitised and only its text is kept.">
          <Input id="doc-file" ref={fileInput} type="file" accept=".txt,.md,.markdown,.html,.htm,.pdf,text/plain,text/markdown,text/html,application/pdf" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </Field>
      )}
      <details className="rounded-md border border-slate-200 px-3 py-2">
        <summary className="cursor-pointer text-sm font-medium text-slate-700">Source details (URL, publisher, author, date)</summary>
        <div className="mt-3 grid gap-4 sm:grid-cols-2">
          <Field id="doc-url" label="URL" error={error?.issueFor("url")}><Input id="doc-url" value={meta.url} onChange={set("url")} placeholder="https://…" /></Field>
          <Field id="doc-publisher" label="Publisher" error={error?.issueFor("publisher")}><Input id="doc-publisher" value={meta.publisher} onChange={set("publisher")} /></Field>
          <Field id="doc-author" label="Author" error={error?.issueFor("author")}><Input id="doc-author" value={meta.author} onChange={set("author")} /></Field>
          <Field id="doc-published" label="Published" error={error?.issueFor("publishedAt")}><Input id="doc-published" type="date" value={meta.publishedAt} onChange={set("publishedAt")} /></Field>
        </div>
      </details>
      <Button type="submit" disabled={add.isPending}>{add.isPending ? (mode === "upload" ? "Uploading and extracting…" : "Saving…") : "Add document"}</Button>
    </form>
  );
}
