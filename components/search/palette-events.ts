// The quick-jump palette's tiny always-loaded half: the key listener, the request other components
// (the header's Search button) make to open it, and the loader of the palette itself, which is fetched
// only on the first Ctrl/Cmd-K or Search click (or when the pointer/focus reaches the Search button).
//
// The key listener is installed when this module is evaluated — with the page's first scripts, before
// React has hydrated and before the launcher (inside the lazily loaded query provider) has mounted — so
// a Ctrl/Cmd-K pressed the moment a page appears is kept and opens the palette once the launcher mounts.

/** The launcher (components/search/palette-launcher.tsx) toggles or opens the palette on these events. */
export const TOGGLE_PALETTE_EVENT = "casefile:toggle-palette";
export const OPEN_PALETTE_EVENT = "casefile:open-palette";

/** Fetches the palette's code (TanStack Query, the api client); the browser caches the promise's chunk. */
export const loadPalette = () => import("./command-palette");

/** An open asked for before the launcher mounted counts for this long (not across a later navigation). */
const PENDING_MS = 5_000;
let mounted = false;
let pendingSince = 0;

function request(event: string) {
  if (mounted) {
    window.dispatchEvent(new Event(event));
    return;
  }
  pendingSince = Date.now();
  void loadPalette().catch(() => {});
}

/** Opens the palette now, or as soon as the launcher mounts (the Search button's click). */
export function requestPaletteOpen() {
  request(OPEN_PALETTE_EVENT);
}

/** Called by the launcher when it mounts: whether an open was asked for just before. */
export function paletteLauncherMounted(): boolean {
  mounted = true;
  const pending = pendingSince > 0 && Date.now() - pendingSince < PENDING_MS;
  pendingSince = 0;
  return pending;
}

export function paletteLauncherUnmounted() {
  mounted = false;
}

if (typeof window !== "undefined") {
  window.addEventListener("keydown", (e) => {
    if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === "k") {
      e.preventDefault();
      request(TOGGLE_PALETTE_EVENT);
    }
  });
}
