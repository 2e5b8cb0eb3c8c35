import { expect, test, type Page } from "@playwright/test";
import { albaniaCaseId, expectNoSeriousA11yViolations, loginAs, ORIGIN } from "./fixtures";

const TEXT = "The intruders deployed a wiper that overwrote the master boot record, then ransomware encrypted the remaining servers.";

async function caseWithClaim(page: Page) {
  const api = page.context().request;
  const res = await api.post("/api/cases", {
    data: { title: `ATT&CK ${Date.now()}-${Math.random().toString(36).slice(2, 6)}` },
    headers: ORIGIN,
  });
  const caseId = (await res.json()).case.id as string;
  const doc = await api.post(`/api/cases/${caseId}/documents`, { data: { title: "Incident note", text: TEXT }, headers: ORIGIN });
  const documentId = (await doc.json()).document.id as string;
  const exact = "ransomware encrypted the remaining servers";
  const claim = await api.post(`/api/cases/${caseId}/claims`, {
    data: {
      statement: "Ransomware encrypted the remaining servers.",
      claimant: "Incident note",
      kind: "fact",
      credibility: 2,
      excerpts: [{ documentId, exact }],
    },
    headers: ORIGIN,
  });
  expect(claim.status()).toBe(201);
  return { caseId, claimId: (await claim.json()).claim.id as string };
}

test("a technique found by an analyst's word is tagged on a claim and shows in the case's ATT&CK view with its quote", async ({ page }) => {
  test.slow();
  await loginAs(page, "analyst");
  const { caseId, claimId } = await caseWithClaim(page);
  await page.goto(`/cases/${caseId}/claims/${claimId}`);
  const picker = page.getByLabel("Add a technique");
  await picker.fill("ransom");
  await page.getByRole("button", { name: /T1486 Data Encrypted for Impact/ }).click();
  await expect(page.getByRole("list", { name: "Tagged techniques" })).toContainText("T1486 Data Encrypted for Impact");

  await page.getByRole("navigation", { name: "Case" }).getByRole("link", { name: "ATT&CK" }).click();
  await expect(page.getByRole("heading", { name: /Observed behaviour/ })).toBeVisible();
  const impact = page.getByRole("listitem", { name: "Impact" });
  await impact.getByRole("button", { name: /T1486 Data Encrypted for Impact/ }).click();
  await expect(page.getByRole("region", { name: "Claims tagged T1486" })).toContainText("“ransomware encrypted the remaining servers”");
  await expect(page.getByRole("link", { name: "Download ATT&CK Navigator layer" })).toHaveAttribute(
    "href",
    `/api/cases/${caseId}/attack/layer`,
  );
  // The overlap table says what it is and lists groups documented as using T1486.
  await expect(page.getByText(/never attribution by itself/)).toBeVisible();
  await expect(page.getByRole("table")).toContainText("T1486");
  await expectNoSeriousA11yViolations(page);
});

test("bad input: an unknown ATT&CK id on an entity is refused with a clear message and the link stays as it was", async ({ page }) => {
  await loginAs(page, "analyst");
  const caseId = await albaniaCaseId(page);
  await page.goto(`/cases/${caseId}/entities`);
  await page.getByRole("link", { name: "HomeLand Justice" }).first().click();
  await expect(page.getByText(/This is ATT&CK campaign/)).toContainText("C0038 HomeLand Justice");
  await page.getByLabel("ATT&CK id (G0069, S1151, C0038)").fill("G9999");
  await page.getByRole("button", { name: "Link", exact: true }).click();
  await expect(page.getByTestId("form-error")).toHaveText("G9999 is not a group, software or campaign in the shipped ATT&CK catalogue.");
  await expect(page.getByLabel("ATT&CK id (G0069, S1151, C0038)")).toHaveValue("G9999");
  await expect(page.getByText(/This is ATT&CK campaign/)).toContainText("C0038 HomeLand Justice");
});
