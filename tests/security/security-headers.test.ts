import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, makeNonce, staticSecurityHeaders } from "@/lib/http/security-headers";

// The policy proxy.ts sends; tests/security/xss.spec.ts checks it is really served and blocks nothing of ours.
describe("security headers", () => {
  it("builds a nonce-based CSP with no inline script, plugins, base tag or framing", () => {
    const nonce = makeNonce();
    const directives = Object.fromEntries(
      contentSecurityPolicy(nonce)
        .split("; ")
        .map((d) => [d.split(" ")[0], d.split(" ").slice(1).join(" ")]),
    );
    expect(directives["script-src"]).toBe(`'self' 'nonce-${nonce}' 'strict-dynamic'`);
    expect(directives["script-src"]).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(directives["object-src"]).toBe("'none'");
    expect(directives["base-uri"]).toBe("'none'");
    expect(directives["frame-ancestors"]).toBe("'none'");
    expect(directives["form-action"]).toBe("'self'");
    expect(directives["default-src"]).toBe("'self'");
    expect(directives["connect-src"]).toBe("'self'");
    expect(directives["upgrade-insecure-requests"]).toBeUndefined();
    expect(contentSecurityPolicy(nonce, { https: true })).toContain("upgrade-insecure-requests");
    expect(contentSecurityPolicy(nonce, { dev: true })).toContain("'unsafe-eval'");
  });

  it("makes a fresh 128-bit nonce each time", () => {
    const nonces = new Set(Array.from({ length: 1000 }, makeNonce));
    expect(nonces.size).toBe(1000);
    for (const n of nonces) expect(Buffer.from(n, "base64")).toHaveLength(16);
  });

  it("sends HSTS only over https", () => {
    expect(staticSecurityHeaders()).not.toHaveProperty("Strict-Transport-Security");
    expect(staticSecurityHeaders({ https: true })["Strict-Transport-Security"]).toMatch(/^max-age=\d{8,}/);
    expect(staticSecurityHeaders()).toMatchObject({
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "X-Robots-Tag": "noindex, nofollow",
    });
  });
});
