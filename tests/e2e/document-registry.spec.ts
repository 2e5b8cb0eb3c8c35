// Capture into the registry and fixing mistakes (issue 18): a source registered with its document,
// a publisher matched to a registered source, metadata corrected with a reason, dates as people write them.
import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations, loginAs, ORIGIN } from "./fixtures";

async function freshCase(page: Page) {
  const res = await page
    .context()
    .request.post("/api/cases", { data: { title: `Registry ${Date.now()}-${Math.random().toString(36).slice(2, 6)}` }, headers: ORIGIN });
  expect(res.status()).toBe(201);
  return (await res.json()).case.id as string;
}

test("adds a document with a new source in one step, then a publisher is matched to that source", async ({ page }) => {
  await loginAs(page, "analyst");
  const caseId = await freshCase(page);
  await page.goto(`/cases/${caseId}`);
  const form = page.getByRole("form", { name: "Add a document" });
  await form.getByLabel("Title", { exact: true }).fill("Ministry statement on the outage");
  await form.getByLabel("Text").fill("The Interior Ministry confirmed that government services were taken offline.");
  await form.getByRole("combobox", { name: "Source", exact: true }).selectOption({ label: "Register a new source…" });
  await form.getByLabel("Source name").fill("Albanian Interior Ministry");
  await form.getByLabel("Type of source").selectOption({ label: "Government (ministry, official, embassy)" });
  await form.getByLabel("Reliability (Admiralty grade)").selectOption("B");
  await expect(form.getByText(/B – Usually reliable: Minor doubt/)).toBeVisible();
  // The grade needs a reason: the error names the field and keeps everything typed.
  await form.getByRole("button", { name: "Add document" }).click();
  await expect(form.locator("#doc-new-rationale-error")).toHaveText("Say why you give this grade.");
  await expect(form.getByLabel("Source name")).toHaveValue("Albanian Interior Ministry");
  await form.getByLabel("Why this grade").fill("Official statements, accurate on facts so far");
  await expectNoSeriousA11yViolations(page);
  await form.getByRole("button", { name: "Add document" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Added" })).toContainText("Added “Ministry statement on the outage”");
  const list = page.getByRole("list", { name: "Documents" });
  await expect(list.getByRole("listitem").filter({ hasText: "Ministry statement" }).getByTestId("document-source-grade")).toHaveText(
    "Albanian Interior Ministry (B)",
  );

  // A typed publisher that names the registered source is offered as that source.
  await form.getByLabel("Title", { exact: true }).fill("Second statement");
  await form.getByLabel("Text").fill("The ministry said services would return within days.");
  await form.getByLabel("Publisher").fill("albanian interior ministry");
  await expect(form.getByTestId("source-suggestion")).toContainText(
    "Publisher matches registered source Albanian Interior Ministry — use it?",
  );
  await form.getByRole("button", { name: "Use Albanian Interior Ministry" }).click();
  await expect(form.getByRole("combobox", { name: "Source", exact: true })).toHaveValue(/[0-9a-f-]{36}/);
  await expect(form.getByTestId("source-suggestion")).toHaveCount(0);
  await form.getByRole("button", { name: "Add document" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Added" })).toContainText("Added “Second statement”");
  await expect(list.getByRole("listitem").filter({ hasText: "Second statement" }).getByTestId("document-source-grade")).toHaveText(
    "Albanian Interior Ministry (B)",
  );

  // Without a source a document says so: ungraded, not F.
  await form.getByLabel("Title", { exact: true }).fill("Unsourced note");
  await form.getByLabel("Text").fill("A note without a source.");
  await form.getByRole("button", { name: "Add document" }).click();
  await expect(list.getByRole("listitem").filter({ hasText: "Unsourced note" }).getByTestId("document-source-grade")).toHaveText(
    "no source: ungraded",
  );
});

test("corrects a document's details with a reason; without one the edit is refused and what was typed stays", async ({ page }) => {
  await loginAs(page, "analyst");
  const caseId = await freshCase(page);
  const res = await page.context().request.post(`/api/cases/${caseId}/documents`, {
    data: { title: "Albnia outage", text: "Government services were taken offline.", publisher: "Reuter" },
    headers: ORIGIN,
  });
  const { document } = await res.json();
  await page.goto(`/cases/${caseId}/documents/${document.id}`);
  const sha = await page.getByTestId("document-sha256").textContent();
  await page.getByRole("button", { name: "Edit details" }).click();
  const form = page.getByRole("form", { name: "Edit document details" });
  await form.getByLabel("Title").fill("Albania outage");
  await form.getByLabel("Publisher").fill("Reuters");
  await form.getByLabel("Published").fill("28 Feb 2023");
  await form.getByRole("button", { name: "Save details" }).click();
  await expect(form.locator("#meta-reason-error")).toHaveText("Say why you are changing this document's details.");
  await expect(form.getByLabel("Title")).toHaveValue("Albania outage");
  await expectNoSeriousA11yViolations(page);

  await form.getByLabel("Reason for the change").fill("Typos in title and publisher");
  await form.getByRole("button", { name: "Save details" }).click();
  await expect(page.getByText("Details saved")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Albania outage", level: 2 })).toBeVisible();
  await expect(page.getByText("28 February 2023")).toBeVisible();
  await expect(page.getByTestId("document-sha256")).toHaveText(sha!);
  await expect(page.getByTestId("document-source")).toHaveCount(0);
  await expect(page.getByText("No source: ungraded.")).toBeVisible();

  await page.goto(`/cases/${caseId}/activity`);
  const row = page.getByRole("list", { name: "Activity" }).getByRole("listitem").filter({ hasText: "corrected a document's details" });
  await expect(row).toContainText("Typos in title and publisher");
});

test("the timeline takes a date as people write it: 28 Feb 2023", async ({ page }) => {
  await loginAs(page, "analyst");
  const caseId = await freshCase(page);
  await page.goto(`/cases/${caseId}/timeline`);
  await page.getByRole("button", { name: "New event" }).click();
  await page.getByLabel("Title", { exact: true }).fill("Services restored");
  await page.getByLabel("Date", { exact: true }).fill("28 Feb 2023");
  await expect(page.getByTestId("date-preview")).toHaveText("Precision: a day — shown as “28 February 2023”");
  await page.getByRole("button", { name: "Add event" }).click();
  await expect(page.getByTestId("timeline-event").getByTestId("event-date")).toHaveText("28 February 2023");
  await expect(page.getByText("(1 event)")).toBeVisible();
});
