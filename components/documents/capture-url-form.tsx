"use client";
import { useState } from "react";
import { ApiError } from "@/lib/client/api";
import { Button, Field, FormError, Input } from "@/components/ui/form";
import { NO_SOURCE, SourcePicker, sourceFields, type SourceChoice, type SourceOption } from "./source-picker";
import { AddedNotice, type Created } from "./added-notice";
import { useCreateDocument, usePreviewUrl, type UrlPreview } from "./use-create-document";

type Meta = { title: string; publisher: string; author: string; publishedAt: string };

/** Why a fetch failed, for the URL field: refused addresses (422 on url), timeouts, size, not an article. */
function urlProblem(err: unknown): string | undefined {
  if (!(err instanceof ApiError)) return undefined;
  return err.issueFor("url") ?? (err.status === 422 && err.issues.length ? undefined : err.message);
}

export function CaptureUrlForm({ caseId, sources = [] }: { caseId: string; sources?: SourceOption[] }) {
  const [url, setUrl] = useState("");
  const [preview, setPreview] = useState<UrlPreview | null>(null);
  const [meta, setMeta] = useState<Meta>({ title: "", publisher: "", author: "", publishedAt: "" });
  const [last, setLast] = useState<Created | null>(null);
  const [source, setSource] = useState<SourceChoice>(NO_SOURCE);

  const fetchPreview = usePreviewUrl({
    caseId,
    onPreview: (p) => {
      setPreview(p);
      setMeta({ title: p.title ?? "", publisher: p.siteName ?? "", author: p.byline ?? "", publishedAt: p.publishedAt ?? "" });
    },
  });
  const save = useCreateDocument({
    caseId,
    onCreated: (created) => {
      setLast(created);
      setUrl("");
      setPreview(null);
      // A source registered with the document joins the pickers: useCreateDocument re-renders the page.
      setSource(NO_SOURCE);
    },
  });
  // Empty fields are sent as they are: the analyst cleared them, so the page's value must not come back.
  const saveCapture = () => save.mutate({ mode: "url", payload: { json: { url, ...meta, ...sourceFields(source) } } });
  const saveError = save.error instanceof ApiError ? save.error : null;
  const urlError = urlProblem(fetchPreview.error) ?? urlProblem(save.error);
  const set = (k: keyof Meta) => (e: React.ChangeEvent<HTMLInputElement>) => setMeta((m) => ({ ...m, [k]: e.target.value }));

  function submit(e: React.FormEvent) {
    e.preventDefault();
    setLast(null);
    save.reset();
    if (preview) saveCapture();
    else fetchPreview.mutate(url);
  }

  return (
    <form onSubmit={submit} className="space-y-4" noValidate aria-label="Capture a URL">
      {last && <AddedNotice created={last} />}
      <FormError message={saveError && !saveError.issues.length && !urlError ? saveError.message : null} />
      <Field
        id="capture-url"
        label="URL to capture"
        error={urlError}
        hint="The server fetches the page and keeps its exact bytes with a SHA-256 hash."
      >
        <div className="flex gap-2">
          <Input
            id="capture-url"
            type="url"
            inputMode="url"
            value={url}
            placeholder="https://…"
            aria-invalid={!!urlError}
            aria-describedby={urlError ? "capture-url-error" : "capture-url-hint"}
            onChange={(e) => {
              setUrl(e.target.value);
              setPreview(null);
              fetchPreview.reset();
            }}
          />
          <Button
            type="button"
            variant="secondary"
            disabled={fetchPreview.isPending || !url.trim()}
            onClick={() => {
              setLast(null);
              save.reset();
              fetchPreview.mutate(url);
            }}
          >
            {fetchPreview.isPending ? "Fetching…" : "Fetch"}
          </Button>
        </div>
      </Field>
      {preview && (
        <div className="space-y-4 rounded-md border border-slate-200 bg-slate-50 p-3" data-testid="capture-preview">
          <p className="text-xs text-slate-600">
            Found at <span className="break-all font-medium text-slate-800">{preview.finalUrl}</span>. Check what was found and correct it
            before saving.
          </p>
          <Field id="capture-title" label="Title" error={saveError?.issueFor("title")}>
            <Input
              id="capture-title"
              value={meta.title}
              onChange={set("title")}
              maxLength={300}
              aria-invalid={!!saveError?.issueFor("title")}
            />
          </Field>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field id="capture-publisher" label="Publisher" error={saveError?.issueFor("publisher")}>
              <Input id="capture-publisher" value={meta.publisher} onChange={set("publisher")} maxLength={200} />
            </Field>
            <Field id="capture-author" label="Author" error={saveError?.issueFor("author")}>
              <Input id="capture-author" value={meta.author} onChange={set("author")} maxLength={200} />
            </Field>
            <Field id="capture-published" label="Published" error={saveError?.issueFor("publishedAt")}>
              <Input id="capture-published" type="date" value={meta.publishedAt} onChange={set("publishedAt")} />
            </Field>
          </div>
          <SourcePicker
            idPrefix="capture"
            sources={sources}
            value={source}
            onChange={setSource}
            publisher={meta.publisher}
            error={saveError}
          />
          <dl className="grid grid-cols-[6rem_1fr] gap-x-2 gap-y-1 text-xs">
            <dt className="text-slate-600">SHA-256</dt>
            <dd className="break-all font-mono text-slate-900" data-testid="capture-sha256">
              {preview.sha256}
            </dd>
            <dt className="text-slate-600">Size</dt>
            <dd className="text-slate-900">
              {preview.size.toLocaleString("en")} bytes · {preview.contentType}
            </dd>
          </dl>
          <div>
            <h3 className="text-sm font-medium text-slate-800">
              Text found{" "}
              <span className="font-normal text-slate-600">
                ({preview.textLength.toLocaleString("en")} characters
                {preview.textLength > preview.excerpt.length ? ", first 2,000 shown" : ""})
              </span>
            </h3>
            {/* Captured text is shown as text, never as HTML. */}
            <div
              tabIndex={0}
              aria-label="Text found"
              className="mt-1 max-h-48 overflow-y-auto whitespace-pre-wrap rounded border border-slate-200 bg-white p-2 font-serif text-sm text-slate-900"
              data-testid="capture-excerpt"
            >
              {preview.excerpt}
            </div>
          </div>
          <Button type="submit" disabled={save.isPending}>
            {save.isPending ? "Fetching and saving…" : "Save document"}
          </Button>
        </div>
      )}
    </form>
  );
}
