import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createPastedDocument } from "@/lib/documents/create-document";
import { createSource } from "@/lib/sources/create-source";
import { assignDocumentSource } from "@/lib/sources/assign-document-source";
import { createClaim } from "@/lib/claims/create-claim";
import { search } from "@/lib/search/search";
import { quickJump } from "@/lib/search/quick-jump";
import { InvalidError } from "@/lib/errors";
import type { Ctx } from "@/lib/auth/actor";
import type { SearchQuery } from "@/lib/search/schemas";
import { seedDemo } from "../../scripts/lib/demo-seed";
import { makeCase, makeUser } from "../support/factories";

async function paste(ctx: Ctx, caseId: string, title: string, text: string, publishedAt?: string) {
  return (await createPastedDocument({ ctx, access: { caseId, role: "owner" }, input: { title, text, publishedAt } })).document;
}
const find = (ctx: Ctx, query: SearchQuery) => search({ actor: ctx.actor, query });
/** Every tag in a snippet; only <mark> and </mark> are allowed. */
const tags = (html: string) => html.match(/<[^>]*>/g) ?? [];

describe("search: ranking and query syntax", () => {
  let ana: Ctx;
  let caseId: string;
  beforeAll(async () => {
    ana = await makeUser({ name: "Ana" });
    caseId = (await makeCase({ owner: ana, title: "Wiper incidents" })).id;
    await paste(ana, caseId, "Field notes", "Routine notes from the week. One line mentions zephyrine in passing, among other things.");
    await paste(
      ana,
      caseId,
      "Zephyrine wiper analysis",
      "A technical write-up of the destructive tool and how it spread through the network.",
    );
    await paste(ana, caseId, "Second wave", "Officials said the same aggressors struck the border system in September, using a wiper.");
    await paste(
      ana,
      caseId,
      "Denial",
      "Tehran rejected the accusation; the aggressors, it said, were not the same people at all. A ransomware wiper was blamed.",
    );
    await paste(ana, caseId, "Quokka sighting", "The quokka report names no wiper at all.");
  });

  it("ranks a title hit above a body hit", async () => {
    const r = await find(ana, { q: "zephyrine" });
    expect(r.results.map((x) => x.title)).toEqual(["Zephyrine wiper analysis", "Field notes"]);
    expect(r.results[0].rank).toBeGreaterThan(r.results[1].rank);
    expect(r.results[1].snippet).toContain("<mark>zephyrine</mark>");
    // A document hit carries the query, so the reader opens at its words.
    expect(r.results[0].url).toBe(`/cases/${caseId}/documents/${r.results[0].id}?q=zephyrine`);
  });

  it("matches a quoted phrase only where the words are adjacent, and highlights it as one", async () => {
    const loose = await find(ana, { q: "same aggressors" });
    expect(loose.results.map((x) => x.title).sort()).toEqual(["Denial", "Second wave"]);
    const phrase = await find(ana, { q: '"same aggressors"' });
    expect(phrase.results.map((x) => x.title)).toEqual(["Second wave"]);
    expect(phrase.results[0].snippet).toContain("<mark>same aggressors</mark>");
  });

  it("supports OR and -exclusion", async () => {
    const either = await find(ana, { q: "zephyrine OR quokka" });
    expect(either.results.map((x) => x.title).sort()).toEqual(["Field notes", "Quokka sighting", "Zephyrine wiper analysis"]);
    const wipers = await find(ana, { q: "wiper" });
    expect(wipers.results.map((x) => x.title)).toContain("Denial");
    const notRansomware = await find(ana, { q: "wiper -ransomware" });
    expect(notRansomware.results.map((x) => x.title).sort()).toEqual(["Quokka sighting", "Second wave", "Zephyrine wiper analysis"]);
  });

  it("never fails on odd input: unbalanced quotes, SQL metacharacters, stop words only", async () => {
    expect((await find(ana, { q: '"same aggressors' })).results.map((x) => x.title)).toEqual(["Second wave"]);
    for (const q of ["'; DROP TABLE documents; --", "a) OR (1=1", "%_\\", "the of and", "-wiper", "<script>"]) {
      const r = await find(ana, { q });
      expect(r.total, q).toBe(r.results.length);
    }
    expect(await db.document.count({ where: { caseId } })).toBe(5);
  });

  it("refuses an empty query, a 10 kB query and unknown filter values with a clear message", async () => {
    await expect(find(ana, { q: "   " })).rejects.toThrow("Type something to search for.");
    await expect(find(ana, {} as SearchQuery)).rejects.toThrow("Type something to search for.");
    await expect(find(ana, { q: "x".repeat(10_000) })).rejects.toThrow(/under 500 characters/);
    await expect(find(ana, { q: "wiper", kind: "memo" as "claim" })).rejects.toThrow(/Kind must be/);
    await expect(find(ana, { q: "wiper", reliability: "Z" as "A" })).rejects.toThrow(/A to F/);
    await expect(find(ana, { q: "wiper", from: "2022-13-45" })).rejects.toThrow(/real calendar date/);
    await expect(find(ana, { q: "wiper", caseId: "not-a-uuid" })).rejects.toBeInstanceOf(InvalidError);
    await expect(find(ana, { q: "wiper", from: "2022-09-01", to: "2022-08-01" })).rejects.toThrow(/before the start/);
  });
});

