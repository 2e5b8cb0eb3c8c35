import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations, gotoHydrated, loginAs, ORIGIN } from "./fixtures";

// Issue 12: who said it first (a claim's originator) and the evidence lifecycle (retract with a
// reason, hidden unless shown, the item's page says so; events edited after creation; a source picked
// at capture; an exact duplicate capture pointed at the document already there).

async function freshCase(page: Page) {
  const res = await page
    .context()
    .request.post("/api/cases", { data: { title: `Lifecycle ${Date.now()}-${Math.random().toString(36).slice(2, 6)}` }, headers: ORIGIN });
  expect(res.status()).toBe(201);
  return (await res.json()).case.id as string;
}

const COLUMN =
  "The attack on Albania was carried out by Iranian state actors, Microsoft said in a report relayed by this column. Officials in Tirana cut ties with Tehran days later.";

test("an analyst names a claim's originator, captures with a source, is stopped on an exact duplicate, edits an event and retracts a document with a reason", async ({
  page,
}) => {
  test.slow();
  await loginAs(page, "analyst");
  const caseId = await freshCase(page);
  const api = page.context().request;
  const post = async (path: string, data: unknown) => {
    const res = await api.post(`/api/cases/${caseId}${path}`, { data, headers: ORIGIN });
    expect(res.status(), await res.text()).toBe(201);
    return res.json();
  };
  const { source: upi } = await post("/sources", { name: "UPI", kind: "outlet", reliability: "D", rationale: "Opinion column." });
  await post("/sources", { name: "Microsoft", kind: "vendor", reliability: "B", rationale: "Direct telemetry." });
  await post("/sources", { name: "Albanian Government", kind: "government", reliability: "C", rationale: "Official statements." });

  // Capture with the source picked in the form; the same text again is stopped with a pointer to the first.
  await gotoHydrated(page, `/cases/${caseId}`);
  await page.getByLabel("Title", { exact: true }).fill("UPI column");
  await page.getByLabel("Text").fill(COLUMN);
  await page.getByRole("combobox", { name: "Source", exact: true }).selectOption({ label: "UPI (D)" });
  await page.getByRole("button", { name: "Add document" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Added “UPI column”" })).toBeVisible();
  await page.getByLabel("Title", { exact: true }).fill("UPI column again");
  await page.getByLabel("Text").fill(COLUMN);
  await page.getByRole("button", { name: "Add document" }).click();
  const duplicate = page.getByTestId("exact-duplicate");
  await expect(duplicate).toContainText("This exact content is already in the case.");
  await expect(duplicate.getByRole("link", { name: "“UPI column”" })).toBeVisible();
  // What was typed stays while the analyst decides.
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue("UPI column again");
  const { documents } = await (await api.get(`/api/cases/${caseId}/documents`)).json();
  expect(documents).toHaveLength(1);
  expect(documents[0]).toMatchObject({ title: "UPI column", sourceId: upi.id });
  const documentId = documents[0].id as string;

  // A claim drawn in the reader names its originator: the claimant follows it.
  await page.goto(`/cases/${caseId}/documents/${documentId}`);
  await page.evaluate((w) => {
    const container = document.querySelector<HTMLElement>('[data-testid="document-text"]')!;
    const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = (n as Text).data.indexOf(w);
      if (i < 0) continue;
      const range = document.createRange();
      range.setStart(n, i);
      range.setEnd(n, i + w.length);
      const sel = window.getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
      container.dispatchEvent(new MouseEvent("mouseup", { bubbles: true }));
      return;
    }
    throw new Error(`"${w}" is not in the reader`);
  }, "carried out by Iranian state actors");
  await page.getByRole("button", { name: "New claim from selection" }).click();
  const panel = page.getByRole("dialog", { name: "New claim from selection" });
  await expect(panel.getByLabel("Claimant")).toHaveValue("UPI");
  await panel.getByLabel("Originator (who first made it, optional)").selectOption({ label: "Microsoft (B)" });
  await expect(panel.getByLabel("Claimant")).toHaveValue("Microsoft");
  await panel.getByLabel("Statement").fill("Iranian state actors carried out the attack on Albania.");
  await panel.getByRole("radio", { name: /^2 – Probably true/ }).check();
  await panel.getByRole("button", { name: "Save claim" }).click();
  await expect(page.getByTestId("reader-notice")).toContainText("Claim saved");
  const { claims } = await (await api.get(`/api/cases/${caseId}/claims`)).json();
  expect(claims[0]).toMatchObject({ claimant: "Microsoft", originator: { name: "Microsoft" }, grade: "D2" });
  await page.goto(`/cases/${caseId}/claims/${claims[0].id}`);
  await expect(page.getByTestId("claim-originator")).toContainText("First made by Microsoft");
  await expect(page.getByTestId("reliability-rule")).toContainText("best grade");

  // An event placed on the timeline is edited later and linked to the claim.
  await post("/events", { title: "Ties cut", date: "2022" });
  await page.goto(`/cases/${caseId}/timeline`);
  await page.getByRole("button", { name: "Edit Ties cut" }).click();
  const eventForm = page.getByRole("form", { name: "Edit event Ties cut" });
  await eventForm.getByLabel("Title").fill("Albania cuts ties with Iran");
  await eventForm.getByLabel("Date").fill("2022-09-07");
  await eventForm.getByRole("checkbox", { name: /Iranian state actors carried out/ }).check();
  await eventForm.getByRole("button", { name: "Save event" }).click();
  const event = page.getByTestId("timeline-event").filter({ hasText: "Albania cuts ties with Iran" });
  await expect(event.getByTestId("event-date")).toHaveText("7 September 2022");
  await expect(event.getByRole("link", { name: /Iranian state actors carried out/ })).toBeVisible();

  // Retract the document: a reason is required (the server's message beside the field), then it is
  // hidden from the list, shown with "Show retracted", and its page says so first.
  await page.goto(`/cases/${caseId}/documents/${documentId}`);
  await page.getByRole("button", { name: "Retract document…" }).click();
  const dialog = page.getByRole("dialog", { name: "Retract “UPI column”?" });
  await dialog.getByRole("button", { name: "Retract document" }).click();
  await expect(dialog.getByText(/A retraction needs a reason/)).toBeVisible();
  await dialog.getByLabel("Reason for retracting").fill("The outlet withdrew the column.");
  await expectNoSeriousA11yViolations(page);
  await dialog.getByRole("button", { name: "Retract document" }).click();
  await expect(page.getByTestId("retracted-banner")).toContainText("This document was retracted");
  await expect(page.getByTestId("retracted-banner")).toContainText("The outlet withdrew the column.");
  await expect(page.getByRole("button", { name: "New claim from selection" })).toHaveCount(0);

  await page.goto(`/cases/${caseId}`);
  await expect(page.getByRole("list", { name: "Documents" })).toHaveCount(0);
  await page.getByTestId("show-retracted").click();
  await expect(page).toHaveURL(/include=retracted/);
  await expect(page.getByRole("list", { name: "Documents" }).getByTestId("retracted-tag")).toBeVisible();
  const audit = await (await api.get(`/api/cases/${caseId}/audit?action=document.retract`)).json();
  expect(audit.events.map((e: { action: string }) => e.action)).toContain("document.retract");
});

test("a viewer sees no retract button and the API refuses a retraction without a reason", async ({ page, browser }) => {
  await loginAs(page, "analyst");
  const caseId = await freshCase(page);
  const api = page.context().request;
  const doc = await api.post(`/api/cases/${caseId}/documents`, {
    data: { title: "Note", text: `A short note ${Date.now()}.` },
    headers: ORIGIN,
  });
  const documentId = (await doc.json()).document.id as string;
  const missing = await api.post(`/api/cases/${caseId}/documents/${documentId}/retract`, { data: {}, headers: ORIGIN });
  expect(missing.status()).toBe(422);
  expect((await missing.json()).error.issues[0]).toEqual({
    path: "reason",
    message: "A retraction needs a reason: say why this no longer stands (it stays in the record).",
  });
  const wrongType = await api.post(`/api/cases/${caseId}/documents/${documentId}/retract`, {
    data: "reason=x",
    headers: { ...ORIGIN, "content-type": "application/x-www-form-urlencoded" },
  });
  expect(wrongType.status()).toBe(415);

  // The seeded viewer, added to this case as a viewer, reads the document but cannot retract it.
  const members = await api.post(`/api/cases/${caseId}/members`, {
    data: { email: "viewer@example.com", role: "viewer" },
    headers: ORIGIN,
  });
  expect(members.status()).toBeLessThan(300);
  const viewer = await browser.newPage();
  await loginAs(viewer, "viewer");
  await viewer.goto(`/cases/${caseId}/documents/${documentId}`);
  await expect(viewer.getByRole("heading", { name: "Note" })).toBeVisible();
  await expect(viewer.getByRole("button", { name: "Retract document…" })).toHaveCount(0);
  const refused = await viewer
    .context()
    .request.post(`/api/cases/${caseId}/documents/${documentId}/retract`, { data: { reason: "I do not like it." }, headers: ORIGIN });
  expect(refused.status()).toBe(403);
  await viewer.close();
});
