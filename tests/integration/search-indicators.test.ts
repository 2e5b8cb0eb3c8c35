// Indicators in /api/search and Ctrl-K: a hash, an address or a defanged URL typed as written finds the
// recorded indicator, shown defanged, in the cases the searcher belongs to and nowhere else.
import { beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { createIndicator } from "@/lib/indicators/create-indicator";
import { search } from "@/lib/search/search";
import { quickJump } from "@/lib/search/quick-jump";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { GET as searchRoute } from "@/app/api/search/route";
import type { Ctx } from "@/lib/auth/actor";
import { makeCase, makeUser } from "../support/factories";

const SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

describe("search finds indicators", () => {
  let ana: Ctx;
  let outsider: Ctx;
  let caseA: string;
  let caseB: string;
  beforeAll(async () => {
    ana = await makeUser({ name: "Ana" });
    outsider = await makeUser({ name: "Olek" });
    caseA = (await makeCase({ owner: ana, title: "Case A" })).id;
    caseB = (await makeCase({ owner: ana, title: "Case B" })).id;
    const secret = (await makeCase({ owner: outsider, title: "Outsider's case" })).id;
    const record = (ctx: Ctx, caseId: string, type: "url" | "ipv4" | "sha256", value: string) =>
      createIndicator({ ctx, access: { caseId, role: "owner" }, input: { type, value, note: "Seen in the vendor report." } });
    await record(ana, caseA, "url", "https://evil.net/payload.bin");
    await record(ana, caseA, "sha256", SHA256.toUpperCase());
    await record(ana, caseB, "sha256", SHA256);
    await record(ana, caseA, "ipv4", "45.153.160.140");
    await record(outsider, secret, "ipv4", "45.153.160.140");
  });

  it("finds a defanged URL, a hash in any case of letters and an IP, shown defanged and linked to the indicator page", async () => {
    const url = await search({ actor: ana.actor, query: { q: "hxxps://evil[.]net/payload.bin" } });
    expect(url.counts.indicator).toBe(1);
    expect(url.results[0]).toMatchObject({
      kind: "indicator",
      caseId: caseA,
      title: "hxxps://evil[.]net/payload.bin",
      url: expect.stringMatching(new RegExp(`^/cases/${caseA}/indicators/`)),
    });
    expect(url.results[0].snippet).toBe("URL indicator — Seen in the vendor report.");

    const hash = await search({ actor: ana.actor, query: { q: SHA256.toUpperCase(), kind: "indicator" } });
    expect(hash.results.map((r) => r.caseTitle).sort()).toEqual(["Case A", "Case B"]);
    const inB = await search({ actor: ana.actor, query: { q: SHA256, caseId: caseB } });
    expect(inB.results.map((r) => `${r.kind}:${r.caseTitle}`)).toEqual(["indicator:Case B"]);

    const ip = await search({ actor: ana.actor, query: { q: "45.153.160[.]140" } });
    expect(ip.results.map((r) => `${r.kind}:${r.title}:${r.caseTitle}`)).toEqual(["indicator:45.153.160[.]140:Case A"]);
  });

  it("never finds an indicator in a case the searcher is not a member of, in search or in Ctrl-K", async () => {
    const theirs = await search({ actor: outsider.actor, query: { q: "45.153.160.140" } });
    expect(theirs.results.map((r) => r.caseTitle)).toEqual(["Outsider's case"]);
    expect(await search({ actor: outsider.actor, query: { q: SHA256 } })).toMatchObject({ total: 0, results: [] });
    expect(await quickJump({ actor: outsider.actor, query: { q: SHA256 } })).toEqual([]);
  });

  it("Ctrl-K jumps to the indicator first, labelled defanged", async () => {
    const items = await quickJump({ actor: ana.actor, query: { q: "hxxps://evil[.]net/payload.bin" } });
    expect(items[0]).toMatchObject({
      kind: "indicator",
      caseId: caseA,
      label: "hxxps://evil[.]net/payload.bin",
      detail: "URL indicator · Case A",
      url: expect.stringMatching(new RegExp(`^/cases/${caseA}/indicators/`)),
    });
    const ip = await quickJump({ actor: ana.actor, query: { q: "45.153.160[.]140" } });
    expect(ip.map((i) => `${i.kind}:${i.label}`)).toEqual(["indicator:45.153.160[.]140"]);
  });

  it("answers through the route, with the indicator count", async () => {
    const { token } = await createApiToken({ ctx: ana, name: "t" });
    const res = await searchRoute(
      new NextRequest(`http://localhost/api/search?q=${encodeURIComponent("hxxps://evil[.]net/payload.bin")}`, {
        headers: { authorization: `Bearer ${token}` },
      }),
      { params: Promise.resolve({}) },
    );
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.counts).toMatchObject({ indicator: 1 });
    expect(body.results[0]).toMatchObject({ kind: "indicator", title: "hxxps://evil[.]net/payload.bin" });
  });
});
