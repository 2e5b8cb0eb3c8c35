// MISP interoperability on a real PostgreSQL: a case exported as a MISP event (types, categories, to_ids,
// TLP and galaxy tags, annotation objects keeping each quote's provenance), MISP's own published test
// events (PyMISP tests/mispevent_testfiles, tests/fixtures/misp) imported through POST /api/cases/import
// with every indicator quoted at valid offsets, an export → import round trip, and hostile events
// refused with a 422 that stores nothing.
import { readFileSync } from "node:fs";
import path from "node:path";
import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { db } from "@/lib/db";
import type { Ctx } from "@/lib/auth/actor";
import type { CaseAccess } from "@/lib/cases/require-case-access";
import { createPastedDocument } from "@/lib/documents/create-document";
import { createSource } from "@/lib/sources/create-source";
import { assignDocumentSource } from "@/lib/sources/assign-document-source";
import { createClaim } from "@/lib/claims/create-claim";
import { createEntity } from "@/lib/entities/create-entity";
import { linkEntityAttack } from "@/lib/attack/link-entity-attack";
import { setClaimTechniques } from "@/lib/attack/set-claim-techniques";
import { createIndicator } from "@/lib/indicators/create-indicator";
import { updateIndicator } from "@/lib/indicators/update-indicator";
import { updateCase } from "@/lib/cases/update-case";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { exportMispEvent, type MispAttribute, type MispEvent } from "@/lib/misp/export-misp-event";
import { POST as importRoute } from "@/app/api/cases/import/route";
import { GET as exportRoute } from "@/app/api/cases/[caseId]/export/route";
import { makeCase, makeUser } from "../support/factories";

const FIXTURES = path.resolve(__dirname, "../fixtures/misp");
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), "utf8");
const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

const TEXT =
  "Vendor report. The wiper called hxxps://evil-c2[.]net/gate.php from 185.220.101.4 and 10.0.0.7; its hash is " +
  "44d88612fea8a8f36de82e1278abb02f. Mail came from ops@evil-c2.net exploiting CVE-2021-44228. " +
  "The operators encrypted the disks and wiped the boot records.";

let ana: Ctx;
let token: string;
let access: CaseAccess;
let documentSha: string;

const post = (body: string, headers: Record<string, string> = {}) =>
  importRoute(
    new NextRequest("http://localhost/api/cases/import", {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...headers },
      body,
    }),
    { params: Promise.resolve({}) },
  );

const counts = async () => ({
  cases: await db.case.count(),
  documents: await db.document.count(),
  indicators: await db.indicator.count(),
  entities: await db.entity.count(),
  claims: await db.claim.count(),
  audit: await db.auditEvent.count(),
});

/** Every indicator of a case quotes its value from a document of that case, at offsets that hold exactly that quote. */
async function expectQuotedAtValidOffsets(caseId: string) {
  const indicators = await db.indicator.findMany({ where: { caseId }, include: { excerpts: { include: { document: true } } } });
  for (const i of indicators) {
    expect(i.excerpts.length).toBeGreaterThan(0);
    for (const e of i.excerpts) {
      expect(e.document.caseId).toBe(caseId);
      expect(e.document.text.slice(e.start, e.end)).toBe(e.exact);
    }
  }
  return indicators;
}

