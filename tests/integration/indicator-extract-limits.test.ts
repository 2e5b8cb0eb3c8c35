// Issue #13, bad input for indicator extraction, through the route (Bearer token) on a real PostgreSQL: a
// 5 MB document (the upload limit) still extracts in bounded time with no 5xx, and a document listing
// 10,000 indicators is paginated rather than sent whole.
import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { createPastedDocument } from "@/lib/documents/create-document";
import { MAX_TEXT_CHARS, MAX_UPLOAD_BYTES } from "@/lib/documents/schemas";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { POST as extractRoute } from "@/app/api/cases/[caseId]/documents/[documentId]/indicators/extract/route";
import { makeCase, makeUser } from "../support/factories";

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function setup(text: string) {
  const ana = await makeUser({ name: "Ana" });
  const c = await makeCase({ owner: ana, title: "Extraction limits" });
  const { document } = await createPastedDocument({
    ctx: ana,
    access: { caseId: c.id, role: "owner" },
    input: { title: "Large report", text },
  });
  const token = (await createApiToken({ ctx: ana, name: "t" })).token;
  const extract = async (query = "") => {
    const t0 = performance.now();
    const res = await (extractRoute as Handler)(
      new NextRequest(`http://localhost/api/cases/${c.id}/documents/${document.id}/indicators/extract${query}`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}` },
      }),
      { params: Promise.resolve({ caseId: c.id, documentId: document.id }) },
    );
    return { status: res.status, json: await res.json(), ms: performance.now() - t0 };
  };
  return { extract };
}

// Prose in a three-byte script, so that five megabytes of UTF-8 stay within the stored text's character limit.
const PROSE = "攻击者在政府服务器上部署了擦除程序并加密了文件，随后在社交媒体上公布了窃取的数据。";

describe("indicator extraction limits", () => {
  it("extracts a 5 MB document in bounded time, answering 200 (saying how far host-like tokens were searched if their time budget ran out)", async () => {
    const lines: string[] = [];
    let bytes = 0;
    for (let i = 0; bytes < MAX_UPLOAD_BYTES - 2048; i++) {
      const line = `${PROSE.repeat(8)} hxxp://c2-${i}[.]evil-example.net/gate.php 185.${(i >> 8) & 255}.${i & 255}.7`;
      lines.push(line);
      bytes += Buffer.byteLength(line) + 1;
    }
    const text = lines.join("\n");
    expect(Buffer.byteLength(text)).toBeGreaterThan(5_000_000);
    expect(text.length).toBeLessThanOrEqual(MAX_TEXT_CHARS);
    const { extract } = await setup(text);
    const first = await extract("?limit=1000");
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ page: 1, limit: 1000 });
    // Every address is found in the whole text. Every URL too (their hosts are not suggested twice), unless the
    // time budget for host-like tokens ran out on a busy machine: then the answer says how far they were searched.
    const { total, hostsSearchedTo } = first.json;
    if (hostsSearchedTo === null) expect(total).toBe(lines.length * 2);
    else {
      expect(hostsSearchedTo).toBeGreaterThan(0);
      expect(hostsSearchedTo).toBeLessThan(text.length);
      expect(total).toBeGreaterThan(lines.length);
      expect(total).toBeLessThan(lines.length * 2);
    }
    expect(first.json.suggestions[0]).toMatchObject({
      type: "url",
      value: "http://c2-0.evil-example.net/gate.php",
      exact: "hxxp://c2-0[.]evil-example.net/gate.php",
    });
    for (const s of first.json.suggestions) expect(text.slice(s.start, s.end)).toBe(s.exact);
    // Bounded: a few seconds on a quiet machine; generous here because the suite shares two cores.
    expect(first.ms).toBeLessThan(30_000);
  }, 180_000);

  it("pages a document of 10,000 indicators and refuses a page size over 1,000 (422)", async () => {
    const text = Array.from({ length: 10_000 }, (_, i) => `Relay ${i + 1}: 45.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}.`).join("\n");
    const { extract } = await setup(text);
    const byDefault = await extract();
    expect(byDefault.status).toBe(200);
    expect(byDefault.json).toMatchObject({ total: 10_000, page: 1, limit: 200, pages: 50 });
    expect(byDefault.json.suggestions).toHaveLength(200);
    const seen = new Set<string>();
    for (let page = 1; page <= 10; page++) {
      const res = await extract(`?limit=1000&page=${page}`);
      expect(res.status).toBe(200);
      expect(res.json).toMatchObject({ total: 10_000, page, limit: 1000, pages: 10 });
      expect(res.json.suggestions).toHaveLength(1000);
      for (const s of res.json.suggestions) seen.add(s.value);
    }
    expect(seen.size).toBe(10_000);
    expect(seen.has("45.0.39.15")).toBe(true);
    const past = await extract("?limit=1000&page=11");
    expect(past.status).toBe(200);
    expect(past.json.suggestions).toEqual([]);
    const tooMany = await extract("?limit=10000");
    expect(tooMany.status).toBe(422);
    expect(tooMany.json.error.issues[0].path).toBe("limit");
  }, 180_000);
});
