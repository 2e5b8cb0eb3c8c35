"use client";
// Keyboard handling of the ACH grid (one roving tab stop): arrows, Page Up/Down, Home/End (with Ctrl: the
// grid's corners) move between cells; on a rating cell C/N/I/A rate (C C or Shift+C = CC, I I or Shift+I = II),
// Delete/Backspace clear, Enter opens the note editor. The link and toggle cells keep their native keys.
import { useCallback, useRef, useState, type RefObject } from "react";
import type { AchRating } from "@/lib/standards/scales";
import { FIRST_RATING_COL, type AchClaimView, type AchHypothesisView } from "./ach-view";

// Pressing C (or I) twice on the same cell within this window means CC (or II).
const DOUBLE_PRESS_MS = 700;
const PAGE_ROWS = 10;
const READ_ONLY = "Your role on this case can read the matrix but not rate it.";

export type Coord = { r: number; c: number };
type Cell = { claimId: string; hypothesisId: string; coord: Coord };

export function useAchKeyboard({
  gridRef,
  claims,
  hypotheses,
  canRate,
  onRate,
  onClear,
  onOpenNote,
  onRefused,
}: {
  gridRef: RefObject<HTMLTableElement | null>;
  claims: readonly AchClaimView[];
  hypotheses: readonly AchHypothesisView[];
  canRate: boolean;
  onRate: (cell: Cell, rating: AchRating) => void;
  onClear: (cell: Cell) => void;
  onOpenNote: (cell: Cell) => void;
  /** A key the caller's role may not use (rating or clearing when read-only). */
  onRefused: (message: string) => void;
}) {
  // The roving tab stop starts on the first rating cell of the first row.
  const [focus, setFocus] = useState<Coord>({ r: 0, c: FIRST_RATING_COL });
  const lastPress = useRef<{ cell: string; key: string; at: number } | null>(null);
  const lastCol = hypotheses.length + FIRST_RATING_COL + 1;

  const moveFocus = useCallback(
    (to: Coord) => {
      setFocus(to);
      gridRef.current?.querySelector<HTMLElement>(`[data-r="${to.r}"][data-c="${to.c}"]`)?.focus();
    },
    [gridRef],
  );

  /** A rating typed after a clear is a fresh single press (C, not CC). */
  const forgetPress = useCallback(() => {
    lastPress.current = null;
  }, []);

  const cellAt = ({ r, c }: Coord): Cell | null => {
    const hypothesis = hypotheses[c - FIRST_RATING_COL];
    const claim = claims[r];
    return hypothesis && claim ? { claimId: claim.id, hypothesisId: hypothesis.id, coord: { r, c } } : null;
  };

  const ratingForKey = (e: React.KeyboardEvent, cell: string): AchRating | null => {
    const k = e.key.toLowerCase();
    if (k === "n") return "N";
    if (k === "a") return "NA";
    if (k !== "c" && k !== "i") return null;
    const now = performance.now();
    const prev = lastPress.current;
    const double = !e.shiftKey && prev !== null && prev.cell === cell && prev.key === k && now - prev.at < DOUBLE_PRESS_MS;
    lastPress.current = double ? null : { cell, key: k, at: now };
    const strong = e.shiftKey || double;
    return k === "c" ? (strong ? "CC" : "C") : strong ? "II" : "I";
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLTableElement>) => {
    const target = (e.target as HTMLElement).closest<HTMLElement>("[data-r][data-c]");
    if (!target || !claims.length) return;
    const r = Number(target.dataset.r);
    const c = Number(target.dataset.c);
    const lastRow = claims.length - 1;
    const moves: Record<string, Coord | undefined> = {
      ArrowRight: { r, c: Math.min(c + 1, lastCol) },
      ArrowLeft: { r, c: Math.max(c - 1, 0) },
      ArrowDown: { r: Math.min(r + 1, lastRow), c },
      ArrowUp: { r: Math.max(r - 1, 0), c },
      PageDown: { r: Math.min(r + PAGE_ROWS, lastRow), c },
      PageUp: { r: Math.max(r - PAGE_ROWS, 0), c },
      Home: e.ctrlKey ? { r: 0, c: 0 } : { r, c: 0 },
      End: e.ctrlKey ? { r: lastRow, c: lastCol } : { r, c: lastCol },
    };
    const to = moves[e.key];
    if (to) {
      e.preventDefault();
      moveFocus(to);
      return;
    }
    // Ratings apply to the hypothesis cells only; the links and the toggle keep their native keys.
    const cell = cellAt({ r, c });
    if (!cell || e.ctrlKey || e.metaKey || e.altKey || e.repeat) return;
    if (e.key === "Enter" && canRate) {
      e.preventDefault();
      onOpenNote(cell);
      return;
    }
    if (e.key === "Delete" || e.key === "Backspace") {
      e.preventDefault();
      if (!canRate) return onRefused(READ_ONLY);
      forgetPress();
      onClear(cell);
      return;
    }
    const rating = ratingForKey(e, `${r}:${c}`);
    if (!rating) return;
    e.preventDefault();
    if (!canRate) return onRefused(READ_ONLY);
    onRate(cell, rating);
  };

  // Clicking or tabbing into a cell moves the roving stop there.
  const onFocus = (e: React.FocusEvent<HTMLTableElement>) => {
    const el = (e.target as HTMLElement).closest<HTMLElement>("[data-r][data-c]");
    if (!el) return;
    const r = Number(el.dataset.r);
    const c = Number(el.dataset.c);
    setFocus((prev) => (prev.r === r && prev.c === c ? prev : { r, c }));
  };

  // Double-clicking a rating cell opens its note editor.
  const onDoubleClick = (e: React.MouseEvent<HTMLTableElement>) => {
    const el = (e.target as HTMLElement).closest<HTMLElement>("[data-testid='ach-cell']");
    if (!el || !canRate) return;
    const cell = cellAt({ r: Number(el.dataset.r), c: Number(el.dataset.c) });
    if (cell) onOpenNote(cell);
  };

  /** The rating cell holding the roving stop, or null when the stop is on a link, score or toggle. */
  const focusedCell = cellAt(focus);

  return { focus, focusedCell, moveFocus, forgetPress, gridProps: { onKeyDown, onFocus, onDoubleClick } };
}
