// Issue 12 (outside test): someone added to a case by e-mail sees it and can leave it from the case
// page; the owner's "add by e-mail" answer does not tell whether the account exists.
import { expect, test } from "@playwright/test";
import { ORIGIN, loginAs } from "../e2e/fixtures";
import { ADMIN, freshUser, signInWith } from "./accounts";

test("POST /api/cases/{caseId}/members, then Leave case on the case page", async ({ browser, page }) => {
  const adminCtx = await browser.newContext();
  await signInWith(adminCtx.request, ADMIN.email, ADMIN.password);
  const anon = await browser.newContext();
  const added = await freshUser(adminCtx.request, anon.request, "leaver");

  // The analyst opens a case and adds the new user by e-mail; an unknown e-mail gets the same answer.
  await loginAs(page, "analyst");
  const created = await page.request.post("/api/cases", {
    data: { title: `Leave me ${Date.now()}`, summary: "s", tlp: "AMBER" },
    headers: ORIGIN,
  });
  expect(created.status()).toBe(201);
  const caseId = (await created.json()).case.id as string;
  const known = await page.request.post(`/api/cases/${caseId}/members`, { data: { email: added.email, role: "viewer" }, headers: ORIGIN });
  const unknown = await page.request.post(`/api/cases/${caseId}/members`, {
    data: { email: "no-such-person@example.test", role: "viewer" },
    headers: ORIGIN,
  });
  expect(unknown.status()).toBe(known.status());
  expect(Object.keys(await unknown.json()).sort()).toEqual(Object.keys(await known.json()).sort());

  // The added user sees the case and leaves it.
  const theirs = await browser.newContext();
  await signInWith(theirs.request, added.email, added.password);
  const tab = await theirs.newPage();
  await tab.goto(`/cases/${caseId}`);
  tab.once("dialog", (d) => void d.accept());
  await tab.getByRole("button", { name: "Leave case" }).click();
  await expect(tab).toHaveURL(/\/$/);
  expect((await theirs.request.get(`/api/cases/${caseId}`)).status()).toBe(404);

  // The last owner is not offered the button (and the API refuses it: tests/security/membership.test.ts).
  await page.goto(`/cases/${caseId}`);
  await expect(page.getByRole("heading", { name: "Team" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Leave case" })).toHaveCount(0);
  for (const c of [adminCtx, anon, theirs]) await c.close();
});
