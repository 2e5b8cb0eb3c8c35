import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { loginAs, ORIGIN } from "../e2e/fixtures";
import { pool } from "./support";

// A corpus of known XSS payloads is ingested every way content enters Casefile (pasted text, titles,
// claim statements, entity/source/event/hypothesis names, comments, an uploaded .html and .md file,
// a captured web page) and every page that shows it is opened in Chromium. A payload that ran would
// set window.__xss or open a dialog; the CSP would report anything it had to block.

const PAYLOADS = fs
  .readFileSync(path.join(__dirname, "../fixtures/xss/payloads.txt"), "utf8")
  .split("\n")
  .filter((line) => line.trim() && !line.startsWith("#"));
const ALL = PAYLOADS.join("\n\n");
const PAGE_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${PAYLOADS[0]} captured</title>
<meta property="og:site_name" content="${PAYLOADS[4].replace(/"/g, "&quot;")}"></head>
<body><article><h1>Captured ${PAYLOADS[4]}</h1>${PAYLOADS.map((p) => `<p>${p}</p>`).join("\n")}</article></body></html>`;

let server: http.Server;
let base: string;
test.beforeAll(async () => {
  server = http.createServer((req, res) => {
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    res.end(PAGE_HTML);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
test.afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function created<T>(res: Promise<import("@playwright/test").APIResponse>, key: string): Promise<T> {
  const r = await res;
  expect(r.status(), await r.text()).toBe(201);
  return (await r.json())[key];
}

/** Puts every payload into every kind of record of a fresh case; returns the case and the records to visit. */
async function ingest(api: APIRequestContext, tag: string) {
  const post = (url: string, data: unknown) => api.post(url, { data, headers: ORIGIN });
  const kase = await created<{ id: string }>(
    post("/api/cases", { title: `XSS ${PAYLOADS[4]} ${tag}`, summary: ALL.slice(0, 1900) }),
    "case",
  );
  const c = `/api/cases/${kase.id}`;

  const combined = await created<{ id: string }>(
    post(`${c}/documents`, { title: `All payloads ${tag}`, text: ALL, publisher: PAYLOADS[0], author: PAYLOADS[11] }),
    "document",
  );
  const upload = (name: string, mimeType: string, body: string) =>
    created<{ id: string }>(
      api.post(`${c}/documents`, { headers: ORIGIN, multipart: { file: { name, mimeType, buffer: Buffer.from(body) }, title: "" } }),
      "document",
    );
  const html = await upload("<img src=x onerror=alert(1)>.html", "text/html", PAGE_HTML);
  const markdown = await upload("payloads.md", "text/markdown", `# ${PAYLOADS[33]}\n\n${ALL}`);
  // The page holds the same bytes as the HTML upload: a second capture of it is a confirmed duplicate.
  const captured = await created<{ id: string }>(post(`${c}/documents`, { url: `${base}/article`, confirmDuplicate: true }), "document");
  const { question } = await (await post(`${c}/questions`, { question: `Who wrote ${PAYLOADS[0]}?` })).json();

  const claims: string[] = [];
  const hypotheses: string[] = [];
  const entities: string[] = [];
  await pool(PAYLOADS, 8, async (payload, i) => {
    const doc = await created<{ id: string }>(post(`${c}/documents`, { title: payload, text: `Sample ${i}: ${payload}` }), "document");
    const source = await created<{ id: string }>(
      post(`${c}/sources`, { name: payload, kind: "outlet", reliability: "C", rationale: payload }),
      "source",
    );
    await api.put(`${c}/documents/${doc.id}/source`, { data: { sourceId: source.id }, headers: ORIGIN });
    const entity = await created<{ id: string }>(
      post(`${c}/entities`, { kind: "threat_actor", name: payload, aliases: [payload.slice(0, 100)], description: payload }),
      "entity",
    );
    const claim = await created<{ id: string }>(
      post(`${c}/claims`, {
        statement: payload,
        claimant: payload,
        kind: "allegation",
        credibility: 2,
        sourceConfidence: payload,
        excerpts: [{ documentId: doc.id, exact: payload }],
        entityIds: [entity.id],
      }),
      "claim",
    );
    await created(post(`${c}/events`, { title: payload, description: payload, date: "2022-07-15", claimIds: [claim.id] }), "event");
    const hypothesis = await created<{ id: string }>(
      post(`${c}/hypotheses`, {
        questionId: question.id,
        title: payload,
        description: payload,
        rationale: payload,
        actorEntityId: entity.id,
      }),
      "hypothesis",
    );
    await created(post(`${c}/comments`, { targetType: "hypothesis", targetId: hypothesis.id, body: payload }), "comment");
    claims[i] = claim.id;
    hypotheses[i] = hypothesis.id;
    entities[i] = entity.id;
  });
  await pool(claims.slice(1), 8, async (claimId, i) => {
    await created(post(`${c}/claims/${claims[0]}/links`, { toClaimId: claimId, kind: "corroborates", note: PAYLOADS[i + 1] }), "link");
  });
  return { caseId: kase.id, documents: [combined.id, html.id, markdown.id, captured.id], claims, hypotheses, entities };
}

