// The CSRF test for cookie-authenticated state changes. Browsers send `Origin: null` from sandboxed
// frames, data: URLs and some redirects, and anything may arrive from a non-browser client: every
// value that is not exactly our scheme-less host[:port] is "not same-origin", never an exception.

/** True only when `origin` parses as a URL whose host[:port] equals the request's Host. */
export function isSameOrigin(origin: string | null | undefined, host: string | null | undefined): boolean {
  if (!origin || !host || origin === "null") return false;
  try {
    return new URL(origin).host === host.toLowerCase();
  } catch {
    return false;
  }
}
