import { expect, test } from "@playwright/test";
import { albaniaCaseId, loginAs, ORIGIN } from "./fixtures";

test("a viewer sees the case but cannot edit it or add documents, in the UI or the API", async ({ page }) => {
  await loginAs(page, "viewer");
  const caseId = await albaniaCaseId(page);
  await page.goto(`/cases/${caseId}`);
  await expect(page.getByTestId("my-role")).toHaveText("Your role: Viewer");
  // Other specs may add documents to this case in parallel: check the seeded ones, not a count.
  const docs = page.getByRole("list", { name: "Documents" });
  for (const title of [
    "Suspected Iranian cyberattack exposes UK–Albania migration talks",
    "Albania shows the West how to deal with Iran",
    "Turkey Helping Iran To Open Interest Section In Albania",
  ]) {
    await expect(docs.getByRole("link", { name: title })).toBeVisible();
  }
  await expect(page.getByRole("link", { name: "Edit case" })).toHaveCount(0);
  await expect(page.getByRole("form", { name: "Add a document" })).toHaveCount(0);

  const req = page.context().request;
  const post = await req.post(`/api/cases/${caseId}/documents`, { data: { title: "Sneaky", text: "Should not land" }, headers: ORIGIN });
  expect(post.status()).toBe(403);
  const patch = await req.patch(`/api/cases/${caseId}`, { data: { version: 1, title: "Renamed by viewer" }, headers: ORIGIN });
  expect(patch.status()).toBe(403);
  await page.goto(`/cases/${caseId}/edit`);
  await expect(page.getByRole("heading", { name: "Your role does not allow this" })).toBeVisible();
  const { documents } = await (await req.get(`/api/cases/${caseId}/documents`)).json();
  expect(documents.map((d: { title: string }) => d.title)).not.toContain("Sneaky");
});

test("a non-member gets a 404 for the case page and its API, so ids do not leak", async ({ browser }) => {
  const analyst = await browser.newPage();
  await loginAs(analyst, "analyst");
  const caseId = await albaniaCaseId(analyst);
  const outsider = await browser.newPage();
  await loginAs(outsider, "investigator");
  const page = await outsider.goto(`/cases/${caseId}`);
  expect(page?.status()).toBe(404);
  await expect(outsider.getByRole("heading", { name: "Not found" })).toBeVisible();
  expect((await outsider.context().request.get(`/api/cases/${caseId}`)).status()).toBe(404);
  expect((await outsider.context().request.get(`/api/cases/${caseId}/documents`)).status()).toBe(404);
});

test("POST /api/cases without a same-origin Origin header is refused (CSRF)", async ({ page }) => {
  await loginAs(page, "analyst");
  const res = await page
    .context()
    .request.post("/api/cases", { data: { title: "Cross-site" }, headers: { origin: "https://evil.example" } });
  expect(res.status()).toBe(403);
  const none = await page.context().request.post("/api/cases", { data: { title: "No origin" } });
  expect(none.status()).toBe(403);
});

test("unauthenticated API calls get 401 JSON", async ({ request }) => {
  const res = await request.get("/api/cases");
  expect(res.status()).toBe(401);
  expect((await res.json()).error.code).toBe("unauthorized");
});