describe("search: permissions", () => {
  it("never shows another case's hits, in results, counts or snippets", async () => {
    const owner = await makeUser({ name: "Owner" });
    const outsider = await makeUser({ name: "Outsider" });
    const secret = await makeCase({ owner, title: "Secret case" });
    const own = await makeCase({ owner: outsider, title: "Outsider case" });
    await paste(owner, secret.id, "Albatross dossier", "The albatross network paid the courier. Secret passphrase: heliotrope.");
    await createSource({
      ctx: owner,
      access: { caseId: secret.id, role: "owner" },
      input: { name: "Albatross Monitor", kind: "outlet", reliability: "B", rationale: "Albatross coverage" },
    });
    await paste(outsider, own.id, "Birds", "An albatross was seen at sea.");

    const mine = await find(outsider, { q: "albatross" });
    expect(mine.results.map((r) => r.caseId)).toEqual([own.id]);
    expect(mine.counts).toEqual({ document: 1, claim: 0, entity: 0, source: 0, indicator: 0 });
    expect(mine.total).toBe(1);
    expect(JSON.stringify(mine)).not.toMatch(/heliotrope|courier|Secret case|Albatross Monitor/);
    const targeted = await find(outsider, { q: "heliotrope", caseId: secret.id });
    expect(targeted).toMatchObject({ results: [], total: 0, counts: { document: 0, claim: 0, entity: 0, source: 0 } });
    expect((await quickJump({ actor: outsider.actor, query: { q: "Albatross" } })).map((i) => i.label)).toEqual([]);

    const theirs = await find(owner, { q: "albatross" });
    expect(theirs.counts).toEqual({ document: 1, claim: 0, entity: 0, source: 1, indicator: 0 });
  });
});

describe("search: long documents", () => {
  it("finds a match about 900 kB into a 1 MB document and highlights it", async () => {
    const ana = await makeUser();
    const c = await makeCase({ owner: ana });
    const paragraph = "Routine logistics traffic was observed across the relay hosts without anything unusual to report. ".repeat(8);
    const paragraphs: string[] = [];
    while (paragraphs.join("\n\n").length < 900_000) paragraphs.push(paragraph);
    const before = paragraphs.join("\n\n");
    const tail: string[] = [];
    while (tail.join("\n\n").length < 100_000) tail.push(paragraph);
    const text = `${before}\n\nThe operators finally staged the quasarite implant on the mail gateway.\n\n${tail.join("\n\n")}`;
    expect(text.length).toBeGreaterThan(1_000_000);
    const doc = await paste(ana, c.id, "Long relay log", text);

    const chunks = await db.documentChunk.findMany({
      where: { documentId: doc.id },
      orderBy: { seq: "asc" },
      select: { start: true, text: true },
    });
    expect(chunks.length).toBeGreaterThan(30);
    expect(chunks.every((ch) => ch.text.length <= 30_000)).toBe(true);
    // The chunks are the text, in order, without gaps or overlaps.
    expect(chunks.map((ch) => ch.text).join("")).toBe(doc.text);
    expect(chunks.every((ch) => doc.text.startsWith(ch.text, ch.start))).toBe(true);

    const r = await find(ana, { q: "quasarite" });
    expect(r.results).toHaveLength(1);
    expect(r.results[0]).toMatchObject({ kind: "document", id: doc.id, url: `/cases/${c.id}/documents/${doc.id}?q=quasarite` });
    expect(r.results[0].snippet).toContain("<mark>quasarite</mark> implant");
  });
});

