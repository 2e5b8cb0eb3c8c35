"use client";
import { memo, type Ref } from "react";
import type { Segment } from "@/lib/reader/segments";

export const DRAFT_ID = "draft";
/** Highlight ids of search matches: `hit:<index>` (quote ids are UUIDs, so they cannot collide). */
export const HIT_PREFIX = "hit:";

// Darker with each quote that covers the text; the draft (the quote being claimed) stands apart.
function tint(ids: string[]) {
  if (ids.includes(DRAFT_ID)) return "bg-sky-200 ring-1 ring-sky-600";
  if (ids.length >= 3) return "bg-amber-300";
  if (ids.length === 2) return "bg-amber-200";
  return "bg-amber-100";
}

// Search matches are outlined in lime over whatever quote tint lies beneath; the current one is filled.
function markClass(excerptIds: string[], hit: boolean, current: boolean) {
  const quote = excerptIds.length ? "cursor-pointer " : "";
  if (current) return `${quote}bg-lime-300 ring-2 ring-lime-700`;
  const base = excerptIds.length ? `${quote}${tint(excerptIds)}` : "bg-lime-100";
  // The draft keeps its own ring: it is what the claim panel is about.
  return hit && !excerptIds.includes(DRAFT_ID) ? `${base} ring-2 ring-lime-500` : base;
}

/** A segment's quote ids and the index of the search match covering it (-1 for none). */
function splitIds(ids: string[]) {
  let hit = -1;
  const excerptIds: string[] = [];
  for (const id of ids) {
    if (id.startsWith(HIT_PREFIX)) hit = Number(id.slice(HIT_PREFIX.length));
    else excerptIds.push(id);
  }
  return { excerptIds, hit };
}

/**
 * The captured text as plain text segments (React escapes them; nothing is parsed as HTML). Each
 * segment is one element holding one text node, tagged with its offsets, which is what
 * components/reader/selection.ts relies on. A segment may be quoted by claims (data-excerpts), part of
 * a search match (data-search-hit, its index), or both. Memoised: it re-renders only when the segments
 * or the current search match change, not on every selection or panel keystroke.
 */
export const ReaderText = memo(function ReaderText({
  text,
  segments,
  currentHit,
  describe,
  containerRef,
  onHighlightClick,
}: {
  text: string;
  segments: Segment[];
  /** Index of the current search match, or -1. */
  currentHit: number;
  describe: (ids: string[]) => string;
  containerRef: Ref<HTMLDivElement>;
  onHighlightClick: (excerptIds: string[]) => void;
}) {
  return (
    <div
      ref={containerRef}
      data-testid="document-text"
      className="mt-6 whitespace-pre-wrap break-words font-serif text-[1.05rem] leading-relaxed text-slate-900"
      onClick={(e) => {
        // A click that ends a drag-selection is a selection, not a jump.
        if (!window.getSelection()?.isCollapsed) return;
        const mark = (e.target as HTMLElement).closest<HTMLElement>("mark[data-excerpts]");
        const ids = mark?.dataset.excerpts?.split(" ").filter((id) => id !== DRAFT_ID);
        if (ids?.length) onHighlightClick(ids);
      }}
    >
      {segments.map((s) => {
        if (s.ids.length === 0)
          return (
            <span key={s.start} data-start={s.start} data-end={s.end}>
              {text.slice(s.start, s.end)}
            </span>
          );
        const { excerptIds, hit } = splitIds(s.ids);
        const current = hit >= 0 && hit === currentHit;
        return (
          <mark
            key={s.start}
            data-start={s.start}
            data-end={s.end}
            data-excerpts={excerptIds.length ? excerptIds.join(" ") : undefined}
            data-search-hit={hit >= 0 ? hit : undefined}
            aria-current={current ? "true" : undefined}
            title={excerptIds.length ? describe(excerptIds) : undefined}
            className={`rounded-sm text-inherit transition-colors ${markClass(excerptIds, hit >= 0, current)}`}
          >
            {text.slice(s.start, s.end)}
          </mark>
        );
      })}
    </div>
  );
});
