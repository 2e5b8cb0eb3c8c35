// URL capture against a real HTTP server on 127.0.0.1 (no mocked network or database).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createUrlDocument, previewUrlCapture } from "@/lib/documents/capture-url";
import { sha256Hex } from "@/lib/documents/hash";
import { AppError, UnsupportedMediaError } from "@/lib/errors";
import { makeCase, makeUser } from "../support/factories";

const PARAGRAPHS = [
  "TIRANA — Albania’s government said on Wednesday that a “massive” cyberattack in July had been carried out by actors sponsored by Iran, and it cut diplomatic ties with Tehran.",
  "Prime Minister Edi Rama said the attack was intended to “paralyse public services, erase digital systems and hack into state records”. Officials estimated the cost of recovery at more than £10m.",
  "The Iranian Embassy rejected what it called “baseless accusations”, and said Iran had itself been the target of cyberattacks. Investigators from several countries examined the servers.",
  "Security researchers had earlier linked the intrusion to a group calling itself HomeLand Justice, which published leaked documents on a Telegram channel after the attack began.",
];
const ARTICLE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Albania cuts ties with Iran over cyberattack | The Test Gazette</title>
<meta property="og:site_name" content="The Test Gazette">
<meta name="author" content="Jane Reporter">
<meta property="article:published_time" content="2022-09-07T10:15:00Z"></head>
<body><nav><a href="/">Home</a> · <a href="/world">World</a> · Subscribe now!</nav>
<article><h1>Albania cuts ties with Iran over cyberattack</h1><p class="byline">By Jane Reporter</p>
${PARAGRAPHS.map((p) => `<p>${p}</p>`).join("\n")}
</article><footer>© The Test Gazette · Cookie settings</footer><script>window.tracker = "never run";</script></body></html>`;
const ARTICLE_BYTES = Buffer.from(ARTICLE, "utf8");
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);

let server: http.Server;
let base: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.url === "/old-link") {
      res.writeHead(302, { Location: "/news/albania-iran" });
      res.end();
    } else if (req.url === "/news/albania-iran") {
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
      res.end(ARTICLE_BYTES);
    } else if (req.url === "/chart.png") {
      res.writeHead(200, { "Content-Type": "image/png" });
      res.end(PNG);
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  process.env.CAPTURE_ALLOW_HOSTS = "127.0.0.1";
});
afterEach(() => {
  delete process.env.CAPTURE_ALLOW_HOSTS;
});

async function setup() {
  const ana = await makeUser({ name: "Ana" });
  const c = await makeCase({ owner: ana });
  return { ana, caseId: c.id };
}

describe("capturing a URL", () => {
  it("previews what it found without storing anything", async () => {
    const { caseId } = await setup();
    const preview = await previewUrlCapture({ url: `${base}/old-link` });
    expect(preview.finalUrl).toBe(`${base}/news/albania-iran`);
    expect(preview.title).toBe("Albania cuts ties with Iran over cyberattack");
    expect(preview.siteName).toBe("The Test Gazette");
    expect(preview.byline).toMatch(/Jane Reporter/);
    expect(preview.publishedAt).toBe("2022-09-07");
    expect(preview.sha256).toBe(sha256Hex(ARTICLE_BYTES));
    expect(preview.size).toBe(ARTICLE_BYTES.length);
    expect(preview.excerpt).toContain("Albania’s government said");
    expect(await db.document.count({ where: { caseId } })).toBe(0);
  });

  it("stores Readability's article text, the final URL after a redirect, the fetch time and the SHA-256 of the exact bytes", async () => {
    const { ana, caseId } = await setup();
    const before = Date.now();
    const { document: doc } = await createUrlDocument({
      ctx: ana,
      access: { caseId, role: "owner" },
      input: { url: `${base}/old-link`, title: "Albania severs ties with Iran (corrected)", author: "" },
    });
    expect(doc.kind).toBe("url");
    expect(doc.url).toBe(`${base}/news/albania-iran`);
    expect(doc.title).toBe("Albania severs ties with Iran (corrected)");
    expect(doc.publisher).toBe("The Test Gazette");
    // The analyst cleared the author: her correction wins over the page's byline.
    expect(doc.author).toBeNull();
    expect(doc.publishedAt?.toISOString()).toBe("2022-09-07T10:15:00.000Z");
    expect(doc.mimeType).toBe("text/html; charset=utf-8");
    expect(doc.retrievedAt.getTime()).toBeGreaterThanOrEqual(before - 1);
    expect(doc.retrievedAt.getTime()).toBeLessThanOrEqual(Date.now());
    for (const p of PARAGRAPHS) expect(doc.text).toContain(p);
    expect(doc.text).not.toContain("Subscribe now!");
    expect(doc.text).not.toContain("Cookie settings");
    expect(doc.text).not.toContain("tracker");
    expect(doc.sha256).toBe(sha256Hex(ARTICLE_BYTES));
    expect(doc.sizeBytes).toBe(ARTICLE_BYTES.length);
    const blob = await db.blob.findUniqueOrThrow({ where: { sha256: doc.sha256 } });
    expect(Buffer.from(blob.bytes).equals(ARTICLE_BYTES)).toBe(true);
    expect(await db.auditEvent.count({ where: { targetId: doc.id, action: "document.create" } })).toBe(1);
  });

  it("refuses a non-HTML response with 415 and stores nothing", async () => {
    const { ana, caseId } = await setup();
    const attempt = createUrlDocument({ ctx: ana, access: { caseId, role: "owner" }, input: { url: `${base}/chart.png` } });
    await expect(attempt).rejects.toBeInstanceOf(UnsupportedMediaError);
    await expect(attempt).rejects.toMatchObject({ status: 415, message: "The URL returned image/png, not an article." });
    expect(await db.document.count({ where: { caseId } })).toBe(0);
    expect(await db.blob.count({ where: { sha256: sha256Hex(PNG) } })).toBe(0);
  });

  it("refuses loopback without the allowlist (422 on the url field) and stores nothing", async () => {
    delete process.env.CAPTURE_ALLOW_HOSTS;
    const { ana, caseId } = await setup();
    const blobsBefore = await db.blob.count();
    const err = await createUrlDocument({ ctx: ana, access: { caseId, role: "owner" }, input: { url: `${base}/news/albania-iran` } }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).status).toBe(422);
    expect((err as AppError).issues?.[0]?.path).toBe("url");
    expect((err as AppError).message).toMatch(/was refused/);
    expect(await db.document.count({ where: { caseId } })).toBe(0);
    expect(await db.blob.count()).toBe(blobsBefore);
  });
});