describe("search: snippets are safe", () => {
  it("escapes markup near a match and emits only <mark> tags", async () => {
    const ana = await makeUser();
    const c = await makeCase({ owner: ana });
    await paste(
      ana,
      c.id,
      "Defaced page <b>bold</b>",
      'The defacement read <script>alert(1)</script> next to the marmoset logo & an "<img src=x onerror=alert(2)>" tag. \uE000forged\uE001 marks too.',
    );
    const r = await find(ana, { q: "marmoset defacement forged" });
    expect(r.results).toHaveLength(1);
    const { snippet, title } = r.results[0];
    // PostgreSQL's parser drops bare tags from headlines; whatever remains is escaped text.
    expect(snippet).not.toMatch(/<script|<img/);
    expect(snippet).toContain("alert(1)");
    expect(snippet).toContain("&lt;img src=x onerror=alert(2)&gt;");
    expect(snippet).toContain("&amp;");
    expect(snippet).toContain("<mark>marmoset</mark>");
    expect(new Set(tags(snippet))).toEqual(new Set(["<mark>", "</mark>"]));
    expect(snippet).not.toMatch(/\uE000|\uE001/);
    // The title is data, not HTML: the client renders it as text.
    expect(title).toBe("Defaced page <b>bold</b>");
  });
});

