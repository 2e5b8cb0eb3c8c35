import { expect, type APIRequestContext, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

export const USERS = {
  analyst: { email: "analyst@example.com", password: "albania-analyst-2022" },
  reviewer: { email: "reviewer@example.com", password: "albania-reviewer-2022" },
  viewer: { email: "viewer@example.com", password: "albania-viewer-2022" },
  investigator: { email: "investigator@example.com", password: "organised-crime-2019" },
} as const;
export type DemoUser = keyof typeof USERS;

/** Signs in through next-auth's own endpoints; the cookie lands in the page's browser context. */
export async function signIn(request: APIRequestContext, who: DemoUser, ip = "10.1.1.1") {
  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  const res = await request.post("/api/auth/callback/credentials", {
    form: { email: USERS[who].email, password: USERS[who].password, csrfToken, json: "true" },
    headers: { "x-forwarded-for": ip },
  });
  expect(res.status()).toBe(200);
}

export async function loginAs(page: Page, who: DemoUser) {
  await signIn(page.context().request, who);
}

/** Opens a page and waits until React has hydrated it (components/providers.tsx marks <html>), so what the test types next is not reset. */
export async function gotoHydrated(page: Page, url: string) {
  await page.goto(url);
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
}

/** The seeded Albania case's id, as the given (already signed-in) page sees it. */
export async function albaniaCaseId(page: Page) {
  const res = await page.context().request.get("/api/cases");
  const { cases } = await res.json();
  const c = cases.find((x: { title: string }) => x.title === "2022 Albania government cyberattacks");
  expect(c, "seeded Albania case is visible").toBeTruthy();
  return c.id as string;
}

/** Same-origin header for API calls that change state (the CSRF check refuses requests without it). */
export const ORIGIN = { origin: process.env.E2E_ORIGIN ?? `http://localhost:${process.env.E2E_PORT ?? 3100}` };

export async function expectNoSeriousA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
}
