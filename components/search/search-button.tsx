"use client";
// The header's search control: opens the quick-jump palette; without JavaScript it is a link to /search.
// Pointing at it or focusing it starts fetching the palette's code, so the click rarely waits.
import Link from "next/link";
import { loadPalette, requestPaletteOpen } from "./palette-events";

const preload = () => void loadPalette().catch(() => {});

export function SearchButton() {
  return (
    <Link
      href="/search"
      onPointerEnter={preload}
      onFocus={preload}
      onClick={(e) => {
        if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
        e.preventDefault();
        requestPaletteOpen();
      }}
      className="inline-flex items-center gap-2 whitespace-nowrap rounded-md px-2.5 py-1 text-slate-600 ring-1 ring-slate-300 hover:bg-slate-50 hover:text-slate-900"
      aria-keyshortcuts="Control+K Meta+K"
      data-testid="search-button"
    >
      Search
      {/* The shortcut hint only where there is room for it (it wrapped in the header at phone width). */}
      <kbd className="hidden rounded border border-slate-300 px-1 font-mono text-xs text-slate-600 sm:inline">Ctrl K</kbd>
    </Link>
  );
}
