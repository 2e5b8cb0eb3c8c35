// Issue 12 (outside test), over real HTTP where the bugs lived: Next's proxy cut request bodies at
// 10 MiB (the route then saw broken JSON: a 422) while 20 MB was documented; proxy.ts replaced the
// original download's own sandbox CSP; a deeply nested HTML upload was a 500 after seconds.
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { ORIGIN } from "../e2e/fixtures";
import { clientFor, createCase } from "./support";

const MiB = 1024 * 1024;

test("request bodies: nothing is cut at 10 MiB, and over the one 20 MiB limit is a 413", async ({ playwright, baseURL }) => {
  const api = await clientFor(playwright, baseURL!, "analyst");
  const twelve = await api.post("/api/cases", {
    headers: { ...ORIGIN, "content-type": "application/json" },
    data: JSON.stringify({ title: "x".repeat(12 * MiB) }),
  });
  expect(twelve.status()).toBe(422);
  // The whole body arrived: the answer is about the title, not about JSON cut in half.
  expect((await twelve.json()).error.issues.map((i: { path: string }) => i.path)).toContain("title");
  const over = await api.post("/api/cases/import", {
    headers: { ...ORIGIN, "content-type": "application/json" },
    data: JSON.stringify({ type: "bundle", pad: "x".repeat(21 * MiB) }),
  });
  expect(over.status()).toBe(413);
  expect((await over.json()).error.message).toMatch(/20 MB/);
  await api.dispose();
});

test("GET …/documents/{documentId}/original answers with default-src 'none'; sandbox; nested HTML is a quick 422", async ({
  playwright,
  baseURL,
}) => {
  const api = await clientFor(playwright, baseURL!, "analyst");
  const caseId = await createCase(api, `Original probe ${randomUUID().slice(0, 8)}`);
  const html = Buffer.from("<html><head><title>Page</title></head><body><p>An ordinary page with a little text in it.</p></body></html>");
  const created = await api.post(`/api/cases/${caseId}/documents`, {
    headers: ORIGIN,
    multipart: { file: { name: "page.html", mimeType: "text/html", buffer: html } },
  });
  expect(created.status()).toBe(201);
  const { document } = await created.json();
  const original = await api.get(`/api/cases/${caseId}/documents/${document.id}/original`);
  expect(original.status()).toBe(200);
  expect(original.headers()["content-security-policy"]).toBe("default-src 'none'; sandbox");

  const nested = Buffer.from(`<html><body>${"<div>".repeat(5000)}deep${"</div>".repeat(5000)}</body></html>`);
  const started = Date.now();
  const refused = await api.post(`/api/cases/${caseId}/documents`, {
    headers: ORIGIN,
    multipart: { file: { name: "nested.html", mimeType: "text/html", buffer: nested } },
  });
  expect(refused.status()).toBe(422);
  expect((await refused.json()).error.message).toMatch(/nested 5,000 levels deep/);
  expect(Date.now() - started).toBeLessThan(5000);
  await api.dispose();
});
