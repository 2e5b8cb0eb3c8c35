// Indicators through the route handlers (Bearer token), on a real PostgreSQL: suggestions from a
// document, recording with a checked quote, the stale-version 409, and the permission-filtered pivot.
import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { db } from "@/lib/db";
import { createPastedDocument } from "@/lib/documents/create-document";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { POST as extractRoute } from "@/app/api/cases/[caseId]/documents/[documentId]/indicators/extract/route";
import { GET as listRoute, POST as createRoute } from "@/app/api/cases/[caseId]/indicators/route";
import { GET as getRoute, PATCH as patchRoute } from "@/app/api/cases/[caseId]/indicators/[indicatorId]/route";
import { makeCase, makeUser } from "../support/factories";

const TEXT =
  "Rapport — Shqipëri 😀🇦🇱: the wiper called hxxps://evil-c2[.]net/gate.php and 185.220.101[.]4; hash 44D88612FEA8A8F36DE82E1278ABB02F. " +
  "Updates came from windowsupdate.microsoft.com and 10.0.0.7.";

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
const call = async (handler: Handler, token: string, method: string, url: string, params: Record<string, string>, body?: unknown) => {
  const res = await handler(
    new NextRequest(`http://localhost${url}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { "content-type": "application/json" } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
    { params: Promise.resolve(params) },
  );
  return { status: res.status, json: await res.json() };
};

async function setup() {
  const ana = await makeUser({ name: "Ana" });
  const c = await makeCase({ owner: ana, title: "Albania 2022" });
  const { document } = await createPastedDocument({
    ctx: ana,
    access: { caseId: c.id, role: "owner" },
    input: { title: "Vendor report", text: TEXT },
  });
  const token = (await createApiToken({ ctx: ana, name: "t" })).token;
  return { ana, c, document, token };
}

describe("indicators through the routes", () => {
  it("suggests indicators with UTF-16 offsets of the text as written, flagged apart, paged", async () => {
    const { c, document, token } = await setup();
    const params = { caseId: c.id, documentId: document.id };
    const url = `/api/cases/${c.id}/documents/${document.id}/indicators/extract`;
    const { status, json } = await call(extractRoute as Handler, token, "POST", url, params);
    expect(status).toBe(200);
    for (const s of json.suggestions) expect(TEXT.slice(s.start, s.end)).toBe(s.exact);
    const url1 = json.suggestions.find((s: { type: string }) => s.type === "url");
    expect(url1).toMatchObject({ value: "https://evil-c2.net/gate.php", exact: "hxxps://evil-c2[.]net/gate.php", flags: [] });
    expect(json.suggestions.find((s: { value: string }) => s.value === "windowsupdate.microsoft.com").flags).toEqual(["benign"]);
    expect(json.suggestions.find((s: { value: string }) => s.value === "10.0.0.7").flags).toEqual(["private"]);
    const paged = await call(extractRoute as Handler, token, "POST", `${url}?limit=2&page=2`, params);
    expect(paged.json).toMatchObject({ total: json.total, page: 2, limit: 2 });
    expect(paged.json.suggestions).toHaveLength(2);
  });

  it("records an indicator with its quote, refuses a quote not at its offsets (422) and a malformed value (422), storing nothing", async () => {
    const { c, document, token } = await setup();
    const url = `/api/cases/${c.id}/indicators`;
    const exact = "185.220.101[.]4";
    const start = TEXT.indexOf(exact);
    const wrong = await call(
      createRoute as Handler,
      token,
      "POST",
      url,
      { caseId: c.id },
      {
        type: "ipv4",
        value: exact,
        excerpts: [{ documentId: document.id, start: start + 1, end: start + 1 + exact.length, exact }],
      },
    );
    expect(wrong.status).toBe(422);
    const malformed = await call(createRoute as Handler, token, "POST", url, { caseId: c.id }, { type: "ipv4", value: "999.1.1.1" });
    expect(malformed.status).toBe(422);
    expect(malformed.json.error.message).toMatch(/not an IPv4 address/);
    expect(await db.indicator.count({ where: { caseId: c.id } })).toBe(0);

    const ok = await call(
      createRoute as Handler,
      token,
      "POST",
      url,
      { caseId: c.id },
      {
        type: "ipv4",
        value: exact,
        excerpts: [{ documentId: document.id, start, end: start + exact.length, exact }],
      },
    );
    expect(ok.status).toBe(201);
    expect(ok.json.indicator).toMatchObject({ value: "185.220.101.4", defanged: "185.220.101[.]4", excerpts: [{ exact }] });
    expect(await db.auditEvent.count({ where: { caseId: c.id, action: "indicator.create" } })).toBe(1);
  });

  it("edits with the version read; a stale version is a 409 carrying the current values", async () => {
    const { c, token } = await setup();
    const created = await call(
      createRoute as Handler,
      token,
      "POST",
      `/api/cases/${c.id}/indicators`,
      { caseId: c.id },
      { type: "domain", value: "evil-c2[.]net" },
    );
    const id = created.json.indicator.id;
    const params = { caseId: c.id, indicatorId: id };
    const url = `/api/cases/${c.id}/indicators/${id}`;
    const first = await call(patchRoute as Handler, token, "PATCH", url, params, {
      version: 1,
      note: "C2",
      firstSeen: "2022-07-15",
      status: "retired",
    });
    expect(first.status).toBe(200);
    expect(first.json.indicator).toMatchObject({ note: "C2", firstSeen: "2022-07-15", status: "retired", version: 2 });
    const stale = await call(patchRoute as Handler, token, "PATCH", url, params, { version: 1, note: "Mine" });
    expect(stale.status).toBe(409);
    expect(stale.json.error.current).toMatchObject({ note: "C2", version: 2 });
    expect((await call(getRoute as Handler, token, "GET", url, params)).json.indicator.note).toBe("C2");
  });

  it("counts the same indicator in other cases only where the reader is a member", async () => {
    const { ana, c, token } = await setup();
    const bob = await makeUser({ name: "Bob" });
    const mine = await makeCase({ owner: ana, title: "Second case" });
    const hidden = await makeCase({ owner: bob, title: "Bob's case" });
    for (const caseId of [c.id, mine.id, hidden.id])
      await db.indicator.create({
        data: { caseId, type: "domain", value: "evil-c2.net", createdById: caseId === hidden.id ? bob.actor.id : ana.actor.id },
      });
    const list = await call(listRoute as Handler, token, "GET", `/api/cases/${c.id}/indicators?q=evil-c2[.]net`, { caseId: c.id });
    expect(list.status).toBe(200);
    expect(list.json.indicators).toHaveLength(1);
    expect(list.json.indicators[0].otherCases).toBe(1);
    const detail = await call(getRoute as Handler, token, "GET", `/api/cases/${c.id}/indicators/${list.json.indicators[0].id}`, {
      caseId: c.id,
      indicatorId: list.json.indicators[0].id,
    });
    expect(detail.json.indicator.otherCases).toEqual([{ id: mine.id, title: "Second case" }]);
  });
});
