import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations, USERS } from "./fixtures";

test("signs in, lands on the dashboard, signs out; the old cookie no longer works", async ({ page, context }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel("Email").fill(USERS.analyst.email);
  await page.getByLabel("Password").fill(USERS.analyst.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Your cases" })).toBeVisible();
  await expect(page.getByRole("link", { name: "2022 Albania government cyberattacks" })).toBeVisible();
  // The organised-crime case belongs to someone else.
  await expect(page.getByText("Albanian organised crime")).toHaveCount(0);
  await expectNoSeriousA11yViolations(page);

  const cookies = await context.cookies();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  // Replaying the cookie from before sign-out is refused: the server-side session was revoked.
  await context.addCookies(cookies);
  const res = await context.request.get("/api/cases");
  expect(res.status()).toBe(401);
});

test("a wrong password gets a clear message and keeps the email", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill(USERS.reviewer.email);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("form-error")).toHaveText("Email or password is incorrect.");
  await expect(page.getByLabel("Email")).toHaveValue(USERS.reviewer.email);
});

test("POST /api/auth/callback/credentials answers 429 with a retry time after 10 failures from one address", async ({ request }) => {
  const attempt = async (password: string, ip: string) => {
    const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
    return request.post("/api/auth/callback/credentials", {
      form: { email: USERS.investigator.email, password, csrfToken, json: "true" },
      headers: { "x-forwarded-for": ip },
    });
  };
  for (let i = 0; i < 10; i++) await attempt("wrong-wrong-wrong", "203.0.113.7");
  const locked = await attempt(USERS.investigator.password, "203.0.113.7");
  expect(locked.status()).toBe(429);
  expect(Number(locked.headers()["retry-after"])).toBeGreaterThan(0);
  expect((await locked.json()).error.message).toMatch(/Too many failed sign-in attempts/);
  // Another address is not locked out.
  expect((await attempt(USERS.investigator.password, "198.51.100.9")).status()).toBe(200);
});
