// The response headers every page and API answer carries. Kept free of Next imports so the policy
// itself can be unit-tested and read in one place (SECURITY.md points here).

/** The policy of a downloaded original: nothing in it may load or run, even if a browser renders it. */
export const ATTACHMENT_CSP = "default-src 'none'; sandbox";

/** 128 random bits, base64: unguessable per response, which is what makes a nonce worth anything. */
export function makeNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * Scripts run only when they carry this response's nonce, or were loaded by one that did
 * ('strict-dynamic': Next's chunk loader). Styles allow 'unsafe-inline' because React `style={}`
 * attributes cannot carry a nonce; CSS cannot run script in current browsers, so the remaining
 * risk is layout spoofing, which the HTML sanitiser already limits. Dev mode needs eval for React's
 * debugging stack traces.
 */
export function contentSecurityPolicy(nonce: string, opts: { dev?: boolean; https?: boolean } = {}): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${opts.dev ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    ...(opts.https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** Headers that do not depend on the nonce. HSTS only over https: over http browsers ignore it anyway. */
export function staticSecurityHeaders(opts: { https?: boolean } = {}): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    // A case-management app, not a website: with robots.txt, keeps any page a crawler reaches out of an index.
    "X-Robots-Tag": "noindex, nofollow",
    ...(opts.https ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}
