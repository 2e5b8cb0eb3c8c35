"use client";
// Names the claim(s) behind a quote while the pointer is over it or it has keyboard focus: a tooltip
// under the quote, tied to the focused quote with aria-describedby so a screen reader reads it too.
import { useEffect, useState, type RefObject } from "react";
import { DRAFT_ID } from "./reader-text";

export const QUOTE_TOOLTIP_ID = "quote-tooltip";

type Shown = { lines: string[]; top: number; left: number };

export function QuoteTooltip({
  containerRef,
  describe,
}: {
  containerRef: RefObject<HTMLDivElement | null>;
  /** The claim statements behind these quote ids, one line each. */
  describe: (excerptIds: string[]) => string[];
}) {
  const [shown, setShown] = useState<Shown | null>(null);
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    let focused: HTMLElement | null = null;
    const markOf = (t: EventTarget | null) => (t instanceof Element ? t.closest<HTMLElement>("mark[data-excerpts]") : null);
    const show = (mark: HTMLElement) => {
      const ids = (mark.dataset.excerpts ?? "").split(" ").filter((id) => id && id !== DRAFT_ID);
      const lines = describe(ids);
      if (!lines.length) return setShown(null);
      const r = mark.getBoundingClientRect();
      setShown({ lines, top: r.bottom + 6, left: Math.max(8, Math.min(r.left, window.innerWidth - 360)) });
    };
    const hide = () => setShown(null);
    const over = (e: MouseEvent) => {
      const mark = markOf(e.target);
      if (mark) show(mark);
    };
    const out = (e: MouseEvent) => {
      if (markOf(e.target) && !markOf(e.relatedTarget)) {
        if (focused) show(focused);
        else hide();
      }
    };
    const focusIn = (e: FocusEvent) => {
      const mark = markOf(e.target);
      if (!mark) return;
      focused = mark;
      mark.setAttribute("aria-describedby", QUOTE_TOOLTIP_ID);
      show(mark);
    };
    const focusOut = () => {
      focused?.removeAttribute("aria-describedby");
      focused = null;
      hide();
    };
    const escape = (e: KeyboardEvent) => {
      if (e.key === "Escape") hide();
    };
    container.addEventListener("mouseover", over);
    container.addEventListener("mouseout", out);
    container.addEventListener("focusin", focusIn);
    container.addEventListener("focusout", focusOut);
    container.addEventListener("keydown", escape);
    window.addEventListener("scroll", hide, { passive: true });
    return () => {
      container.removeEventListener("mouseover", over);
      container.removeEventListener("mouseout", out);
      container.removeEventListener("focusin", focusIn);
      container.removeEventListener("focusout", focusOut);
      container.removeEventListener("keydown", escape);
      window.removeEventListener("scroll", hide);
    };
  }, [containerRef, describe]);
  // Always in the DOM (hidden when idle), so aria-describedby never points at nothing.
  return (
    <div
      id={QUOTE_TOOLTIP_ID}
      role="tooltip"
      hidden={!shown}
      style={shown ? { top: shown.top, left: shown.left } : undefined}
      className="pointer-events-none fixed z-30 max-w-sm space-y-1 rounded-md bg-slate-900 px-3 py-2 text-sm text-white shadow-lg"
    >
      {shown?.lines.map((l, i) => (
        <p key={i}>{l}</p>
      ))}
    </div>
  );
}
