"use client";
// A page's skip link ("Skip to the matrix"), moved into the slot that opens the app header (SKIP_LINK_SLOT), so
// it is the first thing Tab reaches on the page. Hidden until focused. Before hydration (or on a page without the
// header) it stays where it is rendered, as a plain in-page link.
import { useSyncExternalStore } from "react";
import { createPortal } from "react-dom";
import { SKIP_LINK_SLOT } from "./skip-link-slot";

const noSubscribe = () => () => {};

export function SkipLink({ href, onActivate, children }: { href: string; onActivate?: () => void; children: React.ReactNode }) {
  const slot = useSyncExternalStore(
    noSubscribe,
    () => document.getElementById(SKIP_LINK_SLOT),
    () => null,
  );
  const link = (
    <a
      href={href}
      onClick={(e) => {
        if (!onActivate) return;
        e.preventDefault();
        onActivate();
      }}
      className="sr-only rounded-md bg-white px-3 py-2 text-sm font-semibold text-indigo-800 underline shadow-lg ring-2 ring-indigo-600 focus:not-sr-only focus:fixed focus:left-3 focus:top-3 focus:z-50"
    >
      {children}
    </a>
  );
  return slot ? createPortal(link, slot) : link;
}
