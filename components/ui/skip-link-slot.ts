// The id of the element that opens the app header, where a page's skip link is moved (components/ui/skip-link.tsx).
// Kept out of the "use client" module so the server-rendered header imports a plain string.
export const SKIP_LINK_SLOT = "skip-link-slot";
