// The quick-jump palette's tiny always-loaded half: the event other components (the header's Search
// button) dispatch to open it, and the loader of the palette itself, which is fetched only on the first
// Ctrl/Cmd-K or Search click (or when the pointer/focus reaches the Search button, to save the wait).

/** Other components (the header's Search button) open the palette with this window event. */
export const OPEN_PALETTE_EVENT = "casefile:open-palette";

/** Fetches the palette's code (TanStack Query, the api client); the browser caches the promise's chunk. */
export const loadPalette = () => import("./command-palette");
