"use client";
import { memo, type Ref } from "react";
import type { Segment } from "@/lib/reader/segments";

export const DRAFT_ID = "draft";

// Darker with each quote that covers the text; the draft (the quote being claimed) stands apart.
function tint(ids: string[]) {
  if (ids.includes(DRAFT_ID)) return "bg-sky-200 ring-1 ring-sky-600";
  if (ids.length >= 3) return "bg-amber-300";
  if (ids.length === 2) return "bg-amber-200";
  return "bg-amber-100";
}

/**
 * The captured text as plain text segments (React escapes them; nothing is parsed as HTML). Each
 * segment is one element holding one text node, tagged with its offsets, which is what
 * components/reader/selection.ts relies on. Memoised: it re-renders only when the segments change,
 * not on every selection or panel keystroke.
 */
export const ReaderText = memo(function ReaderText({ text, segments, describe, containerRef, onHighlightClick }: {
  text: string;
  segments: Segment[];
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
      {segments.map((s) =>
        s.ids.length === 0 ? (
          <span key={s.start} data-start={s.start} data-end={s.end}>{text.slice(s.start, s.end)}</span>
        ) : (
          <mark
            key={s.start}
            data-start={s.start}
            data-end={s.end}
            data-excerpts={s.ids.join(" ")}
            title={describe(s.ids)}
            className={`cursor-pointer rounded-sm text-inherit transition-colors ${tint(s.ids)}`}
          >
            {text.slice(s.start, s.end)}
          </mark>
        ),
      )}
    </div>
  );
});
