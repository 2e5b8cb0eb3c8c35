"use client";
import { Button } from "@/components/ui/form";

const Key = ({ children }: { children: string }) => (
  <kbd className="rounded border border-slate-300 bg-white px-1 font-mono text-xs">{children}</kbd>
);

/**
 * "12 matches for “attack”" with Previous / Next / Clear, above the text of a document opened from a
 * search hit. The count is a polite live region, and so is the position as it moves.
 */
export function SearchHitsBar({
  query,
  count,
  capped,
  current,
  onPrevious,
  onNext,
  onClear,
}: {
  query: string;
  count: number;
  /** More matches than `count` may exist (the highlighting stops at a cap). */
  capped: boolean;
  current: number;
  onPrevious: () => void;
  onNext: () => void;
  onClear: () => void;
}) {
  // A query with its own quotes ("same aggressors") reads best as typed.
  const shown = query.includes('"') ? query : `“${query}”`;
  const total = `${count.toLocaleString("en")}${capped ? "+" : ""}`;
  return (
    <section
      aria-label="Search matches in this document"
      data-testid="reader-search"
      className="mt-2 flex flex-wrap items-center gap-2 rounded-md border border-lime-300 bg-lime-50 px-3 py-1.5 text-slate-800"
    >
      <p role="status" data-testid="reader-search-count" className="min-w-0 break-words font-medium">
        {count === 0 ? `No matches for ${shown} in this document` : `${total} ${count === 1 ? "match" : "matches"} for ${shown}`}
      </p>
      {count === 0 ? (
        <span className="text-slate-600">The search may have matched the title, or another form of a word.</span>
      ) : (
        <>
          <span aria-live="polite" aria-atomic="true" data-testid="reader-search-position" className="tabular-nums text-slate-700">
            {(current + 1).toLocaleString("en")} of {total}
          </span>
          <Button
            type="button"
            variant="secondary"
            className="px-2.5 py-1"
            aria-label="Previous match"
            aria-keyshortcuts="Shift+N Shift+Enter"
            onClick={onPrevious}
          >
            Previous
          </Button>
          <Button
            type="button"
            variant="secondary"
            className="px-2.5 py-1"
            aria-label="Next match"
            aria-keyshortcuts="n Enter"
            onClick={onNext}
          >
            Next
          </Button>
          <span className="text-xs text-slate-600">
            <Key>n</Key> next, <Key>N</Key> previous
          </span>
        </>
      )}
      <Button type="button" variant="secondary" className="ml-auto px-2.5 py-1" aria-label="Clear search highlights" onClick={onClear}>
        Clear
      </Button>
    </section>
  );
}
