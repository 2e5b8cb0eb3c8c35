"use client";
import { useCallback, useEffect, useEffectEvent, useState, type RefObject } from "react";
import type { TextRange } from "@/lib/reader/search-matches";

/**
 * The search a reader was opened from (?q=) and where its words occur in the text, computed by the
 * page; `capped` when there may be more matches than `ranges` holds.
 */
export type ReaderSearch = { q: string; ranges: TextRange[]; capped: boolean };

const EMPTY: TextRange[] = [];
const EXCERPT_HASH = /^#excerpt-/i;
// Keys typed here are text, not commands; dialogs (the claim panel, the palette) keep their own keys.
const TYPING = "input, textarea, select, [contenteditable='true'], [role='dialog']";
// Enter on these already does something.
const ACTIVATES = "a, button, summary, [role='button'], [role='link'], [tabindex]";

export const searchHitSelector = (index: number) => `[data-search-hit="${index}"]`;

/**
 * The reader's search matches: which one is current, stepping through them (buttons, n / N, Enter /
 * Shift+Enter outside form fields), scrolling to the first on load, and clearing them, which drops
 * ?q= from the address without reloading the page.
 */
export function useSearchHits({ search, containerRef }: { search: ReaderSearch | null; containerRef: RefObject<HTMLElement | null> }) {
  const [cleared, setCleared] = useState<string | null>(null);
  const [position, setPosition] = useState({ q: "", index: 0 });
  const active = search && search.q !== cleared ? search : null;
  const ranges = active?.ranges ?? EMPTY;
  const count = ranges.length;
  const current = active && position.q === active.q ? Math.min(position.index, count - 1) : 0;

  const scrollTo = useCallback(
    (index: number) => {
      containerRef.current?.querySelector(searchHitSelector(index))?.scrollIntoView({ block: "center" });
    },
    [containerRef],
  );

  const go = useCallback(
    (delta: number) => {
      if (!active || count === 0) return;
      const index = (current + delta + count) % count;
      setPosition({ q: active.q, index });
      scrollTo(index);
    },
    [active, count, current, scrollTo],
  );

  const clear = useCallback(() => {
    if (!active) return;
    setCleared(active.q);
    const url = new URL(window.location.href);
    url.searchParams.delete("q");
    // Next.js keeps its router in step with history.replaceState; the server is not asked again.
    window.history.replaceState(null, "", `${url.pathname}${url.search}${url.hash}`);
  }, [active]);

  // The first match on arrival, unless the link points at a quote (#excerpt-…), which wins.
  const onArrive = useEffectEvent(() => {
    if (count > 0 && !EXCERPT_HASH.test(window.location.hash)) scrollTo(0);
  });
  const activeQuery = active?.q;
  useEffect(() => {
    if (activeQuery) onArrive();
  }, [activeQuery]);

  const onKey = useEffectEvent((e: KeyboardEvent) => {
    if (count === 0 || e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return;
    const target = e.target instanceof Element ? e.target : null;
    if (target?.closest(TYPING)) return;
    let delta = 0;
    if (e.key === "n") delta = 1;
    else if (e.key === "N") delta = -1;
    else if (e.key === "Enter" && !target?.closest(ACTIVATES)) delta = e.shiftKey ? -1 : 1;
    if (!delta) return;
    e.preventDefault();
    go(delta);
  });
  useEffect(() => {
    const listener = (e: KeyboardEvent) => onKey(e);
    document.addEventListener("keydown", listener);
    return () => document.removeEventListener("keydown", listener);
  }, []);

  return { query: active?.q ?? null, ranges, count, capped: !!active?.capped, current, next: () => go(1), previous: () => go(-1), clear };
}
