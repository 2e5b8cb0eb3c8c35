"use client";
import { useId, useState } from "react";
import { ApiError } from "@/lib/client/api";
import { useSetClaimTechniques, useTechniqueSearch, type TechniqueTag } from "./use-attack";

/** A claim's ATT&CK techniques: chips, and (for editors) a search that finds "T1486", "data encrypted" or "ransom". */
export function TechniquePicker({
  caseId,
  claimId,
  initial,
  canEdit,
}: {
  caseId: string;
  claimId: string;
  initial: TechniqueTag[];
  canEdit: boolean;
}) {
  const [tags, setTags] = useState(initial);
  const [query, setQuery] = useState("");
  const search = useTechniqueSearch(query);
  const save = useSetClaimTechniques({ caseId, claimId });
  const inputId = useId();
  const listId = useId();

  const apply = (next: TechniqueTag[]) => {
    const before = tags;
    setTags(next);
    save.mutate(
      next.map((t) => t.id),
      { onSuccess: (res) => setTags(res.techniques), onError: () => setTags(before) },
    );
  };
  const hits = (search.data?.techniques ?? []).filter((h) => !tags.some((t) => t.id === h.id));
  const error = save.error instanceof ApiError ? save.error.message : save.error ? "The techniques could not be saved; try again." : null;

  return (
    <section aria-labelledby={`${inputId}-heading`} className="space-y-2 rounded border border-slate-200 bg-white p-4">
      <h3 id={`${inputId}-heading`} className="text-sm font-semibold text-slate-900">
        ATT&amp;CK techniques
      </h3>
      {tags.length === 0 ? (
        <p className="text-sm text-slate-600">No technique tagged. Tag only what the quoted text describes.</p>
      ) : (
        <ul className="flex flex-wrap gap-2" aria-label="Tagged techniques">
          {tags.map((t) => (
            <li key={t.id} className="flex items-center gap-1 rounded bg-slate-100 px-2 py-1 text-sm text-slate-800">
              <span className="font-mono">{t.id}</span> {t.name}
              {canEdit && (
                <button
                  type="button"
                  className="ml-1 rounded px-1 text-slate-600 hover:bg-slate-200 hover:text-slate-900"
                  aria-label={`Remove ${t.id} ${t.name}`}
                  disabled={save.isPending}
                  onClick={() => apply(tags.filter((x) => x.id !== t.id))}
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <div className="space-y-1">
          <label htmlFor={inputId} className="block text-sm font-medium text-slate-700">
            Add a technique
          </label>
          <input
            id={inputId}
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder="T1486, data encrypted, ransom…"
            aria-controls={query.trim().length >= 2 ? listId : undefined}
            className="w-full max-w-md rounded border border-slate-300 px-2 py-1 text-sm"
          />
          {query.trim().length >= 2 && (
            <ul id={listId} aria-label="Matching techniques" className="max-h-64 max-w-md overflow-auto rounded border border-slate-200">
              {search.isLoading && <li className="px-2 py-1 text-sm text-slate-600">Searching…</li>}
              {search.isSuccess && hits.length === 0 && (
                <li className="px-2 py-1 text-sm text-slate-600">No technique matches “{query.trim()}”.</li>
              )}
              {hits.map((h) => (
                <li key={h.id}>
                  <button
                    type="button"
                    className="w-full px-2 py-1 text-left text-sm hover:bg-indigo-50 focus:bg-indigo-50"
                    onClick={() => {
                      apply([...tags, { id: h.id, name: h.name }].sort((a, b) => (a.id < b.id ? -1 : 1)));
                      setQuery("");
                    }}
                  >
                    <span className="font-mono">{h.id}</span> {h.parentName ? `${h.parentName}: ` : ""}
                    {h.name} <span className="text-slate-600">({h.tactics.join(", ")})</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {error && (
        <p role="alert" data-testid="form-error" className="text-sm text-red-700">
          {error}
        </p>
      )}
    </section>
  );
}
