import { expect, test, type Page, type Response } from "@playwright/test";
import { albaniaCaseId, loginAs, USERS } from "./fixtures";

// Issue 16, "JavaScript": compressed JavaScript a browser downloads with an empty cache, counted as
// scripts/bench/browser.ts (npm run bench) counts it. Budgets in bytes (kB = 1,000 bytes), not timings.
const LOGIN_BUDGET = 120_000;
const CASE_PAGE_BUDGET = 160_000;

async function scriptBytes(page: Page, path: string) {
  const sizes: Promise<{ url: string; bytes: number }>[] = [];
  const onResponse = (res: Response) => {
    if (res.request().resourceType() === "script")
      sizes.push(
        res
          .request()
          .sizes()
          .then((s) => ({ url: new URL(res.url()).pathname, bytes: s.responseBodySize })),
      );
  };
  page.on("response", onResponse);
  await page.goto(path, { waitUntil: "networkidle" });
  page.off("response", onResponse);
  const files = await Promise.all(sizes);
  return { total: files.reduce((a, f) => a + f.bytes, 0), files: files.map((f) => `${f.url} ${f.bytes}`).join(", ") };
}

test("the login page ships no script and works without JavaScript; a case page stays within its JavaScript budget", async ({ browser }) => {
  // Signing in with JavaScript off: the form is plain HTML that posts to next-auth and is answered with redirects.
  const noJs = await browser.newContext({ javaScriptEnabled: false });
  const plain = await noJs.newPage();
  const login = await scriptBytes(plain, "/login");
  expect(login.total, `login: ${login.files}`).toBeLessThanOrEqual(LOGIN_BUDGET);
  expect(login.files, "the login page loads no script").toBe("");
  await plain.getByLabel("Email").fill(USERS.investigator.email);
  await plain.getByLabel("Password").fill(USERS.investigator.password);
  await plain.getByRole("button", { name: "Sign in" }).click();
  await expect(plain.getByRole("heading", { name: "Your cases" })).toBeVisible();
  await noJs.close();

  // A fresh context: empty cache, as the bench measures it.
  const context = await browser.newContext();
  const page = await context.newPage();
  await loginAs(page, "analyst");
  const casePage = await scriptBytes(page, `/cases/${await albaniaCaseId(page)}`);
  expect(casePage.total, `case page: ${casePage.files}`).toBeLessThanOrEqual(CASE_PAGE_BUDGET);
  await context.close();
});
