// Session cookies and revocation, against the running app: the cookie's flags, and the old cookie
// replayed after logout, a password change (other sessions) and an admin disabling the user → 401.
import { expect, test } from "@playwright/test";
import { ORIGIN } from "../e2e/fixtures";
import { ADMIN, freshUser, signInWith } from "./accounts";

test("the session cookie is HttpOnly, SameSite=Lax, path / (Secure and __Host- only over https)", async ({ request, context }) => {
  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  const res = await request.post("/api/auth/callback/credentials", {
    form: { email: ADMIN.email, password: ADMIN.password, csrfToken, json: "true" },
    headers: { "x-forwarded-for": "10.70.0.1" },
  });
  const setCookie = res
    .headersArray()
    .filter((h) => h.name.toLowerCase() === "set-cookie")
    .map((h) => h.value);
  const session = setCookie.find((c) => c.startsWith("casefile.session="));
  expect(session, setCookie.join("\n")).toBeTruthy();
  expect(session).toMatch(/; HttpOnly/i);
  expect(session).toMatch(/; SameSite=Lax/i);
  expect(session).toMatch(/; Path=\//i);
  expect(session).not.toMatch(/; Domain=/i);
  // This test server is plain http, so no Secure flag; tests/security/sessions.test.ts covers https naming.
  expect(session).not.toMatch(/; Secure/i);
  const csrf = (await context.request.get("/api/auth/csrf")).headersArray().find((h) => h.name.toLowerCase() === "set-cookie")?.value;
  expect(csrf).toMatch(/^casefile\.csrf-token=.*; HttpOnly/i);
});

test("logout: the old cookie replayed gets 401", async ({ browser }) => {
  const ctx = await browser.newContext();
  await signInWith(ctx.request, ADMIN.email, ADMIN.password);
  const before = await ctx.cookies();
  const page = await ctx.newPage();
  await page.goto("/");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  const replay = await browser.newContext();
  await replay.addCookies(before);
  expect((await replay.request.get("/api/cases")).status()).toBe(401);
  // Issue 12 (outside test): next-auth's own session endpoint answered the revoked session's name,
  // e-mail and session id. It must answer {} like a signed-out client.
  const session = await replay.request.get("/api/auth/session");
  expect(session.status()).toBe(200);
  expect(await session.json()).toEqual({});
  await ctx.close();
  await replay.close();
});

test("password change: other sessions' cookies get 401, this session stays signed in", async ({ browser }) => {
  const adminCtx = await browser.newContext();
  await signInWith(adminCtx.request, ADMIN.email, ADMIN.password);
  const anon = await browser.newContext();
  const user = await freshUser(adminCtx.request, anon.request, "pwchange");

  const here = await browser.newContext();
  const elsewhere = await browser.newContext();
  await signInWith(here.request, user.email, user.password);
  await signInWith(elsewhere.request, user.email, user.password);
  const elsewhereCookies = await elsewhere.cookies();

  const page = await here.newPage();
  await page.goto("/settings/password");
  await expect(page.getByRole("heading", { name: "Change your password" })).toBeVisible();
  // A common password is refused beside the field, and the input is kept.
  await page.getByLabel("Current password").fill(user.password);
  await page.getByLabel("New password", { exact: true }).fill("unbelievable");
  await page.getByLabel("Repeat the new password").fill("unbelievable");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("That password is one of the 10,000 most common; choose another.")).toBeVisible();
  await expect(page.getByLabel("New password", { exact: true })).toHaveValue("unbelievable");

  const newPassword = "a much longer passphrase about lighthouses";
  await page.getByLabel("New password", { exact: true }).fill(newPassword);
  await page.getByLabel("Repeat the new password").fill(newPassword);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("status")).toHaveText(/Password changed/);

  const replay = await browser.newContext();
  await replay.addCookies(elsewhereCookies);
  expect((await replay.request.get("/api/cases")).status()).toBe(401);
  expect((await here.request.get("/api/cases")).status()).toBe(200);
  // The old password no longer signs in; the new one does.
  const { csrfToken } = await (await anon.request.get("/api/auth/csrf")).json();
  const old = await anon.request.post("/api/auth/callback/credentials", {
    form: { email: user.email, password: user.password, csrfToken, json: "true" },
    headers: { "x-forwarded-for": "10.71.0.1" },
  });
  expect((await old.json()).url).toMatch(/error=/);
  await signInWith(anon.request, user.email, newPassword);
  for (const c of [adminCtx, anon, here, elsewhere, replay]) await c.close();
});

test("admin disables a user: their old cookie gets 401 at once; re-enabled, they sign in again", async ({ browser }) => {
  const adminCtx = await browser.newContext();
  await signInWith(adminCtx.request, ADMIN.email, ADMIN.password);
  const userCtx = await browser.newContext();
  const user = await freshUser(adminCtx.request, userCtx.request, "disable");
  await signInWith(userCtx.request, user.email, user.password);
  const cookies = await userCtx.cookies();

  expect((await adminCtx.request.post(`/api/admin/users/${user.id}/disable`, { headers: ORIGIN })).status()).toBe(200);
  const replay = await browser.newContext();
  await replay.addCookies(cookies);
  expect((await replay.request.get("/api/cases")).status()).toBe(401);
  expect((await userCtx.request.get("/api/cases")).status()).toBe(401);

  expect((await adminCtx.request.post(`/api/admin/users/${user.id}/enable`, { headers: ORIGIN })).status()).toBe(200);
  expect((await replay.request.get("/api/cases")).status()).toBe(401);
  const fresh = await browser.newContext();
  await signInWith(fresh.request, user.email, user.password);
  for (const c of [adminCtx, userCtx, replay, fresh]) await c.close();
});
