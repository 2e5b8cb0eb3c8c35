import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations, loginAs, ORIGIN } from "./fixtures";

const SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
const TEXT = `Stage two was fetched from hxxps://evil[.]net/payload.bin over TLS. The implant then beaconed to 203.0.113[.]7 every minute.
The dropped loader has SHA-256 ${SHA256}.`;

async function caseWithReport(page: Page) {
  const api = page.context().request;
  const res = await api.post("/api/cases", {
    data: { title: `Indicators ${Date.now()}-${Math.random().toString(36).slice(2, 6)}` },
    headers: ORIGIN,
  });
  const caseId = (await res.json()).case.id as string;
  const doc = await api.post(`/api/cases/${caseId}/documents`, { data: { title: "Vendor report", text: TEXT }, headers: ORIGIN });
  return { caseId, documentId: (await doc.json()).document.id as string };
}

test("Find indicators in a document, accept one, see it defanged on the indicators page and copy it refanged", async ({ page }) => {
  test.slow();
  await loginAs(page, "analyst");
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  const { caseId, documentId } = await caseWithReport(page);
  await page.goto(`/cases/${caseId}/documents/${documentId}`);
  await page.getByRole("button", { name: "Find indicators" }).click();

  const suggested = page.getByRole("list", { name: "Suggested indicators" });
  await expect(suggested).toContainText(SHA256);
  await expect(suggested).toContainText("hxxps://evil[.]net/payload.bin");
  // The documentation address is listed apart, under the reason, and only "Accept anyway" records it.
  const flagged = page.getByRole("list", { name: "Flagged documentation suggestions" });
  await expect(flagged).toContainText("203.0.113[.]7");
  await expect(page.getByRole("heading", { name: /Flagged documentation: probably not an indicator/ })).toBeVisible();
  await expect(flagged.getByRole("button", { name: /^Accept anyway/ })).toBeVisible();
  await expect(suggested.getByRole("button", { name: /^Accept anyway/ })).toHaveCount(0);

  const url = page.getByTestId("indicator-suggestion").filter({ hasText: "evil[.]net" });
  await url.getByRole("button", { name: /^Accept/ }).click();
  await expect(url.getByRole("status")).toContainText("Accepted");
  await expectNoSeriousA11yViolations(page);

  await page.getByRole("navigation", { name: "Case" }).getByRole("link", { name: "Indicators" }).click();
  const row = page.getByTestId("indicator-row").filter({ hasText: "evil[.]net" });
  await expect(row.getByTestId("indicator-value")).toHaveText("hxxps://evil[.]net/payload.bin");
  // Nothing on the page links to the indicator itself.
  await expect(page.locator('a[href*="evil.net"]')).toHaveCount(0);
  await row.getByRole("button", { name: /Copy refanged/ }).click();
  await expect(row.getByRole("status")).toHaveText("Copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe("https://evil.net/payload.bin");
  await expectNoSeriousA11yViolations(page);

  // A defanged search finds it, and the filter lives in the URL.
  await page.getByLabel("Search value or note (defanged works)").fill("evil[.]net");
  await expect(page).toHaveURL(/q=evil/);
  await expect(page.getByTestId("indicators-total")).toContainText("1 indicator");

  // Its page shows the quote, with a link to its place in the reader.
  await row.getByRole("link", { name: "hxxps://evil[.]net/payload.bin" }).click();
  await expect(page.getByTestId("indicator-quote")).toContainText("hxxps://evil[.]net/payload.bin");
  await expect(page.getByRole("link", { name: "Open in “Vendor report”" })).toHaveAttribute(
    "href",
    new RegExp(`/documents/${documentId}#chars-\\d+-\\d+$`),
  );
});

test("bad input: a malformed value typed in is refused with a clear message and stays in the form", async ({ page }) => {
  await loginAs(page, "analyst");
  const { caseId } = await caseWithReport(page);
  await page.goto(`/cases/${caseId}/indicators`);
  const form = page.getByRole("form", { name: "Type in an indicator" });
  await form.getByLabel("Type", { exact: true }).selectOption("ipv4");
  await form.getByLabel("Value (defanged is fine)").fill("203.0.113[.]999");
  await form.getByRole("button", { name: "Add indicator" }).click();
  await expect(page.getByText('"203.0.113[.]999" is not an IPv4 address')).toBeVisible();
  await expect(form.getByLabel("Value (defanged is fine)")).toHaveValue("203.0.113[.]999");
  await expect(page.getByTestId("indicators-total")).toHaveText("0 indicators");
});

test("an indicator is linked to the claim that reports it and to what it indicates, saved with its version", async ({ page }) => {
  await loginAs(page, "analyst");
  const api = page.context().request;
  const { caseId, documentId } = await caseWithReport(page);
  const exact = "hxxps://evil[.]net/payload.bin";
  const start = TEXT.indexOf(exact);
  const claim = await api.post(`/api/cases/${caseId}/claims`, {
    data: {
      statement: "Stage two came from evil.net",
      claimant: "Vendor",
      kind: "fact",
      credibility: 3,
      excerpts: [{ documentId, exact: "Stage two was fetched from" }],
    },
    headers: ORIGIN,
  });
  expect(claim.status()).toBe(201);
  const loader = `Stage-two loader ${Date.now()}`;
  const entity = await api.post(`/api/cases/${caseId}/entities`, {
    data: { kind: "malware", name: loader, aliases: [] },
    headers: ORIGIN,
  });
  expect(entity.status()).toBe(201);
  const created = await api.post(`/api/cases/${caseId}/indicators`, {
    data: { type: "url", value: exact, excerpts: [{ documentId, start, end: start + exact.length, exact }] },
    headers: ORIGIN,
  });
  expect(created.status()).toBe(201);
  const indicatorId = (await created.json()).indicator.id as string;

  await page.goto(`/cases/${caseId}/indicators/${indicatorId}`);
  const editor = page.getByTestId("indicator-links-editor");
  await editor.getByLabel("Find a claim to link (two letters or more)").fill("Stage two");
  await editor.getByRole("button", { name: "Link “Stage two came from evil.net”" }).click();
  await editor.getByLabel("Add what it indicates (intrusion set, malware…)").selectOption({ label: `${loader} (malware)` });
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  const links = page.locator("section[aria-labelledby='indicator-links']");
  await expect(links.getByRole("link", { name: "Stage two came from evil.net" })).toBeVisible();
  await expect(links.getByRole("link", { name: loader })).toBeVisible();
  const stored = (await (await api.get(`/api/cases/${caseId}/indicators/${indicatorId}`)).json()).indicator;
  expect(stored.claims.map((c: { statement: string }) => c.statement)).toEqual(["Stage two came from evil.net"]);
  expect(stored.version).toBe(2);
});
