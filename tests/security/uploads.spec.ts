import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { ORIGIN } from "../e2e/fixtures";
import { clientFor, createCase } from "./support";

// Uploads: the size limit, content that does not match its extension, and hostile file names.

const MB = 1024 * 1024;

function upload(api: APIRequestContext, caseId: string, name: string, bytes: Buffer, mimeType = "application/octet-stream") {
  return api.post(`/api/cases/${caseId}/documents`, { headers: ORIGIN, multipart: { file: { name, mimeType, buffer: bytes } } });
}

async function documents(api: APIRequestContext, caseId: string): Promise<{ id: string; title: string; originalName: string | null }[]> {
  return (await (await api.get(`/api/cases/${caseId}/documents`)).json()).documents;
}

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from("IHDR plus some text so it is not empty"),
]);
const ZIP = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from("word/document.xml text inside a zip")]);
const NOT_PDF = Buffer.from("This claims to be a PDF but does not start with the magic bytes.\n");
const ELF = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01]), Buffer.from("binary")]);

test("oversize and mislabelled uploads are refused (413, 415) and store nothing", async ({ playwright, baseURL }) => {
  const api = await clientFor(playwright, baseURL!, "analyst");
  const caseId = await createCase(api, `Upload probe ${randomUUID().slice(0, 8)}`);
  const before = await documents(api, caseId);

  const tooBig = await upload(api, caseId, "big.txt", Buffer.alloc(5 * MB + 1, "a"), "text/plain");
  expect(tooBig.status()).toBe(413);
  expect((await tooBig.json()).error.message).toMatch(/limit is 5 MB/);
  // Far over the limit: refused from Content-Length, before the body is read.
  expect((await upload(api, caseId, "huge.txt", Buffer.alloc(12 * MB, "a"), "text/plain")).status()).toBe(413);

  for (const [name, bytes, type] of [
    ["image.txt", PNG, "text/plain"],
    ["archive.md", ZIP, "text/markdown"],
    ["report.pdf", NOT_PDF, "application/pdf"],
    ["program.txt", ELF, "text/plain"],
    ["page.html", PNG, "text/html"],
  ] as const) {
    const res = await upload(api, caseId, name, bytes, type);
    expect(res.status(), name).toBe(415);
    expect((await res.json()).error.code, name).toBe("unsupported_media_type");
  }
  expect(await documents(api, caseId)).toEqual(before);
  await api.dispose();
});

test("path traversal in a file name keeps only the base name, and nothing is written outside storage", async ({ playwright, baseURL }) => {
  const api = await clientFor(playwright, baseURL!, "analyst");
  const caseId = await createCase(api, `Traversal probe ${randomUUID().slice(0, 8)}`);
  const marker = randomUUID();
  const names: [string, string][] = [
    ["../../etc/passwd.txt", "passwd.txt"],
    ["..\\..\\x.md", "x.md"],
    [`../../../../tmp/${marker}.txt`, `${marker}.txt`],
  ];
  for (const [name, base] of names) {
    const res = await upload(
      api,
      caseId,
      name,
      Buffer.from(`Uploaded as ${name}. ${marker}`),
      name.endsWith(".md") ? "text/markdown" : "text/plain",
    );
    expect(res.status(), name).toBe(201);
    const { document } = await res.json();
    expect(document.originalName, name).toBe(base);
  }
  expect((await documents(api, caseId)).map((d) => d.originalName).sort()).toEqual(names.map(([, b]) => b).sort());
  // Originals live in the database (content-addressed blobs), so no file may appear on disk.
  for (const candidate of [
    `/tmp/${marker}.txt`,
    path.resolve("../../etc/passwd.txt"),
    path.resolve("..", "x.md"),
    path.resolve("../..", "x.md"),
  ]) {
    expect(fs.existsSync(candidate), candidate).toBe(false);
  }
  await api.dispose();
});

test("a malformed multipart body is a 400, not a server error", async ({ playwright, baseURL }) => {
  const api = await clientFor(playwright, baseURL!, "analyst");
  const caseId = await createCase(api, `Multipart probe ${randomUUID().slice(0, 8)}`);
  for (const data of [
    "not multipart at all",
    '--b\r\nContent-Disposition: form-data; name="file"; filename="a"b".txt"\r\n\r\nx\r\n',
    "--b\r\n\r\n",
  ]) {
    const res = await api.post(`/api/cases/${caseId}/documents`, {
      headers: { ...ORIGIN, "content-type": "multipart/form-data; boundary=b" },
      data,
    });
    expect(res.status(), data).toBe(400);
  }
  expect(await documents(api, caseId)).toEqual([]);
  await api.dispose();
});