describe("search: filters and pagination", () => {
  let ana: Ctx;
  let caseA: string;
  let caseB: string;
  let sourceId: string;
  beforeAll(async () => {
    ana = await makeUser();
    caseA = (await makeCase({ owner: ana, title: "Case A" })).id;
    caseB = (await makeCase({ owner: ana, title: "Case B" })).id;
    const access = { caseId: caseA, role: "owner" as const };
    const src = await createSource({
      ctx: ana,
      access,
      input: { name: "Pangolin Wire", kind: "outlet", reliability: "B", rationale: "Usually right about pangolin trafficking." },
    });
    sourceId = src.id;
    const july = await paste(ana, caseA, "July pangolin seizure", "Customs seized pangolin scales at the port in July.", "2022-07-15");
    await paste(ana, caseA, "September pangolin report", "A second pangolin shipment surfaced in September.", "2022-09-20");
    await paste(ana, caseB, "Pangolin in case B", "Pangolin scales again, in the other case.", "2022-07-20");
    await assignDocumentSource({ ctx: ana, access, documentId: july.id, input: { sourceId } });
    await createClaim({
      ctx: ana,
      access,
      input: {
        statement: "Customs seized pangolin scales at the port",
        claimant: "Customs",
        kind: "fact",
        credibility: 2,
        excerpts: [{ documentId: july.id, exact: "Customs seized pangolin scales at the port" }],
      },
    });
  });

  it("filters by kind and case, and counts every kind", async () => {
    const all = await find(ana, { q: "pangolin" });
    expect(all.counts).toEqual({ document: 3, claim: 1, entity: 0, source: 1, indicator: 0 });
    expect(all.total).toBe(5);
    const claims = await find(ana, { q: "pangolin", kind: "claim" });
    expect(claims.results.map((r) => r.kind)).toEqual(["claim"]);
    expect(claims.total).toBe(1);
    expect(claims.counts.document).toBe(3);
    expect(claims.results[0]).toMatchObject({
      grade: "B2",
      reliability: "B",
      caseTitle: "Case A",
      url: expect.stringMatching(/^\/cases\/.+\/claims\//),
    });
    const inB = await find(ana, { q: "pangolin", caseId: caseB });
    expect(inB.results.map((r) => r.title)).toEqual(["Pangolin in case B"]);
  });

  it("filters by published date (whole days), source and reliability", async () => {
    const july = await find(ana, { q: "pangolin", kind: "document", from: "2022-07-01", to: "2022-07-15" });
    expect(july.results.map((r) => r.title)).toEqual(["July pangolin seizure"]);
    expect(july.results[0].publishedAt).toBe("2022-07-15T00:00:00.000Z");
    const bySource = await find(ana, { q: "pangolin", sourceId });
    expect(bySource.results.map((r) => `${r.kind}:${r.title}`).sort()).toEqual([
      "claim:Customs seized pangolin scales at the port",
      "document:July pangolin seizure",
      "source:Pangolin Wire",
    ]);
    const gradedB = await find(ana, { q: "pangolin", reliability: "B" });
    expect(gradedB.counts).toEqual({ document: 1, claim: 1, entity: 0, source: 1, indicator: 0 });
    // Documents without a source are ungraded, not F: a filter on F does not find them.
    const ungraded = await find(ana, { q: "pangolin", reliability: "F", kind: "document" });
    expect(ungraded.results).toEqual([]);
  });

  it("pages through results with stable totals", async () => {
    const c = await makeCase({ owner: ana, title: "Many" });
    for (let i = 0; i < 23; i++) await paste(ana, c.id, `Okapi note ${i}`, `Okapi sighting number ${i}.`);
    const pages = await Promise.all([1, 2, 3].map((page) => find(ana, { q: "okapi", caseId: c.id, pageSize: 10, page })));
    expect(pages.map((p) => p.results.length)).toEqual([10, 10, 3]);
    expect(pages.every((p) => p.total === 23 && p.counts.document === 23)).toBe(true);
    expect(new Set(pages.flatMap((p) => p.results.map((r) => r.id))).size).toBe(23);
    const past = await find(ana, { q: "okapi", caseId: c.id, pageSize: 10, page: 4 });
    expect(past).toMatchObject({ results: [], total: 23, page: 4 });
  });
});

describe("search: fuzzy names (demo workspace)", () => {
  let analyst: Ctx;
  beforeAll(async () => {
    await seedDemo({ log: () => {} });
    const u = await db.user.findUniqueOrThrow({ where: { email: "analyst@example.com" } });
    analyst = { actor: { id: u.id, email: u.email, name: u.name, isAdmin: u.isAdmin } };
  }, 120_000);

  it('"Homeland Justice" finds "HomeLand Justice", and "Ministry of Intelligence" finds MOIS through its aliases', async () => {
    const hlj = await find(analyst, { q: "Homeland Justice", kind: "entity" });
    expect(hlj.results[0]).toMatchObject({ kind: "entity", title: "HomeLand Justice" });
    const mois = await find(analyst, { q: "Ministry of Intelligence", kind: "entity" });
    expect(mois.results[0].title).toBe("Iran's Ministry of Intelligence and Security (MOIS)");
    // Trigram, not words: a typo still lands on the alias.
    const typo = await find(analyst, { q: "Ministry of Inteligence", kind: "entity" });
    expect(typo.results[0].title).toBe("Iran's Ministry of Intelligence and Security (MOIS)");
  });

  it("matches source names fuzzily and by prefix", async () => {
    const c = await db.case.findFirstOrThrow({ where: { title: "2022 Albania government cyberattacks" } });
    await createSource({
      ctx: analyst,
      access: { caseId: c.id, role: "owner" },
      input: { name: "HomeLand Justice Telegram", kind: "advocacy", reliability: "E", rationale: "The persona's own channel." },
    });
    const fuzzy = await find(analyst, { q: "homeland justice", kind: "source" });
    expect(fuzzy.results.map((r) => r.title)).toContain("HomeLand Justice Telegram");
    const prefix = await find(analyst, { q: "HomeLa", kind: "source" });
    expect(prefix.results.map((r) => r.title)).toContain("HomeLand Justice Telegram");
  });

  it("quick jump puts the exact alias first and stays inside the user's cases", async () => {
    const items = await quickJump({ actor: analyst.actor, query: { q: "MOIS" } });
    expect(items[0]).toMatchObject({ kind: "entity", label: "Iran's Ministry of Intelligence and Security (MOIS)" });
    expect(items[0].url).toMatch(/^\/cases\/[^/]+\/entities\/[^/]+$/);
    // Two slips in a name still land on it in the palette.
    const typos = await quickJump({ actor: analyst.actor, query: { q: "Homland Justise" } });
    expect(typos[0]).toMatchObject({ kind: "entity", label: "HomeLand Justice" });
    const cases = await quickJump({ actor: analyst.actor, query: { q: "albania gov" } });
    expect(cases[0]).toMatchObject({ kind: "case", label: "2022 Albania government cyberattacks" });
    const inv = await db.user.findUniqueOrThrow({ where: { email: "investigator@example.com" } });
    const theirs = await quickJump({ actor: { id: inv.id, email: inv.email, name: inv.name, isAdmin: false }, query: { q: "MOIS" } });
    expect(theirs).toEqual([]);
    const invSearch = await search({ actor: { id: inv.id, email: inv.email, name: inv.name, isAdmin: false }, query: { q: "aggressors" } });
    expect(invSearch.total).toBe(0);
  });
});

describe("quick jump: documents by a word of the title, claims by their start", () => {
  let ana: Ctx;
  let caseId: string;
  let otherCase: string;
  beforeAll(async () => {
    ana = await makeUser({ name: "Ana" });
    caseId = (await makeCase({ owner: ana, title: "Palette probes" })).id;
    const doc = await paste(
      ana,
      caseId,
      "Mandiant: ROADSWEEP ransomware notes",
      "Ransomware named ROADSWEEP encrypted the files of 100% of hosts.",
    );
    await createClaim({
      ctx: ana,
      access: { caseId, role: "owner" },
      input: {
        statement: "Roadsweep encrypted government files.",
        claimant: "Mandiant",
        kind: "assessment",
        credibility: 3,
        excerpts: [{ documentId: doc.id, exact: "ROADSWEEP encrypted" }],
      },
    });
    const bea = await makeUser({ name: "Bea" });
    otherCase = (await makeCase({ owner: bea, title: "Somebody else's" })).id;
    await paste(bea, otherCase, "ROADSWEEP sample hashes", "Hashes of ROADSWEEP.");
  });

  it("finds a document by a word inside its title and a claim by its first words, only in the user's cases", async () => {
    const items = await quickJump({ actor: ana.actor, query: { q: "roadsweep" } });
    expect(items.map((i) => [i.kind, i.label])).toEqual([
      ["claim", "Roadsweep encrypted government files."],
      ["document", "Mandiant: ROADSWEEP ransomware notes"],
    ]);
    expect(items.every((i) => i.caseId === caseId)).toBe(true);
    expect(items[1].url).toBe(`/cases/${caseId}/documents/${items[1].id}`);
    // Words from the middle of a claim are for full-text search, not the palette.
    expect((await quickJump({ actor: ana.actor, query: { q: "government files" } })).map((i) => i.kind)).toEqual([]);
  });

  it("takes LIKE wildcards and backslashes literally", async () => {
    expect(await quickJump({ actor: ana.actor, query: { q: "%" } })).toEqual([]);
    expect(await quickJump({ actor: ana.actor, query: { q: "_oadsweep" } })).toEqual([]);
    expect(await quickJump({ actor: ana.actor, query: { q: "\\" } })).toEqual([]);
  });
});
