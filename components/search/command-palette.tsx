"use client";
// Quick jump (Ctrl/Cmd-K from any page): type part of a name, arrows to choose, Enter to open, Esc to
// close. The last option always runs a full search for what was typed. A combobox over a listbox,
// inside a modal dialog that gives focus back to where it was when it closes. Loaded on first use by
// ./palette-launcher.tsx (which owns the shortcut and the open state), so no page downloads it up front.
import { useEffect, useId, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api, asApiError } from "@/lib/client/api";
import { searchKeys } from "@/lib/client/query-keys";
import type { QuickJumpItem } from "@/lib/search/schemas";

const KIND_LABEL: Record<QuickJumpItem["kind"], string> = {
  case: "Case",
  document: "Document",
  claim: "Claim",
  entity: "Entity",
  indicator: "Indicator",
};

type Option = { key: string; label: string; detail: string; kind: string; url: string };

function useDebounced<T>(value: T, ms: number) {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

export function PaletteDialog({ onClose }: { onClose: () => void }) {
  const router = useRouter();
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [q, setQ] = useState("");
  // The highlighted option, remembered per result list: new results start again at the top.
  const [selection, setSelection] = useState({ index: 0, list: "" });
  const term = useDebounced(q.trim(), 120);

  // Focus moves into the dialog and returns to the element that had it.
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    inputRef.current?.focus();
    return () => previous?.focus?.();
  }, []);

  const { data, error, isFetching, dataUpdatedAt } = useQuery({
    queryKey: searchKeys.quick(term),
    queryFn: () => api<{ items: QuickJumpItem[] }>(`/api/search/quick?q=${encodeURIComponent(term)}`),
    enabled: term.length > 0,
    placeholderData: keepPreviousData,
    retry: false,
  });

  const items = term ? (data?.items ?? []) : [];
  const options: Option[] = [
    ...items.map((i) => ({ key: `${i.kind}-${i.id}`, label: i.label, detail: i.detail, kind: KIND_LABEL[i.kind], url: i.url })),
    ...(q.trim()
      ? [
          {
            key: "search-all",
            label: `Search everything for “${q.trim()}”`,
            detail: "documents, claims, entities and sources",
            kind: "Search",
            url: `/search?q=${encodeURIComponent(q.trim())}`,
          },
        ]
      : []),
  ];
  const list = `${term}|${dataUpdatedAt}`;
  const current = selection.list === list ? Math.min(selection.index, Math.max(0, options.length - 1)) : 0;
  const setActive = (index: number) => setSelection({ index, list });

  const go = (opt: Option | undefined) => {
    if (!opt) return;
    onClose();
    router.push(opt.url);
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === "ArrowDown") {
      e.preventDefault();
      setActive((current + 1) % Math.max(1, options.length));
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      setActive((current - 1 + options.length) % Math.max(1, options.length));
    } else if (e.key === "Home" && options.length) {
      e.preventDefault();
      setActive(0);
    } else if (e.key === "End" && options.length) {
      e.preventDefault();
      setActive(options.length - 1);
    } else if (e.key === "Enter") {
      e.preventDefault();
      go(options[current]);
    } else if (e.key === "Escape") {
      e.preventDefault();
      onClose();
    } else if (e.key === "Tab") {
      // The only focusable control is the box; keep focus inside the modal.
      e.preventDefault();
    }
  };

  const listId = `${id}-list`;
  const optionId = (i: number) => `${id}-opt-${i}`;
  const failed = asApiError(error);
  const message = failed ? (failed.status === 401 ? "Sign in to search." : failed.message) : null;

  return (
    <div
      className="fixed inset-0 z-50 flex items-start justify-center bg-slate-900/40 px-4 pt-[12vh]"
      onMouseDown={(e) => e.target === e.currentTarget && onClose()}
    >
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        className="w-full max-w-xl overflow-hidden rounded-lg bg-white shadow-2xl ring-1 ring-slate-200"
        data-testid="command-palette"
        onKeyDown={onKeyDown}
      >
        <h2 id={`${id}-title`} className="sr-only">
          Quick jump
        </h2>
        <div className="flex items-center gap-2 border-b border-slate-200 px-3">
          <span aria-hidden className="text-slate-500">
            ⌕
          </span>
          <input
            ref={inputRef}
            role="combobox"
            aria-label="Jump to a case, document, claim or entity"
            aria-expanded={options.length > 0}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={options.length ? optionId(current) : undefined}
            value={q}
            onChange={(e) => setQ(e.target.value)}
            maxLength={500}
            placeholder="Jump to a case, document, claim or entity…"
            className="h-12 w-full bg-transparent text-sm text-slate-900 placeholder:text-slate-500 focus:outline-none"
          />
          <kbd className="rounded border border-slate-300 px-1.5 font-mono text-xs text-slate-600">Esc</kbd>
        </div>
        <ul id={listId} role="listbox" aria-label="Matches" className="max-h-96 overflow-y-auto py-1">
          {options.map((opt, i) => (
            <li
              key={opt.key}
              id={optionId(i)}
              role="option"
              aria-selected={i === current}
              onMouseMove={() => i !== current && setActive(i)}
              onClick={() => go(opt)}
              className={`flex cursor-pointer items-baseline gap-3 px-3 py-2 text-sm ${i === current ? "bg-indigo-50" : ""}`}
              data-testid="palette-option"
            >
              <span className="w-20 shrink-0 text-xs font-semibold uppercase tracking-wide text-slate-600">{opt.kind}</span>
              <span className="min-w-0 flex-1">
                <span className="block truncate font-medium text-slate-900">{opt.label}</span>
                <span className="block truncate text-xs text-slate-600">{opt.detail}</span>
              </span>
            </li>
          ))}
        </ul>
        <p className="border-t border-slate-200 px-3 py-2 text-xs text-slate-600" aria-live="polite">
          {message ??
            (!q.trim()
              ? "Type a name. ↑↓ to choose, Enter to open, Esc to close."
              : isFetching && !data
                ? "Searching…"
                : term && !items.length && !isFetching
                  ? "No names match; Enter searches everything."
                  : "↑↓ to choose, Enter to open, Esc to close.")}
        </p>
      </div>
    </div>
  );
}
