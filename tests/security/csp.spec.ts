import { expect, test, type Page } from "@playwright/test";
import { albaniaCaseId, loginAs } from "../e2e/fixtures";

// proxy.ts sends a per-request nonce CSP and the other security headers on every page and API
// answer; the app's own scripts (Next's runtime, chunks, inline bootstrap) must all carry the nonce,
// so no page logs a CSP violation and every page still hydrates.

function recordViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/content security policy/i.test(m.text())) violations.push(`${page.url()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => violations.push(`${page.url()}: ${e.message}`));
  return violations;
}

test("pages and API answers carry the CSP and security headers, with a fresh nonce each time", async ({ request }) => {
  const nonces = new Set<string>();
  // The login page is plain HTML with no script (app/login/route.ts); a page the App Router renders (here
  // the not-found page) carries Next's runtime.
  for (const path of ["/login", "/no-such-page", "/no-such-page"]) {
    const res = await request.get(path);
    const h = res.headers();
    const csp = h["content-security-policy"];
    expect(csp).toContain("default-src 'self'");
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'/);
    for (const d of [
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
      "form-action 'self'",
      "connect-src 'self'",
      "img-src 'self' data: blob:",
    ])
      expect(csp).toContain(d);
    expect(csp).not.toContain("unsafe-eval");
    nonces.add(/'nonce-([^']+)'/.exec(csp)![1]);
    // Every script Next rendered into the page carries this response's nonce.
    const html = await res.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    if (path === "/login") expect(scripts).toEqual([]);
    else expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag, tag).toContain(`nonce="${[...nonces].at(-1)}"`);
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(h["permissions-policy"]).toContain("camera=()");
    expect(h["x-frame-options"]).toBe("DENY");
    expect(h["x-robots-tag"]).toBe("noindex, nofollow");
    // Served over plain http here: no HSTS (it only means something over https).
    expect(h["strict-transport-security"]).toBeUndefined();
  }
  expect(nonces.size).toBe(3);
  const api = await request.get("/api/openapi.json");
  expect(api.headers()["x-content-type-options"]).toBe("nosniff");
  expect(api.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
});

test("public/ serves robots.txt that keeps crawlers out and an RFC 9116 security.txt, to anyone", async ({ request }) => {
  const robots = await request.get("/robots.txt", { maxRedirects: 0 });
  expect(robots.status()).toBe(200);
  expect(robots.headers()["content-type"]).toContain("text/plain");
  expect(await robots.text()).toMatch(/User-agent: \*\s+Disallow: \/\s*$/m);
  const security = await request.get("/.well-known/security.txt", { maxRedirects: 0 });
  expect(security.status()).toBe(200);
  const text = await security.text();
  expect(text).toMatch(/^Contact: \S+/m);
  const expires = /^Expires: (\S+)$/m.exec(text)?.[1];
  expect(Date.parse(expires ?? "")).toBeGreaterThan(Date.now());
});

test("no page of the app trips its own CSP, and the pages still work", async ({ page }) => {
  // Fifteen full page loads; on a busy 2-core machine that exceeds the default 45 s.
  test.setTimeout(180_000);
  const violations = recordViolations(page);
  await page.goto("/login");
  await expect(page.getByRole("heading", { name: "Sign in to Casefile" })).toBeVisible();
  // An unknown page renders the not-found page under the same policy.
  await page.goto("/no-such-page");

  await loginAs(page, "analyst");
  const caseId = await albaniaCaseId(page);
  const { documents } = await (await page.context().request.get(`/api/cases/${caseId}/documents`)).json();
  const c = `/cases/${caseId}`;
  for (const url of [
    "/",
    c,
    `${c}/claims`,
    `${c}/documents/${documents[0].id}`,
    `${c}/sources`,
    `${c}/entities`,
    `${c}/timeline`,
    `${c}/attribution`,
    `${c}/ach`,
    `${c}/activity`,
    `${c}/brief`,
    "/settings/tokens",
    "/search?q=Albania",
  ]) {
    await page.goto(url);
    await page.waitForLoadState("load");
  }
  // Client-side navigation and React event handlers work: the case tabs switch pages without a reload.
  await page.goto(c);
  await page.getByRole("link", { name: "Claims" }).first().click();
  await expect(page).toHaveURL(new RegExp(`${c}/claims`));
  expect(violations).toEqual([]);
});
