import path from "node:path";
import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { expectNoSeriousA11yViolations, gotoHydrated, loginAs, ORIGIN } from "./fixtures";

const SEEDS = path.resolve(__dirname, "../../prisma/demo");

async function freshCase(page: Page) {
  const res = await page
    .context()
    .request.post("/api/cases", { data: { title: `Docs ${Date.now()}-${Math.random().toString(36).slice(2, 6)}` }, headers: ORIGIN });
  expect(res.status()).toBe(201);
  return (await res.json()).case.id as string;
}

test("uploads a seed document, sees it listed, opens it with its hash and published date", async ({ page }) => {
  await loginAs(page, "analyst");
  const caseId = await freshCase(page);
  await page.goto(`/cases/${caseId}`);
  await expect(page.getByText("No documents yet.")).toBeVisible();
  await expectNoSeriousA11yViolations(page);

  const file = path.join(SEEDS, "000_14ff20742db8aebd.txt");
  await page.getByRole("tab", { name: "Upload file" }).click();
  await page.getByLabel("Title (optional: defaults to the file name)").fill("Suspected Iranian cyberattack on Albania");
  await page.getByLabel("File", { exact: true }).setInputFiles(file);
  await page.getByRole("button", { name: "Add document" }).click();
  await expect(page.getByRole("status")).toContainText("Added “Suspected Iranian cyberattack on Albania”");

  const list = page.getByRole("list", { name: "Documents" });
  await list.getByRole("link", { name: "Suspected Iranian cyberattack on Albania" }).click();
  const sha = createHash("sha256").update(readFileSync(file)).digest("hex");
  await expect(page.getByTestId("document-sha256")).toHaveText(sha);
  await expect(page.getByText("20 September 2022")).toBeVisible();
  await expect(page.getByTestId("document-text")).toContainText("Albania’s Interior Ministry said");
  await expect(page.getByTestId("document-text")).not.toContainText("date 2022-09-20");
  await expectNoSeriousA11yViolations(page);
});

test("pastes text; an empty paste is refused and the title stays", async ({ page }) => {
  await loginAs(page, "analyst");
  const caseId = await freshCase(page);
  await gotoHydrated(page, `/cases/${caseId}`);
  await page.getByLabel("Title", { exact: true }).fill("Embassy statement");
  await page.getByRole("button", { name: "Add document" }).click();
  await expect(page.getByText("Paste the document's text.")).toBeVisible();
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue("Embassy statement");

  await page.getByLabel("Text").fill("The Iranian Embassy “rejected the baseless accusations” — Tirana, £0.");
  await page.getByRole("button", { name: "Add document" }).click();
  await expect(page.getByRole("status")).toContainText("Added “Embassy statement”");
  await expect(page.getByRole("link", { name: "Embassy statement" })).toBeVisible();
});

test("a binary file named .txt is refused with a clear error and nothing is stored", async ({ page }) => {
  await loginAs(page, "analyst");
  const caseId = await freshCase(page);
  await page.goto(`/cases/${caseId}`);
  await page.getByRole("tab", { name: "Upload file" }).click();
  await page.getByLabel("Title (optional: defaults to the file name)").fill("Not really text");
  await page.getByLabel("File", { exact: true }).setInputFiles({
    name: "photo.txt",
    mimeType: "text/plain",
    buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
  });
  await page.getByRole("button", { name: "Add document" }).click();
  await expect(page.getByTestId("form-error")).toBeVisible();
  await expect(page.getByLabel("Title (optional: defaults to the file name)")).toHaveValue("Not really text");
  const { documents } = await (await page.context().request.get(`/api/cases/${caseId}/documents`)).json();
  expect(documents).toEqual([]);
});

test("POST /api/cases/{caseId}/documents refuses an oversize upload with 413", async ({ page }) => {
  await loginAs(page, "analyst");
  const caseId = await freshCase(page);
  const res = await page.context().request.post(`/api/cases/${caseId}/documents`, {
    multipart: { file: { name: "big.txt", mimeType: "text/plain", buffer: Buffer.alloc(6 * 1024 * 1024, 0x61) } },
    headers: ORIGIN,
  });
  expect(res.status()).toBe(413);
  expect((await res.json()).error.message).toMatch(/limit is 5 MB/);
  const { documents } = await (await page.context().request.get(`/api/cases/${caseId}/documents`)).json();
  expect(documents).toEqual([]);
});

test("the upload form refuses an oversize file before sending it", async ({ page }) => {
  await loginAs(page, "analyst");
  const caseId = await freshCase(page);
  await page.goto(`/cases/${caseId}`);
  await page.getByRole("tab", { name: "Upload file" }).click();
  await page
    .getByLabel("File", { exact: true })
    .setInputFiles({ name: "big.txt", mimeType: "text/plain", buffer: Buffer.alloc(5 * 1024 * 1024 + 10, 0x61) });
  await page.getByRole("button", { name: "Add document" }).click();
  await expect(page.getByTestId("form-error")).toContainText("the limit is 5 MB");
});
