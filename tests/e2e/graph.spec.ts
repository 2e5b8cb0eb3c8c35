import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { albaniaCaseId, expectNoSeriousA11yViolations, gotoHydrated, loginAs } from "./fixtures";

/**
 * In the overview drawing: finding the relayed Microsoft claim selects it and centres the view on it at a zoom of 1,
 * where the bands' cells are 48 px apart; tapping the next cell up or down (with `tap`) selects another claim by the
 * drawing alone.
 */
async function selectByTapNextToTheRelayedClaim(page: Page, tap: (x: number, y: number) => Promise<void>) {
  await page.getByLabel("Find a node").fill("traced the attacks");
  await page.getByRole("list", { name: "Matching nodes" }).getByRole("button").first().click();
  const panel = page.getByRole("complementary", { name: "Selected node" });
  const heading = panel.getByRole("heading", { level: 3 });
  await expect(heading).toHaveText(/traced the attacks to Iran's Ministry/);
  await expect(panel.getByRole("list", { name: "Provenance chain" }).getByRole("listitem")).toHaveCount(4);
  const relayed = (await heading.textContent())!;
  await page.waitForTimeout(300); // the 200 ms move to the claim
  const canvas = page.getByTestId("graph-canvas");
  await canvas.scrollIntoViewIfNeeded();
  const box = (await canvas.boundingBox())!;
  for (const dy of [48, -48]) {
    await tap(box.x + box.width / 2, box.y + box.height / 2 + dy);
    if ((await heading.textContent()) !== relayed) break;
  }
  await expect(heading).not.toHaveText(relayed);
  await expect(panel).toContainText(/claim/i);
}

test("the evidence graph filters to one hypothesis and shows the relayed Microsoft claim's chain and circular reporting", async ({
  page,
}) => {
  test.slow(); // two axe scans on a loaded machine
  await loginAs(page, "viewer");
  const caseId = await albaniaCaseId(page);
  await page.goto(`/cases/${caseId}`);
  await page.getByRole("navigation", { name: "Case" }).getByRole("link", { name: "Graph" }).click();
  await expect(page.getByRole("heading", { name: "Evidence graph" })).toBeVisible();
  await expect(page.getByTestId("graph-canvas")).toHaveAttribute("data-ready", "true");
  await expectNoSeriousA11yViolations(page);

  await page.getByLabel("Hypothesis").selectOption({ label: "Claims rated against: Iran's MOIS-linked operators" });
  await expect(page).toHaveURL(/hypothesis=/);
  // The denial is rated against it; a claim nobody rated (the summit) is filtered out.
  await page.getByLabel("Find a node").fill("Free Iran World Summit");
  await expect(page.getByRole("list", { name: "Matching nodes" })).toHaveCount(0);

  await page.getByLabel("Find a node").fill("traced the attacks");
  await page.getByRole("list", { name: "Matching nodes" }).getByRole("button").first().click();
  const panel = page.getByRole("complementary", { name: "Selected node" });
  await expect(panel.getByRole("heading", { name: /traced the attacks to Iran's Ministry/ })).toBeVisible();
  await expect(panel.getByRole("heading", { name: "Origin: Microsoft Detection and Response Team (DART)" })).toBeVisible();
  const chain = panel.getByRole("list", { name: "Provenance chain" });
  await expect(chain.getByRole("listitem")).toHaveCount(4);
  await expect(chain).toContainText("Albania shows the West how to deal with Iran");
  await expect(panel.getByRole("heading", { name: "Circular reporting" })).toBeVisible();
  await expect(panel).toContainText("one claim is linked as repeating another");
  await expect(panel.getByRole("link", { name: "Open the quote in the reader" })).toHaveAttribute("href", /#excerpt-/);
});

test("the list view works with the keyboard alone, and an unknown filter in the address is reported, not fatal", async ({ page }) => {
  test.slow(); // two axe scans on a loaded machine
  await loginAs(page, "viewer");
  const caseId = await albaniaCaseId(page);
  await page.goto(`/cases/${caseId}/graph?view=list&types=claim,bogus&status=accepted&hypothesis=00000000-0000-7000-8000-000000000000`);
  await expect(page.getByRole("status").filter({ hasText: "not understood" })).toContainText("types=bogus");
  await expect(page.getByRole("status").filter({ hasText: "not understood" })).toContainText("hypothesis=00000000");
  const nodes = page.getByRole("region", { name: /^Nodes/ });
  await expect(nodes.getByRole("row")).not.toHaveCount(1);
  await expectNoSeriousA11yViolations(page);

  // Tab to the first node's button and open it with Enter.
  const first = nodes.getByRole("button").first();
  const name = (await first.textContent())!;
  await page.getByRole("button", { name: "Show as graph" }).focus();
  for (let i = 0; i < 40 && !(await first.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(first).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("complementary", { name: "Selected node" }).getByRole("heading", { level: 3 })).toHaveText(name);
  // Every node listed is an accepted claim.
  await expect(nodes.getByRole("cell", { name: "claim", exact: true }).first()).toBeVisible();
  await expect(nodes.getByText(/, draft|, rejected|, disputed/)).toHaveCount(0);
});

test("the overview drawing: an unknown drawing is reported; the overview zooms and fits back, selects a node by tap, and exports the whole graph as SVG", async ({
  page,
}) => {
  await loginAs(page, "viewer");
  const caseId = await albaniaCaseId(page);
  await gotoHydrated(page, `/cases/${caseId}/graph?drawing=sideways`);
  await expect(page.getByRole("status").filter({ hasText: "not understood" })).toContainText("drawing=sideways");
  // The demo graph is case-sized, so "by size" draws it in detail; the overview is asked for.
  await expect(page.getByLabel("Drawing")).toHaveValue("auto");
  await expect(page.getByLabel("Drawing").locator("option:checked")).toHaveText("By size (detailed)");
  await page.getByLabel("Drawing").selectOption("overview");
  await expect(page).toHaveURL(/drawing=overview/);
  const canvas = page.getByTestId("graph-canvas");
  await expect(canvas).toHaveAttribute("data-ready", "true");
  await expect(canvas.locator("canvas")).toHaveCount(1);
  // The wheel zooms the drawing; "Zoom to fit" brings back the whole graph exactly as first drawn.
  await canvas.scrollIntoViewIfNeeded();
  const whole = await canvas.screenshot();
  const area = (await canvas.boundingBox())!;
  await page.mouse.move(area.x + area.width / 3, area.y + area.height / 3);
  await page.mouse.wheel(0, -400);
  await page.mouse.move(0, 0);
  await expect.poll(async () => (await canvas.screenshot()).equals(whole)).toBe(false);
  await page.getByRole("button", { name: "Zoom to fit" }).click();
  await expect.poll(async () => (await canvas.screenshot()).equals(whole)).toBe(true);

  await selectByTapNextToTheRelayedClaim(page, (x, y) => page.mouse.click(x, y));

  // The SVG export has every node of the drawing, each named in full in its <title>.
  const shown = Number((await page.getByText(/^Showing \d+ of/).textContent())!.match(/Showing (\d+)/)![1]);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export SVG" }).click()]);
  expect(download.suggestedFilename()).toBe(`case-${caseId}-graph.svg`);
  const svg = await readFile((await download.path())!, "utf8");
  expect(svg.startsWith("<svg")).toBe(true);
  expect(svg.match(/<title>/g)).toHaveLength(shown);
  expect(svg).toContain("Microsoft Detection and Response Team (DART)");
  await expectNoSeriousA11yViolations(page);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test("the overview drawing fits the screen and a finger's tap selects a node", async ({ page }) => {
    await loginAs(page, "viewer");
    const caseId = await albaniaCaseId(page);
    await gotoHydrated(page, `/cases/${caseId}/graph?drawing=overview`);
    await expect(page.getByTestId("graph-canvas")).toHaveAttribute("data-ready", "true");
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(390);
    await selectByTapNextToTheRelayedClaim(page, (x, y) => page.touchscreen.tap(x, y));
  });
});
