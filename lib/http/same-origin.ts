// The CSRF test for cookie-authenticated state changes. Browsers send `Origin: null` from sandboxed
// frames, data: URLs and some redirects, and anything may arrive from a non-browser client: every
// value that is not exactly our scheme://host[:port] is "not same-origin", never an exception.

/** True only when `origin` parses as a URL whose host[:port] equals `host` (and scheme `proto`, when given). */
export function isSameOrigin(origin: string | null | undefined, host: string | null | undefined, proto?: string | null): boolean {
  if (!origin || !host || origin === "null") return false;
  try {
    const url = new URL(origin);
    if (proto && url.protocol !== `${proto.replace(/:$/, "").toLowerCase()}:`) return false;
    return url.host === host.toLowerCase();
  } catch {
    return false;
  }
}

/**
 * Our own origin as this request reached us: the Host header and the request's scheme, or — only
 * behind a proxy we were told to trust (TRUST_PROXY=1) — the X-Forwarded-Host and X-Forwarded-Proto
 * it sets. Without that setting the forwarded headers are the client's own claim and are ignored.
 */
export function expectedOrigin({ url, headers }: { url: string; headers: Headers }): { host: string | null; proto: string } {
  const trusted = process.env.TRUST_PROXY === "1";
  const first = (name: string) => headers.get(name)?.split(",")[0]?.trim() || null;
  const host = (trusted ? first("x-forwarded-host") : null) ?? headers.get("host");
  let proto = trusted ? first("x-forwarded-proto") : null;
  if (!proto) {
    try {
      proto = new URL(url).protocol.replace(/:$/, "");
    } catch {
      proto = "http";
    }
  }
  return { host, proto };
}

/** A state-changing request carries an Origin equal to ours, scheme included. */
export function isSameOriginRequest(req: { url: string; headers: Headers }): boolean {
  const { host, proto } = expectedOrigin(req);
  return isSameOrigin(req.headers.get("origin"), host, proto);
}
