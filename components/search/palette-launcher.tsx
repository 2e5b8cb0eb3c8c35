"use client";
// Mounted on every signed-in page by components/providers.tsx. It only listens: Ctrl/Cmd-K (or the
// Search button) opens the palette, whose code is loaded on that first use, so pages do not download
// it up front. The key press that loads it also opens it, even one made before this mounted
// (components/search/palette-events.ts keeps it).
import { lazy, Suspense, useCallback, useEffect, useState } from "react";
import { loadPalette, OPEN_PALETTE_EVENT, paletteLauncherMounted, paletteLauncherUnmounted, TOGGLE_PALETTE_EVENT } from "./palette-events";

const PaletteDialog = lazy(() => loadPalette().then((m) => ({ default: m.PaletteDialog })));

export function PaletteLauncher() {
  const [open, setOpen] = useState(false);
  const close = useCallback(() => setOpen(false), []);
  useEffect(() => {
    const onToggle = () => setOpen((o) => !o);
    const onOpen = () => setOpen(true);
    window.addEventListener(TOGGLE_PALETTE_EVENT, onToggle);
    window.addEventListener(OPEN_PALETTE_EVENT, onOpen);
    // A key press or click that came before this mounted opens it now (as an event, like any other).
    if (paletteLauncherMounted()) window.dispatchEvent(new Event(OPEN_PALETTE_EVENT));
    return () => {
      paletteLauncherUnmounted();
      window.removeEventListener(TOGGLE_PALETTE_EVENT, onToggle);
      window.removeEventListener(OPEN_PALETTE_EVENT, onOpen);
    };
  }, []);
  return open ? (
    <Suspense fallback={null}>
      <PaletteDialog onClose={close} />
    </Suspense>
  ) : null;
}
