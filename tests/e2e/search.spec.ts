import { expect, test } from "@playwright/test";
import { albaniaCaseId, expectNoSeriousA11yViolations, loginAs } from "./fixtures";

test("an analyst jumps to the MOIS entity from the Ctrl-K palette", async ({ page }) => {
  await loginAs(page, "analyst");
  const caseId = await albaniaCaseId(page);
  await page.goto("/");
  await page.keyboard.press("Control+k");
  const dialog = page.getByRole("dialog", { name: "Quick jump" });
  await expect(dialog).toBeVisible();
  const box = dialog.getByRole("combobox", { name: "Jump to a case, document, claim or entity" });
  await expect(box).toBeFocused();
  await box.fill("MOIS");
  const first = dialog.getByRole("option").first();
  await expect(first).toContainText("Iran's Ministry of Intelligence and Security (MOIS)");
  await expect(first).toHaveAttribute("aria-selected", "true");
  await expectNoSeriousA11yViolations(page);

  // Arrows move the highlight; Esc closes without navigating; the palette opens again on Ctrl-K.
  await box.press("ArrowDown");
  await expect(dialog.getByRole("option").nth(1)).toHaveAttribute("aria-selected", "true");
  await box.press("Escape");
  await expect(dialog).toBeHidden();
  await page.keyboard.press("Control+k");
  await dialog.getByRole("combobox").fill("MOIS");
  await expect(dialog.getByRole("option").first()).toContainText("(MOIS)");
  await dialog.getByRole("combobox").press("Enter");
  await expect(page).toHaveURL(new RegExp(`/cases/${caseId}/entities/[0-9a-f-]+$`));
  await expect(page.getByRole("heading", { name: /Ministry of Intelligence and Security/ }).first()).toBeVisible();
});

test("the search page highlights a phrase and opens the hit; an empty search explains itself", async ({ page }) => {
  await loginAs(page, "analyst");
  const caseId = await albaniaCaseId(page);

  await page.goto("/search");
  await expect(page.getByTestId("search-help")).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  // Bad input: an empty box is refused beside the field.
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page.locator("#search-q-error")).toHaveText("Type something to search for.");
  await expect(page.getByLabel("Search for")).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Search for").fill('"same aggressors"');
  await page.getByLabel("Kind").selectOption("document");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  // The filters live in the URL, so the search can be bookmarked and shared.
  await expect(page).toHaveURL(/\/search\?q=%22same\+aggressors%22&kind=document$/);
  const hit = page.getByTestId("search-result").first();
  await expect(hit.locator("mark").first()).toHaveText("same aggressors");
  await expect(page.getByLabel("Search for")).toHaveValue('"same aggressors"');
  await expect(page.getByTestId("kind-tab-claim")).toContainText(/Claims \d/);
  await expectNoSeriousA11yViolations(page);

  await hit.getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/cases/${caseId}/documents/[0-9a-f-]+`));
  await expect(page.getByText(/same aggressors/).first()).toBeVisible();
});

test("an investigator outside the Albania case finds nothing of it", async ({ page }) => {
  await loginAs(page, "investigator");
  await page.goto("/search?q=aggressors");
  await expect(page.getByTestId("search-empty")).toContainText("Nothing matches “aggressors”");
  await expect(page.getByTestId("kind-tab-all")).toContainText("All 0");
  const api = await page.context().request.get("/api/search?q=aggressors");
  expect(api.status()).toBe(200);
  expect(await api.json()).toMatchObject({ results: [], total: 0, counts: { document: 0, claim: 0, entity: 0, source: 0 } });
  const quick = await page.context().request.get("/api/search/quick?q=MOIS");
  expect((await quick.json()).items).toEqual([]);
  const empty = await page.context().request.get("/api/search?q=");
  expect(empty.status()).toBe(422);
  expect((await empty.json()).error.message).toBe("Type something to search for.");
});
