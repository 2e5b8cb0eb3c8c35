"use client";
import { memo, type Ref } from "react";
import type { Segment } from "@/lib/reader/segments";

export const DRAFT_ID = "draft";
/** Highlight ids of search matches: `hit:<index>` (quote ids are UUIDs, so they cannot collide). */
export const HIT_PREFIX = "hit:";
/** The stretch a #chars-<start>-<end> link points at (an indicator's quote). */
export const LOCATED_ID = "located";

/** Where each quote sits and its place in reading order (`n`), so neighbouring quotes can look different. */
export type QuotePlaces = ReadonlyMap<string, { n: number; start: number; end: number }>;

// Darker with each quote that covers the text; the draft (the quote being claimed) stands apart. A text
// run under one quote alternates between two tints in reading order, so two quotes that touch do not
// read as one; overlaps are darker still.
function tint(ids: string[], quotes: QuotePlaces) {
  if (ids.includes(DRAFT_ID)) return "bg-sky-200 ring-1 ring-sky-600";
  if (ids.includes(LOCATED_ID) && ids.length === 1) return "bg-sky-100 ring-2 ring-indigo-600";
  if (ids.length >= 3) return "bg-amber-300";
  if (ids.length === 2) return "bg-amber-200";
  return (quotes.get(ids[0])?.n ?? 0) % 2 ? "bg-orange-200" : "bg-amber-100";
}

// Each quote's first and last runs carry a dark edge: where one quote ends and the next begins shows even
// where the tints meet.
function edges(ids: string[], start: number, end: number, quotes: QuotePlaces) {
  const places = ids.map((id) => quotes.get(id)).filter((q) => !!q);
  return `${places.some((q) => q.start === start) ? "border-l-2 border-l-amber-800 pl-px" : ""} ${places.some((q) => q.end === end) ? "border-r-2 border-r-amber-800 pr-px" : ""}`;
}

// Search matches are outlined in lime over whatever quote tint lies beneath; the current one is filled.
function markClass(excerptIds: string[], hit: boolean, current: boolean, quotes: QuotePlaces) {
  const quote = excerptIds.length ? "cursor-pointer " : "";
  if (current) return `${quote}bg-lime-300 ring-2 ring-lime-700`;
  const base = excerptIds.length ? `${quote}${tint(excerptIds, quotes)}` : "bg-lime-100";
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
  quotes,
  containerRef,
  onHighlightClick,
}: {
  text: string;
  segments: Segment[];
  /** Index of the current search match, or -1. */
  currentHit: number;
  quotes: QuotePlaces;
  containerRef: Ref<HTMLDivElement>;
  onHighlightClick: (excerptIds: string[]) => void;
}) {
  const open = (target: EventTarget) => {
    const mark = (target as HTMLElement).closest<HTMLElement>("mark[data-excerpts]");
    const ids = mark?.dataset.excerpts?.split(" ").filter((id) => id !== DRAFT_ID && id !== LOCATED_ID);
    if (ids?.length) onHighlightClick(ids);
  };
  return (
    <div
      ref={containerRef}
      data-testid="document-text"
      className="mt-6 whitespace-pre-wrap break-words font-serif text-[1.05rem] leading-relaxed text-slate-900"
      onClick={(e) => {
        // A click that ends a drag-selection is a selection, not a jump.
        if (!window.getSelection()?.isCollapsed) return;
        open(e.target);
      }}
      onKeyDown={(e) => {
        // A quote reached with Tab opens its claim with Enter, like a link.
        if (e.key === "Enter" && (e.target as HTMLElement).matches("mark[data-quote-start]")) {
          e.preventDefault();
          open(e.target);
        }
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
        // One tab stop per quote, on its first run: focusing it names its claim (QuoteTooltip).
        const startsQuote = excerptIds.some((id) => quotes.get(id)?.start === s.start);
        return (
          <mark
            key={s.start}
            data-start={s.start}
            data-end={s.end}
            data-excerpts={excerptIds.length ? excerptIds.join(" ") : undefined}
            data-search-hit={hit >= 0 ? hit : undefined}
            data-quote-start={startsQuote ? "" : undefined}
            tabIndex={startsQuote ? 0 : undefined}
            aria-current={current ? "true" : undefined}
            className={`rounded-sm text-inherit transition-colors focus-visible:outline-2 focus-visible:outline-indigo-700 ${markClass(excerptIds, hit >= 0, current, quotes)} ${edges(excerptIds, s.start, s.end, quotes)}`}
          >
            {text.slice(s.start, s.end)}
          </mark>
        );
      })}
    </div>
  );
});
