import { expect, test, type Page } from "@playwright/test";
import { albaniaCaseId, expectNoSeriousA11yViolations, loginAs } from "./fixtures";

// Issue 15: a reviewer approving from a phone. At 390 px wide no page scrolls sideways (tables scroll inside
// their own box), the header's links sit behind a Menu button, and axe finds nothing serious.
test.use({ viewport: { width: 390, height: 844 } });

async function expectNoSidewaysScroll(page: Page, path: string) {
  await page.goto(path);
  await expect(page.locator("main")).toBeVisible();
  const { scrollWidth, width, wide } = await page.evaluate(() => {
    const width = window.innerWidth;
    // What sticks out, for the failure message: elements past the window's right edge that no scrolling or clipping
    // box around them contains (those are fine: they scroll inside their own box).
    const contained = (el: Element) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement)
        if (getComputedStyle(p).overflowX !== "visible") return true;
      return false;
    };
    const wide = [...document.querySelectorAll("body *")]
      // An absolutely positioned element (sr-only text) escapes a scrolling box that is not its containing block.
      .filter((el) => el.getBoundingClientRect().right > width + 1 && (!contained(el) || getComputedStyle(el).position === "absolute"))
      .slice(-4)
      .map(
        (el) =>
          `${el.tagName.toLowerCase()}.${String(el.getAttribute("class") ?? "").slice(0, 60)} (${Math.round(el.getBoundingClientRect().width)}px)`,
      );
    return { scrollWidth: document.scrollingElement!.scrollWidth, width, wide };
  });
  expect.soft(scrollWidth, `${path} is ${scrollWidth}px wide in a ${width}px window: ${wide.join(" | ")}`).toBeLessThanOrEqual(width);
}

test("the main pages fit a 390 px phone with no sideways page scroll", async ({ page }) => {
  test.setTimeout(150_000);
  await loginAs(page, "reviewer");
  const caseId = await albaniaCaseId(page);
  const { documents } = await (await page.context().request.get(`/api/cases/${caseId}/documents`)).json();
  const { claims } = await (await page.context().request.get(`/api/cases/${caseId}/claims`)).json();
  const paths = [
    "/",
    "/reviews",
    "/notifications",
    "/search?q=wiper",
    `/cases/${caseId}`,
    `/cases/${caseId}/claims`,
    `/cases/${caseId}/claims/${claims[0].id}`,
    `/cases/${caseId}/documents/${documents[0].id}`,
    `/cases/${caseId}/sources`,
    `/cases/${caseId}/attribution`,
    `/cases/${caseId}/ach`,
    `/cases/${caseId}/brief`,
    `/cases/${caseId}/attack`,
    `/cases/${caseId}/team`,
    `/cases/${caseId}/indicators`,
    `/cases/${caseId}/entities`,
    `/cases/${caseId}/timeline`,
    `/cases/${caseId}/tasks`,
    `/cases/${caseId}/graph`,
    "/settings/tokens",
  ];
  for (const path of paths) await expectNoSidewaysScroll(page, path);

  // The case's title is read whole on a phone (it wraps), not cut to "2022 …".
  await page.goto(`/cases/${caseId}`);
  const title = page.getByRole("heading", { level: 1 });
  await expect(title).toHaveText("2022 Albania government cyberattacks");
  expect(await title.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
});

test("on a phone the header's links are behind Menu, which opens and navigates; axe is clean", async ({ page }) => {
  await loginAs(page, "reviewer");
  await page.goto("/");
  await expect(page.getByRole("navigation", { name: "Main", exact: true })).toBeHidden();
  await page.getByTestId("main-menu").locator("summary").click();
  const nav = page.getByRole("navigation", { name: "Main menu" });
  await expect(nav).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  await nav.getByRole("link", { name: /Reviews/ }).click();
  await expect(page).toHaveURL(/\/reviews$/);
  await expectNoSeriousA11yViolations(page);
});