type Findings = { dialogs: string[]; violations: string[]; errors: string[] };

function watch(page: Page): Findings {
  const found: Findings = { dialogs: [], violations: [], errors: [] };
  page.on("dialog", async (d) => {
    found.dialogs.push(`${page.url()}: ${d.message()}`);
    await d.dismiss();
  });
  page.on("console", (m) => {
    if (m.type() === "error" && /content security policy/i.test(m.text())) found.violations.push(`${page.url()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => found.errors.push(`${page.url()}: ${e.message}`));
  return found;
}

test("the XSS corpus, pasted, uploaded and captured, executes nothing on any page that shows it", async ({ page }) => {
  test.setTimeout(240_000);
  const tag = randomUUID().slice(0, 8);
  await loginAs(page, "analyst");
  const ids = await ingest(page.context().request, tag);
  const found = watch(page);
  await page.addInitScript(() => {
    const w = window as unknown as { __xss?: number; __csp: string[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    );
  });

  const c = `/cases/${ids.caseId}`;
  const pages = [
    "/",
    c,
    `${c}/claims`,
    ...ids.claims.slice(0, 6).map((id) => `${c}/claims/${id}`),
    ...ids.documents.map((id) => `${c}/documents/${id}`),
    `${c}/sources`,
    `${c}/entities`,
    ...ids.entities.slice(0, 3).map((id) => `${c}/entities/${id}`),
    `${c}/timeline`,
    `${c}/attribution`,
    ...ids.hypotheses.slice(0, 3).map((id) => `${c}/attribution/${id}`),
    `${c}/ach`,
    `${c}/activity`,
    `${c}/brief`,
    `${c}/edit`,
  ];
  // Search arrived separately; when its page exists, it renders highlighted snippets and must be checked too.
  const searchUrl = `/search?q=${encodeURIComponent("window")}&caseId=${ids.caseId}`;
  if ((await page.context().request.get(searchUrl, { maxRedirects: 0 })).status() === 200)
    pages.push(searchUrl, `/search?q=${encodeURIComponent("alert")}`, `/search?q=${encodeURIComponent("onerror")}&kind=claim`);

  for (const url of pages) {
    const res = await page.goto(url);
    expect(res?.status(), url).toBe(200);
    expect(res?.headers()["content-security-policy"], url).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    // Give hydration, autofocus and load/error handlers their chance to fire.
    await page.waitForLoadState("load");
    await page.waitForTimeout(300);
    const state = await page.evaluate(() => {
      const w = window as unknown as { __xss?: number; __csp: string[] };
      return {
        xss: w.__xss,
        csp: w.__csp,
        live: document.querySelectorAll(
          "[onerror],[onload],[onmouseover],[onfocus],[ontoggle],[onbegin],[onclick],iframe,object,embed,a[href^='javascript:' i],a[href^='data:' i]",
        ).length,
      };
    });
    expect(state.xss, `window.__xss on ${url}`).toBeUndefined();
    expect(state.live, `live handlers, frames or script URLs on ${url}`).toBe(0);
    found.violations.push(...state.csp.map((v) => `${url}: ${v}`));
  }

  // The payloads were really shown, as text.
  await page.goto(`${c}/claims`);
  await expect(page.getByText(PAYLOADS[0], { exact: true }).filter({ visible: true }).first()).toBeVisible();
  await page.goto(`${c}/documents/${ids.documents[0]}`);
  await expect(page.getByText("<svg onload=", { exact: false }).filter({ visible: true }).first()).toBeVisible();

  expect(found.dialogs).toEqual([]);
  expect(found.violations).toEqual([]);
  expect(found.errors).toEqual([]);
  console.log(
    `XSS: ${PAYLOADS.length} payloads × (paste, upload .html/.md, URL capture, titles, claims, entities, sources, events, hypotheses, comments, links) checked on ${pages.length} pages.`,
  );
});
