import { expect, test } from "@playwright/test";
import { albaniaCaseId, expectNoSeriousA11yViolations, gotoHydrated, loginAs, ORIGIN } from "./fixtures";

test("creates a case; an empty title gets a clear error and keeps what was typed", async ({ page }) => {
  await loginAs(page, "analyst");
  await page.goto("/cases/new");
  await expectNoSeriousA11yViolations(page);
  await page.getByLabel("Summary (bottom line up front)").fill("Who leaked the migration talks?");
  await page.getByRole("button", { name: "Create case" }).click();
  await expect(page.getByText("Title is required.")).toBeVisible();
  await expect(page.getByLabel("Summary (bottom line up front)")).toHaveValue("Who leaked the migration talks?");

  const title = `Telegraph leak ${Date.now()}`;
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("TLP marking").selectOption("RED");
  await page.getByRole("button", { name: "Create case" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByTestId("tlp-badge").first()).toHaveText("TLP:RED");
  await expect(page.getByTestId("my-role")).toHaveText("Your role: Owner");
  await expectNoSeriousA11yViolations(page);
});

test("two analysts edit the same case: the second save is told about the first and loses nothing", async ({ browser }) => {
  const ana = await browser.newPage();
  const rui = await browser.newPage();
  await loginAs(ana, "analyst");
  await loginAs(rui, "analyst");
  // A fresh case, so parallel tests do not race on the seeded one.
  const created = await ana.context().request.post("/api/cases", { data: { title: `Conflict ${Date.now()}` }, headers: ORIGIN });
  const { case: c } = await created.json();
  await gotoHydrated(ana, `/cases/${c.id}/edit`);
  await gotoHydrated(rui, `/cases/${c.id}/edit`);

  await rui.getByLabel("Summary (bottom line up front)").fill("Rui's summary");
  await rui.getByRole("button", { name: "Save changes" }).click();
  await expect(rui).toHaveURL(new RegExp(`/cases/${c.id}$`));

  await ana.getByLabel("Summary (bottom line up front)").fill("Ana's summary");
  await ana.getByRole("button", { name: "Save changes" }).click();
  await expect(ana.getByText("Someone else saved this case after you opened it.")).toBeVisible();
  await expect(ana.getByTestId("conflict-summary")).toHaveText("Rui's summary");
  await expect(ana.getByLabel("Summary (bottom line up front)")).toHaveValue("Ana's summary");

  await ana.getByRole("button", { name: /Keep my edits/ }).click();
  await ana.getByRole("button", { name: "Save changes" }).click();
  await expect(ana.getByText("Ana's summary")).toBeVisible();
});

test("PATCH /api/cases/{caseId} with a stale version is 409 and changes nothing", async ({ page }) => {
  await loginAs(page, "analyst");
  const caseId = await albaniaCaseId(page);
  const req = page.context().request;
  const { case: before } = await (await req.get(`/api/cases/${caseId}`)).json();
  const res = await req.patch(`/api/cases/${caseId}`, {
    data: { version: before.version - 1 || 999, title: "Overwritten" },
    headers: ORIGIN,
  });
  expect(res.status()).toBe(409);
  const { case: after } = await (await req.get(`/api/cases/${caseId}`)).json();
  expect(after.title).toBe(before.title);
});
