// Outside test (issue 12), the smaller findings: the original-download route's own CSP was
// overwritten by proxy.ts; capture refusals told where an internal name resolves; an invalid calendar
// date (2022-02-30) was stored as 2022-03-02 and year 0 answered 500; request bodies were cut at
// Next's 10 MiB proxy buffer (then a 422) while the documented limit was 20 MB.
import { createRequire } from "node:module";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { proxy } from "@/proxy";
import { db } from "@/lib/db";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { safeFetch } from "@/lib/capture/safe-fetch";
import { MAX_REQUEST_BODY_BYTES } from "@/lib/http/body-limit";
import { ATTACHMENT_CSP } from "@/lib/http/security-headers";
import * as documentsRoute from "@/app/api/cases/[caseId]/documents/route";
import * as auditRoute from "@/app/api/cases/[caseId]/audit/route";
import * as searchRoute from "@/app/api/search/route";
import * as casesRoute from "@/app/api/cases/route";
import * as importRoute from "@/app/api/cases/import/route";
import { makeCase, makeUser } from "../support/factories";

let token = "";
let caseId = "";
beforeAll(async () => {
  const owner = await makeUser();
  caseId = (await makeCase({ owner })).id;
  token = (await createApiToken({ ctx: owner, name: "limits" })).token;
});
const auth = () => ({ host: "casefile.test", authorization: `Bearer ${token}` });
const params = (p: Record<string, string>) => ({ params: Promise.resolve(p) });
const postJson = (handler: typeof casesRoute.POST, url: string, body: string, p: Record<string, string> = {}) =>
  handler(
    new NextRequest(`http://casefile.test${url}`, { method: "POST", headers: { ...auth(), "content-type": "application/json" }, body }),
    params(p),
  );

describe("GET …/documents/{documentId}/original keeps its own Content-Security-Policy", () => {
  it("proxy.ts answers the download with default-src 'none'; sandbox, and pages with the nonce policy", () => {
    const download = proxy(new NextRequest(`http://casefile.test/api/cases/${caseId}/documents/${crypto.randomUUID()}/original`));
    expect(download.headers.get("content-security-policy")).toBe(ATTACHMENT_CSP);
    expect(ATTACHMENT_CSP).toBe("default-src 'none'; sandbox");
    const page = proxy(new NextRequest(`http://casefile.test/cases/${caseId}`));
    expect(page.headers.get("content-security-policy")).toMatch(/script-src 'self' 'nonce-/);
  });
});

describe("URL capture refusals", () => {
  it("say the URL was refused, not which address an internal name resolves to", async () => {
    delete process.env.CAPTURE_ALLOW_HOSTS;
    const err = (await safeFetch("http://localhost:9/secret").catch((e: unknown) => e)) as Error;
    expect(err.message).toMatch(/refused/);
    expect(err.message).not.toMatch(/127\.0\.0\.1|::1|private|local|reserved/);
  });
});

describe("dates", () => {
  it.each(["2022-02-30", "2021-02-29", "2022-13-01", "0000-01-01", "2022-04-31"])(
    "a published date of %s is a 422 naming publishedAt, and nothing is stored",
    async (publishedAt) => {
      const before = await db.document.count();
      const res = await postJson(
        documentsRoute.POST,
        `/api/cases/${caseId}/documents`,
        JSON.stringify({ title: "Dated", text: "Some text.", publishedAt }),
        { caseId },
      );
      expect(res.status).toBe(422);
      expect((await res.json()).error.issues.map((i: { path: string }) => i.path)).toContain("publishedAt");
      expect(await db.document.count()).toBe(before);
    },
  );

  it("an uploaded file's published date is checked the same way", async () => {
    const form = new FormData();
    form.set("file", new File(["Plain text."], "note.txt", { type: "text/plain" }));
    form.set("publishedAt", "2022-02-30");
    const res = await documentsRoute.POST(
      new NextRequest(`http://casefile.test/api/cases/${caseId}/documents`, { method: "POST", headers: auth(), body: form }),
      params({ caseId }),
    );
    expect(res.status).toBe(422);
  });

  it("2024-02-29 (a leap day) is stored as that day", async () => {
    const res = await postJson(
      documentsRoute.POST,
      `/api/cases/${caseId}/documents`,
      JSON.stringify({ title: "Leap", text: "Leap day text.", publishedAt: "2024-02-29" }),
      { caseId },
    );
    expect(res.status).toBe(201);
    expect((await res.json()).document.publishedAt).toMatch(/^2024-02-29/);
  });

  it.each([
    [
      "audit from",
      () =>
        auditRoute.GET(
          new NextRequest(`http://casefile.test/api/cases/${caseId}/audit?from=0000-01-01`, { headers: auth() }),
          params({ caseId }),
        ),
      "from",
    ],
    [
      "audit to",
      () =>
        auditRoute.GET(
          new NextRequest(`http://casefile.test/api/cases/${caseId}/audit?to=2022-02-30`, { headers: auth() }),
          params({ caseId }),
        ),
      "to",
    ],
    [
      "search from",
      () => searchRoute.GET(new NextRequest("http://casefile.test/api/search?q=albania&from=0000-01-01", { headers: auth() }), params({})),
      "from",
    ],
    [
      "search to",
      () => searchRoute.GET(new NextRequest("http://casefile.test/api/search?q=albania&to=2022-02-30", { headers: auth() }), params({})),
      "to",
    ],
  ])("%s with an impossible date is a 422 naming the field", async (_label, call, field) => {
    const res = await call();
    expect(res.status).toBe(422);
    expect((await res.json()).error.issues.map((i: { path: string }) => i.path)).toContain(field);
  });
});

describe("request body size: one limit, 413", () => {
  it("Next's proxy buffers more than the app's limit, so the app (not a silent cut) decides", async () => {
    const config = createRequire(import.meta.url)("../../next.config.js") as { experimental?: { proxyClientMaxBodySize?: number } };
    expect(MAX_REQUEST_BODY_BYTES).toBe(20 * 1024 * 1024);
    expect(config.experimental?.proxyClientMaxBodySize).toBeGreaterThan(MAX_REQUEST_BODY_BYTES);
  });

  it("a JSON body over the limit is a 413 (by Content-Length and by its real size)", async () => {
    const big = JSON.stringify({ title: "x".repeat(MAX_REQUEST_BODY_BYTES) });
    const res = await postJson(casesRoute.POST, "/api/cases", big);
    expect(res.status).toBe(413);
    expect((await res.json()).error.message).toMatch(/20 MB/);
    const bundle = await postJson(importRoute.POST, "/api/cases/import", big);
    expect(bundle.status).toBe(413);
  });
});
