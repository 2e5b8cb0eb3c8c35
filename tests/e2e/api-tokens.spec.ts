import { expect, test } from "@playwright/test";
import { albaniaCaseId, expectNoSeriousA11yViolations, loginAs, ORIGIN, signIn } from "./fixtures";

test("creates a token on the settings page, uses it with Bearer auth from a cookie-less client, revokes it", async ({
  page,
  playwright,
  baseURL,
}) => {
  await loginAs(page, "analyst");
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "API tokens" }).click();
  await expect(page.getByRole("heading", { name: "API tokens" })).toBeVisible();
  await expect(page.getByTestId("taxii-hint")).toContainText("/taxii2/");
  await expectNoSeriousA11yViolations(page);

  // A missing name is refused beside the field.
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.locator("#token-name-error")).toContainText("Name the token");

  const name = `loader ${Date.now()}`;
  await page.getByLabel("Token name").fill(name);
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByText("It will not be shown again.")).toBeVisible();
  const token = await page.getByLabel("New API token").inputValue();
  expect(token).toMatch(/^cf_[A-Za-z0-9_-]{43}$/);
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText(token.slice(0, 9));
  await expect(row).toContainText("Never");
  await expectNoSeriousA11yViolations(page);

  const api = await playwright.request.newContext({ baseURL });
  const bearer = { authorization: `Bearer ${token}` };
  const caseId = await albaniaCaseId(page);

  // GET /api/cases — exactly the analyst's cases (the same list her browser session sees).
  const res = await api.get("/api/cases", { headers: bearer });
  expect(res.status()).toBe(200);
  const viaToken = (await res.json()).cases.map((c: { id: string }) => c.id).sort();
  const viaCookie = (await (await page.context().request.get("/api/cases")).json()).cases.map((c: { id: string }) => c.id).sort();
  expect(viaToken).toEqual(viaCookie);
  expect(viaToken).toContain(caseId);
  expect((await res.json()).cases.map((c: { title: string }) => c.title)).not.toContain("Albanian organised crime");

  // POST /api/cases/{caseId}/documents — no Origin header needed with Bearer.
  const created = await api.post(`/api/cases/${caseId}/documents`, {
    headers: bearer,
    data: { title: `Scripted ${Date.now()}`, text: "Loaded by a script — “quoted” £1." },
  });
  expect(created.status()).toBe(201);
  expect((await created.json()).document.id).toMatch(/^[0-9a-f-]{36}$/);

  // A token cannot mint another token.
  expect((await api.post("/api/tokens", { headers: bearer, data: { name: "nested" } })).status()).toBe(403);

  // An invalid token is a 401, even though it looks like one.
  const bad = await api.get("/api/cases", { headers: { authorization: `Bearer cf_${"x".repeat(43)}` } });
  expect(bad.status()).toBe(401);
  expect((await bad.json()).error.message).toMatch(/invalid or has been revoked/);

  // The same token reads the TAXII 2.1 feed of released briefs (HTTP Basic, the token as the password): the demo's release.
  const taxii = {
    authorization: `Basic ${Buffer.from(`opencti:${token}`).toString("base64")}`,
    accept: "application/taxii+json;version=2.1",
  };
  // Answered at the URL the specification gives, slash included: no redirect for a TAXII client to follow.
  const collections = await api.get("/taxii2/api/collections/", { headers: taxii, maxRedirects: 0 });
  expect(collections.status()).toBe(200);
  expect(collections.headers()["content-type"]).toBe("application/taxii+json;version=2.1");
  const feed = (await collections.json()).collections.find((c: { title: string }) => c.title === "2022 Albania government cyberattacks");
  const reports = await api.get(`/taxii2/api/collections/${feed.id}/objects/?match[type]=report`, { headers: taxii });
  expect((await reports.json()).objects).toEqual([
    expect.objectContaining({ type: "report", name: "2022 Albania government cyberattacks" }),
  ]);
  expect((await api.get("/taxii2/", { headers: { ...taxii, accept: "application/json" } })).status()).toBe(406);
  // Every other path keeps Next's rule: a trailing slash is a 308 to the path without it.
  const slashed = await api.get("/api/cases/", { headers: bearer, maxRedirects: 0 });
  expect(slashed.status()).toBe(308);
  expect(new URL(slashed.headers()["location"], baseURL).pathname).toBe("/api/cases");

  await page.reload();
  await expect(row).not.toContainText("Never");
  await row.getByRole("button", { name: `Revoke ${name}` }).click();
  await row.getByRole("button", { name: "Yes, revoke" }).click();
  await expect(page.getByRole("row").filter({ hasText: name })).toHaveCount(0);
  expect((await api.get("/api/cases", { headers: bearer })).status()).toBe(401);
  expect((await api.get("/taxii2/api/collections/", { headers: taxii })).status()).toBe(401);
  await api.dispose();
});

test("POST /api/cases/{caseId}/documents with a viewer's token is refused with 403", async ({ page, playwright, baseURL }) => {
  await loginAs(page, "analyst");
  const caseId = await albaniaCaseId(page);
  const viewer = await playwright.request.newContext({ baseURL });
  await signIn(viewer, "viewer", "10.1.1.7");
  const made = await viewer.post("/api/tokens", { headers: ORIGIN, data: { name: "viewer script" } });
  expect(made.status()).toBe(201);
  const { token } = await made.json();

  const api = await playwright.request.newContext({ baseURL });
  const bearer = { authorization: `Bearer ${token}` };
  expect((await api.get(`/api/cases/${caseId}/documents`, { headers: bearer })).status()).toBe(200);
  const refused = await api.post(`/api/cases/${caseId}/documents`, {
    headers: bearer,
    data: { title: "Should not land", text: "Viewer text." },
  });
  expect(refused.status()).toBe(403);
  expect((await refused.json()).error.code).toBe("forbidden");
  await viewer.dispose();
  await api.dispose();
});

test("GET /api/openapi.json is public and documents the claims route", async ({ playwright, baseURL }) => {
  const api = await playwright.request.newContext({ baseURL });
  const res = await api.get("/api/openapi.json");
  expect(res.status()).toBe(200);
  const doc = await res.json();
  expect(doc.openapi).toBe("3.1.0");
  expect(Object.keys(doc.paths)).toContain("/api/cases/{caseId}/claims");
  await api.dispose();
});
