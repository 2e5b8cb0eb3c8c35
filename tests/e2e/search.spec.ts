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

test("the header's Search button opens the palette (loaded on first use); a name with two slips still lands", async ({ page }) => {
  await loginAs(page, "analyst");
  await page.goto("/");
  const dialog = page.getByRole("dialog", { name: "Quick jump" });
  await expect(dialog).toHaveCount(0);
  await page.getByTestId("search-button").click();
  await expect(dialog).toBeVisible();
  const box = dialog.getByRole("combobox", { name: "Jump to a case, document, claim or entity" });
  await expect(box).toBeFocused();
  await box.fill("Homland Justise");
  await expect(dialog.getByRole("option").first()).toContainText("HomeLand Justice");
  // Bad input: nothing like it anywhere — the palette says so and offers a full search instead.
  await box.fill("zzqx%_\\");
  await expect(dialog.getByText("No names match; Enter searches everything.")).toBeVisible();
  await box.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("search-button")).toBeFocused();
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
  // The reader opens at the match: the query travels in the URL and its words are highlighted.
  await expect(page).toHaveURL(new RegExp(`/cases/${caseId}/documents/[0-9a-f-]+\\?q=%22same%20aggressors%22$`));
  const bar = page.getByRole("region", { name: "Search matches in this document" });
  await expect(bar.getByRole("status")).toHaveText('1 match for "same aggressors"');
  const marks = page.locator("[data-search-hit]");
  await expect(marks).toHaveText(["same aggressors"]);
  await expect(marks.first()).toHaveAttribute("aria-current", "true");
  await expect(marks.first()).toBeInViewport();
  await expectNoSeriousA11yViolations(page);
  // The match lies inside Rama's quote: one element is both, and clicking it still opens the claim.
  await expect(marks.first()).toHaveAttribute("data-excerpts", /[0-9a-f-]{36}/);
  await marks.first().click();
  await expect(page.getByTestId("reader-claim").filter({ hasText: "same actors as the July 2022 attack" })).toBeFocused();

  // Stemmed ("attacked" finds "attack", not "cyberattack"), excluded words left alone; Next, Previous,
  // n and Shift+Enter walk through the matches, wrapping at the ends.
  const readerUrl = page.url().replace(/\?.*$/, "");
  await page.goto(`${readerUrl}?q=${encodeURIComponent("attacked -Albania")}`);
  await expect(bar.getByRole("status")).toHaveText("3 matches for “attacked -Albania”");
  await expect(marks).toHaveText(["attack", "attack", "attack"]);
  await expect(page.locator("[data-search-hit][aria-current]")).toHaveAttribute("data-search-hit", "0");
  await bar.getByRole("button", { name: "Next match" }).click();
  await expect(page.locator("[data-search-hit][aria-current]")).toHaveAttribute("data-search-hit", "1");
  await expect(bar.getByTestId("reader-search-position")).toHaveText("2 of 3");
  await page.keyboard.press("n");
  await expect(page.locator("[data-search-hit][aria-current]")).toHaveAttribute("data-search-hit", "2");
  await page.keyboard.press("n");
  await expect(page.locator("[data-search-hit][aria-current]")).toHaveAttribute("data-search-hit", "0");
  // Enter on a focused button presses that button; elsewhere it steps (Shift: backwards).
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press("Shift+Enter");
  await expect(page.locator("[data-search-hit][aria-current]")).toHaveAttribute("data-search-hit", "2");
  await bar.getByRole("button", { name: "Previous match" }).click();
  await expect(page.locator("[data-search-hit][aria-current]")).toHaveAttribute("data-search-hit", "1");

  // Clear drops the highlights and ?q from the address, without reloading.
  await bar.getByRole("button", { name: "Clear search highlights" }).click();
  await expect(bar).toBeHidden();
  await expect(marks).toHaveCount(0);
  await expect(page).toHaveURL(readerUrl);

  // No match in the body (the search may have matched the title or another form of a word).
  await page.goto(`${readerUrl}?q=zzyzx`);
  await expect(bar.getByRole("status")).toHaveText("No matches for “zzyzx” in this document");
  await expect(marks).toHaveCount(0);

  // Bad ?q= is ignored: the document opens, with no highlights and no error.
  for (const bad of ["x".repeat(5000), "%00<script>alert(1)</script>", "%20%20"]) {
    const res = await page.goto(`${readerUrl}?q=${bad}`);
    expect(res?.status()).toBe(200);
    await expect(page.getByTestId("document-text")).toContainText("same aggressors");
    await expect(marks).toHaveCount(0);
    await expect(bar).toBeHidden();
  }
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
