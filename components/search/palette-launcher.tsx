"use client";
// Mounted on every signed-in page by components/providers.tsx. It only listens: Ctrl/Cmd-K (or the
// Search button's event) opens the palette, whose code is loaded on that first use, so pages do not
// download it up front. The key press that loads it also opens it.
import { lazy, Suspense, useCallback, useEffect, useState } from "react";
import { loadPalette, OPEN_PALETTE_EVENT } from "./palette-events";

const PaletteDialog = lazy(() => loadPalette().then((m) => ({ default: m.PaletteDialog })));

export function PaletteLauncher() {
  const [open, setOpen] = useState(false);
  const close = useCallback(() => setOpen(false), []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === "k") {
        e.preventDefault();
        setOpen((o) => !o);
      }
    };
    const onOpen = () => setOpen(true);
    window.addEventListener("keydown", onKey);
    window.addEventListener(OPEN_PALETTE_EVENT, onOpen);
    return () => {
      window.removeEventListener("keydown", onKey);
      window.removeEventListener(OPEN_PALETTE_EVENT, onOpen);
    };
  }, []);
  return open ? (
    <Suspense fallback={null}>
      <PaletteDialog onClose={close} />
    </Suspense>
  ) : null;
}
