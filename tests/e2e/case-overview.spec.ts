import { expect, test } from "@playwright/test";
import { albaniaCaseId, expectNoSeriousA11yViolations, loginAs } from "./fixtures";

// Issue 15: the case overview answers "how strong is this case, and where is it weak?" — key judgments, the
// Admiralty table and the weak spots, each number opening the claims behind it.
test("the overview shows the key judgment and the evidence health; a number opens exactly its claims", async ({ page }) => {
  test.setTimeout(90_000);
  await loginAs(page, "reviewer");
  const caseId = await albaniaCaseId(page);
  const health = await (await page.context().request.get(`/api/cases/${caseId}/evidence-health`)).json();
  await page.goto(`/cases/${caseId}`);

  const judgments = page.getByTestId("key-judgments");
  await expect(judgments.getByRole("listitem")).toHaveCount(health.judgments.length);
  await expect(judgments).toContainText(health.judgments[0].likelihoodLabel);
  await expect(page.getByTestId("admiralty-table")).toBeVisible();
  // The brief's blockers and warnings load after the page, as the brief page states them.
  const readiness = await (await page.context().request.get(`/api/cases/${caseId}/brief/readiness`)).json();
  expect(readiness).toEqual(health.brief);
  await expect(page.getByText("Checking the brief…")).toHaveCount(0);
  const open = readiness.blockers.length + readiness.wordingWarnings.length;
  await expect(page.getByTestId("brief-health")).toHaveCount(open ? 1 : 0);
  if (open) await expect(page.getByTestId("brief-health").getByRole("listitem")).toHaveCount(Math.min(open, 5));
  await expectNoSeriousA11yViolations(page);

  // The first weak spot with claims behind it opens the claims table filtered to exactly those.
  const spot = health.health.find((h: { count: number }) => h.count > 0);
  expect(spot, "the demo case has a weak spot to show").toBeTruthy();
  await page
    .getByTestId("weak-spots")
    .getByRole("link", { name: `${spot.count} ${spot.label.toLowerCase()}` })
    .click();
  await expect(page).toHaveURL(new RegExp(`/cases/${caseId}/claims\\?health=${spot.key}$`));
  await expect(page.getByTestId("claims-health-filter")).toContainText(spot.label);
  await expect(page.getByRole("table", { name: "Claims" }).locator("tbody tr")).toHaveCount(spot.count);
});

test("an unknown health list in the URL is ignored by the page and refused by the API with a clear message", async ({ page }) => {
  await loginAs(page, "reviewer");
  const caseId = await albaniaCaseId(page);
  const all = await (await page.context().request.get(`/api/cases/${caseId}/claims`)).json();
  await page.goto(`/cases/${caseId}/claims?health=everything`);
  await expect(page.getByTestId("claims-health-filter")).toHaveCount(0);
  await expect(page.getByRole("table", { name: "Claims" }).locator("tbody tr")).toHaveCount(Math.min(all.total, 50));
  const api = await page.context().request.get(`/api/cases/${caseId}/claims?health=everything`);
  expect(api.status()).toBe(422);
  expect(JSON.stringify(await api.json())).toContain("health must be single-origin, weak-sources or outruns.");
  // The brief's readiness is a case's like everything else: a malformed or foreign case id gets a 404.
  expect((await page.context().request.get(`/api/cases/not-a-case/brief/readiness`)).status()).toBe(404);
});