beforeAll(async () => {
  ana = await makeUser({ name: "Ana" });
  token = (await createApiToken({ ctx: ana, name: "misp" })).token;
  const c = await makeCase({ owner: ana, title: "Albania 2022 wiper" });
  access = { caseId: c.id, role: "owner" };
  const { document } = await createPastedDocument({ ctx: ana, access, input: { title: "Vendor report", text: TEXT } });
  documentSha = document.sha256;
  const source = await createSource({
    ctx: ana,
    access,
    input: { name: "Vendor", kind: "vendor", reliability: "B", rationale: "Known track record" },
  });
  await assignDocumentSource({ ctx: ana, access, documentId: document.id, input: { sourceId: source.id } });
  const quote = "The operators encrypted the disks and wiped the boot records.";
  const claim = await createClaim({
    ctx: ana,
    access,
    input: {
      statement: "The operators destroyed data.",
      kind: "fact",
      credibility: 2,
      excerpts: [{ documentId: document.id, exact: quote }],
    },
  });
  await setClaimTechniques({ ctx: ana, access, claimId: claim.id, input: { techniqueIds: ["T1486", "T1561.002"] } });
  const actor = await createEntity({ ctx: ana, access, input: { kind: "intrusion_set", name: "Fancy Bear", aliases: ["Sofacy"] } });
  await linkEntityAttack({ ctx: ana, access, entityId: actor.id, input: { attackId: "G0007" } });
  const record = async (type: "url" | "ipv4" | "md5" | "email" | "cve", exact: string) =>
    (await createIndicator({ ctx: ana, access, input: { type, value: exact, excerpts: [{ documentId: document.id, exact }] } })).indicator;
  await record("url", "hxxps://evil-c2[.]net/gate.php");
  await record("ipv4", "185.220.101.4");
  await record("ipv4", "10.0.0.7"); // private: flagged, never to_ids
  const md5 = await record("md5", "44d88612fea8a8f36de82e1278abb02f");
  await updateIndicator({ ctx: ana, access, indicatorId: md5.id, input: { version: md5.version, status: "retired" } });
  await record("email", "ops@evil-c2.net");
  await record("cve", "CVE-2021-44228");
  const current = await db.case.findUniqueOrThrow({ where: { id: c.id } });
  await updateCase({ ctx: ana, access, input: { version: current.version, tlp: "AMBER_STRICT", status: "closed" } });
}, 120_000);

describe("MISP export", () => {
  it("gives attributes MISP's types and categories, to_ids only for active unflagged indicators, and the TLP 2.0 tag", async () => {
    const { Event: e } = await exportMispEvent({ access });
    expect(e).toMatchObject({ uuid: access.caseId, info: "Albania 2022 wiper", analysis: "2", threat_level_id: "4", distribution: "0" });
    expect(e.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(e.Tag.map((t) => t.name)).toContain("tlp:amber+strict");
    const byValue = Object.fromEntries(e.Attribute.map((a) => [a.value, a]));
    expect(byValue["https://evil-c2.net/gate.php"]).toMatchObject({ type: "url", category: "Network activity", to_ids: true });
    expect(byValue["185.220.101.4"]).toMatchObject({ type: "ip-dst", category: "Network activity", to_ids: true });
    expect(byValue["10.0.0.7"]).toMatchObject({ type: "ip-dst", to_ids: false });
    expect(byValue["10.0.0.7"].comment).toMatch(/private/);
    expect(byValue["44d88612fea8a8f36de82e1278abb02f"]).toMatchObject({ type: "md5", category: "Payload delivery", to_ids: false });
    expect(byValue["ops@evil-c2.net"]).toMatchObject({ type: "email-src", category: "Payload delivery", to_ids: true });
    expect(byValue["CVE-2021-44228"]).toMatchObject({ type: "vulnerability", category: "External analysis", to_ids: true });
  });

  it("tags ATT&CK techniques and the linked group as galaxy clusters, and keeps each quote's provenance in an annotation object", async () => {
    const { Event: e } = await exportMispEvent({ access });
    const tags = e.Tag.map((t) => t.name);
    expect(tags).toContain('misp-galaxy:mitre-attack-pattern="Data Encrypted for Impact - T1486"');
    expect(tags).toContain('misp-galaxy:mitre-attack-pattern="Disk Structure Wipe - T1561.002"');
    expect(tags).toContain('misp-galaxy:threat-actor="Fancy Bear"');
    expect(tags).toContain('misp-galaxy:mitre-intrusion-set="APT28 - G0007"');
    const actor = e.Galaxy.find((g) => g.type === "threat-actor")!.GalaxyCluster[0];
    expect(actor.meta.synonyms).toEqual(expect.arrayContaining(["Sofacy", "APT28"]));
    expect(e.Galaxy.find((g) => g.type === "mitre-attack-pattern")!.GalaxyCluster.map((c) => c.meta.external_id![0])).toEqual([
      "T1486",
      "T1561.002",
    ]);

    expect(e.Object).toHaveLength(1);
    const o = e.Object[0];
    expect(o.name).toBe("annotation");
    const rel: Record<string, MispAttribute> = Object.fromEntries(o.Attribute.map((a) => [a.object_relation ?? "", a]));
    expect(rel.text.value).toBe("The operators destroyed data.");
    expect(rel.quote.value).toBe("The operators encrypted the disks and wiped the boot records.");
    expect(TEXT.slice(Number(rel["quote-start"].value), Number(rel["quote-end"].value))).toBe(rel.quote.value);
    expect(rel["document-title"].value).toBe("Vendor report");
    expect(rel["document-sha256"]).toMatchObject({ type: "sha256", value: documentSha, to_ids: false, disable_correlation: true });
    expect(rel["admiralty-grade"].value).toBe("B2");
    expect(rel["admiralty-grade"].Tag!.map((t) => t.name)).toEqual([
      'admiralty-scale:source-reliability="b"',
      'admiralty-scale:information-credibility="2"',
    ]);
    expect(o.Attribute.every((a) => a.to_ids === false)).toBe(true);
  });

  it("marks the event as strictly as the strictest document it quotes", async () => {
    const c = await makeCase({ owner: ana, title: "Green case, red source" });
    const green: CaseAccess = { caseId: c.id, role: "owner" };
    const current = await db.case.findUniqueOrThrow({ where: { id: c.id } });
    await updateCase({ ctx: ana, access: green, input: { version: current.version, tlp: "GREEN" } });
    const { document } = await createPastedDocument({
      ctx: ana,
      access: green,
      input: { title: "Partner note", text: "C2 at 185.220.101.9." },
    });
    const red = await createSource({
      ctx: ana,
      access: green,
      input: { name: "Partner", kind: "agency", reliability: "A", rationale: "Liaison", tlp: "RED" },
    });
    await assignDocumentSource({ ctx: ana, access: green, documentId: document.id, input: { sourceId: red.id } });
    expect((await exportMispEvent({ access: green })).Event.Tag[0].name).toBe("tlp:green");
    await createIndicator({
      ctx: ana,
      access: green,
      input: { type: "ipv4", value: "185.220.101.9", excerpts: [{ documentId: document.id, exact: "185.220.101.9" }] },
    });
    const { Event: e } = await exportMispEvent({ access: green });
    expect(e.Tag[0].name).toBe("tlp:red");
    expect(e.distribution).toBe("0");
  });

  it("answers GET …/export?format=misp as a JSON download, keeps the other formats, and names misp in the 400", async () => {
    const get = (format: string) =>
      exportRoute(
        new NextRequest(`http://localhost/api/cases/${access.caseId}/export?format=${format}`, {
          headers: { authorization: `Bearer ${token}` },
        }),
        { params: Promise.resolve({ caseId: access.caseId }) },
      );
    const res = await get("misp");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(res.headers.get("content-disposition")).toMatch(/Albania-2022-wiper\.misp\.json/);
    const body = (await res.json()) as MispEvent;
    expect(body.Event.Attribute).toHaveLength(6);
    const md = await get("md");
    expect(md.status).toBe(200);
    expect(md.headers.get("content-type")).toMatch(/markdown/);
    const bad = await get("xml");
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.message).toMatch(/misp/);
  });
});

describe("MISP import", () => {
  it("imports PyMISP's published Sednit event: indicators quoted at valid offsets, TLP, galaxies as entities with aliases, skipped types counted", async () => {
    const raw = fixture("existing_event.json");
    const res = await post(raw);
    expect(res.status).toBe(201);
    const body = await res.json();
    const today = new Date().toISOString().slice(0, 10);
    expect(body.case.title).toBe(`OSINT - Sednit update: How Fancy Bear Spent the Year (imported ${today})`);
    expect(body.case.tlp).toBe("CLEAR"); // tlp:white
    expect(body.misp.skipped.types).toEqual([
      { type: "link", count: 1 },
      { type: "text", count: 38 },
      { type: "filename", count: 15 },
    ]);
    expect(body.misp.skipped.count).toBe(54);
    const caseId = body.case.id;
    const indicators = await expectQuotedAtValidOffsets(caseId);
    expect(indicators).toHaveLength(body.misp.indicators);
    const types = new Set(indicators.map((i) => i.type));
    expect([...types].sort()).toEqual(["domain", "ipv4", "sha1"]);
    expect(indicators.find((i) => i.value === "movieultimate.com")!.note).toBe("Xagent Samples");
    // The synthetic document: the event's text, its original the event exactly as received.
    const [doc] = await db.document.findMany({ where: { caseId } });
    expect(doc.text.startsWith("MISP event: OSINT - Sednit update: How Fancy Bear Spent the Year\n")).toBe(true);
    expect(doc.sha256).toBe(sha256(raw));
    expect(doc.textSha256).toBe(sha256(doc.text));
    const blob = await db.blob.findUniqueOrThrow({ where: { sha256: doc.sha256 } });
    expect(Buffer.from(blob.bytes).toString("utf8")).toBe(raw);
    const sofacy = await db.entity.findFirstOrThrow({ where: { caseId, name: "Sofacy" } });
    expect(sofacy.kind).toBe("threat_actor");
    expect(sofacy.aliases).toEqual(expect.arrayContaining(["APT28", "Fancy Bear", "STRONTIUM"]));
    expect(await db.entity.findFirst({ where: { caseId, name: "X-Agent", kind: "malware" } })).not.toBeNull();
    const audit = await db.auditEvent.findMany({ where: { caseId }, select: { action: true } });
    expect(audit.filter((a) => a.action === "indicator.create")).toHaveLength(indicators.length);
    expect(audit.some((a) => a.action === "case.import")).toBe(true);
  });

  it("reads the event wrapped as {Event: …} the same, and PyMISP's bare tag-only and filename-only events", async () => {
    const wrapped = await post(JSON.stringify({ Event: JSON.parse(fixture("existing_event.json")) }));
    expect(wrapped.status).toBe(201);
    expect((await wrapped.json()).misp.indicators).toBeGreaterThan(50);
    const rest = await post(JSON.stringify({ response: [{ Event: JSON.parse(fixture("event_tags.json")) }] }));
    expect(rest.status).toBe(201);
    const tags = await post(fixture("event_tags.json"));
    expect(tags.status).toBe(201);
    const tagsBody = await tags.json();
    expect(tagsBody.case.tlp).toBe("AMBER");
    expect(tagsBody.misp).toMatchObject({ indicators: 0, skipped: { count: 0 } });
    const doc = await db.document.findFirstOrThrow({ where: { caseId: tagsBody.case.id } });
    expect(doc.text).toContain("Tag: foo\n");
    const attribute = await post(fixture("attribute.json"));
    expect(attribute.status).toBe(201);
    expect((await attribute.json()).misp).toMatchObject({ indicators: 0, skipped: { count: 1, types: [{ type: "filename", count: 1 }] } });
  });

  it("keeps the indicators, the TLP, the claims with their quotes and the techniques through export → import", async () => {
    const exported = await exportMispEvent({ access });
    const res = await post(JSON.stringify(exported));
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.case.tlp).toBe("AMBER_STRICT");
    expect(body.misp.techniques).toEqual(["T1486", "T1561.002"]);
    const original = await db.indicator.findMany({ where: { caseId: access.caseId }, select: { type: true, value: true } });
    const imported = await expectQuotedAtValidOffsets(body.case.id);
    const key = (i: { type: string; value: string }) => `${i.type} ${i.value}`;
    expect(imported.map(key).sort()).toEqual(original.map(key).sort());
    expect(imported.find((i) => i.value === "10.0.0.7")!.flags).toEqual(["private"]);
    const techniques = await db.claimTechnique.findMany({
      where: { caseId: body.case.id },
      include: { claim: { include: { excerpts: true } } },
    });
    expect(techniques.map((t) => t.techniqueId).sort()).toEqual(["T1486", "T1561.002"]);
    // The claim comes back from its annotation object: statement, kind, credibility, techniques, its quote quoted.
    const [claim] = await db.claim.findMany({ where: { caseId: body.case.id }, include: { excerpts: { include: { document: true } } } });
    expect(claim).toMatchObject({ statement: "The operators destroyed data.", kind: "fact", credibility: 2, status: "draft" });
    const [x] = claim.excerpts;
    expect(x.exact).toBe("The operators encrypted the disks and wiped the boot records.");
    expect(x.document.text.slice(x.start, x.end)).toBe(x.exact);
    expect(techniques.every((t) => t.claimId === claim.id)).toBe(true);
    const fancy = await db.entity.findFirstOrThrow({ where: { caseId: body.case.id, name: "Fancy Bear" } });
    expect(fancy.aliases).toEqual(expect.arrayContaining(["Sofacy", "APT28"]));
    const apt28 = await db.entity.findFirstOrThrow({ where: { caseId: body.case.id, name: "APT28" } });
    expect(apt28).toMatchObject({ kind: "intrusion_set", attackId: "G0007" });
  });

  it("refuses hostile events with a clear 422 and stores nothing", async () => {
    const before = await counts();
    const refused = async (body: string, message: RegExp) => {
      const res = await post(body);
      expect(res.status).toBe(422);
      const json = await res.json();
      expect(json.error.code).toBe("invalid");
      expect(json.error.message).toMatch(message);
    };
    // PyMISP's own objects-only test event has no info.
    await refused(fixture("event_obj_attr_tag.json"), /not a MISP event/);
    await refused(JSON.stringify({ Event: "nope" }), /"Event" must be an object/);
    await refused(JSON.stringify({ response: [{ Event: { info: "a" } }, { Event: { info: "b" } }] }), /one event at a time/);
    await refused(JSON.stringify({ response: [{ info: "a" }] }), /"Event" must be an object/);
    await refused(JSON.stringify({ Attribute: [{ type: "domain", value: "evil.net" }] }), /no "Event"/);
    await refused(JSON.stringify({ Event: { info: "x", Attribute: { type: "domain" } } }), /Event\.Attribute/);
    await refused(
      JSON.stringify({ Event: { info: "x", Attribute: [{ type: "domain", value: ["evil.net"] }] } }),
      /Event\.Attribute\.0\.value/,
    );
    await refused(JSON.stringify({ Event: { info: "   ", Attribute: [] } }), /Event\.info/);
    await refused(JSON.stringify({ Event: { info: "nul \u0000 byte" } }), /Event\.info: Text may not contain NUL/);
    await refused('{"Event": {"info": "x", "Attribute": [{"type": "domain", "value": "\\ud800"}]}}', /lone surrogate/);
    // 10 MB: a valid shape, far more than an event the import keeps whole.
    const huge = JSON.stringify({
      Event: { info: "huge", Attribute: Array.from({ length: 9000 }, (_, i) => ({ type: "text", value: `${i} ${"x".repeat(1150)}` })) },
    });
    expect(huge.length).toBeGreaterThan(10 * 1024 * 1024);
    await refused(huge, /MB/);
    const tooMany = JSON.stringify({
      Event: { info: "many", Attribute: Array.from({ length: 10_001 }, () => ({ type: "text", value: "a" })) },
    });
    await refused(tooMany, /at most 10,000 attributes/);
    expect(await counts()).toEqual(before);
  });

  it("counts unknown types and invalid values without failing", async () => {
    const res = await post(
      JSON.stringify({
        Event: {
          info: "Mixed bag",
          Tag: [
            { name: "tlp:red" },
            { name: 'misp-galaxy:mitre-attack-pattern="Made Up - T9999"' },
            { name: 'misp-galaxy:mitre-attack-pattern="Data Encrypted for Impact - T1486"' },
          ],
          Attribute: [
            { type: "domain", value: "evil[.]net", category: "Network activity" },
            { type: "ip-src", value: "2001:db8::1" },
            { type: "ip-dst", value: "999.1.1.1" },
            { type: "x-unknown-type", value: "whatever" },
            { type: "regkey", value: "HKLM\\Software\\Evil" },
            { type: "__proto__", value: "constructor" },
          ],
        },
      }),
    );
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.case.tlp).toBe("RED");
    expect(body.misp).toMatchObject({
      indicators: 2,
      techniques: ["T1486"],
      skipped: {
        count: 3,
        types: [
          { type: "x-unknown-type", count: 1 },
          { type: "regkey", count: 1 },
          { type: "__proto__", count: 1 },
        ],
      },
      invalid: { count: 1, examples: [{ type: "ip-dst", value: "999.1.1.1" }] },
    });
    const indicators = await expectQuotedAtValidOffsets(body.case.id);
    expect(indicators.map((i) => `${i.type} ${i.value} ${i.excerpts[0].exact}`).sort()).toEqual([
      "domain evil.net evil[.]net",
      "ipv6 2001:db8::1 2001:db8::1",
    ]);
    const tagged = await db.claimTechnique.findFirstOrThrow({
      where: { caseId: body.case.id },
      include: { claim: { include: { excerpts: true } } },
    });
    expect(tagged.techniqueId).toBe("T1486");
    expect(tagged.claim).toMatchObject({ kind: "assessment", credibility: 6, claimant: "MISP event" });
    expect(tagged.claim.excerpts[0].exact).toBe('misp-galaxy:mitre-attack-pattern="Data Encrypted for Impact - T1486"');
  });
});
