// Issue #13, indicators in the outputs: the brief's "Observed behaviour and indicators" (defanged, footnoted,
// flagged ones apart), the STIX 2.1 export (SCOs, vulnerability, indicator patterns, relationships) and the
// case archive's round trip. On a real PostgreSQL.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createPastedDocument } from "@/lib/documents/create-document";
import { createSource } from "@/lib/sources/create-source";
import { assignDocumentSource } from "@/lib/sources/assign-document-source";
import { createClaim } from "@/lib/claims/create-claim";
import { createEntity } from "@/lib/entities/create-entity";
import { createIndicator } from "@/lib/indicators/create-indicator";
import { updateIndicator } from "@/lib/indicators/update-indicator";
import { composeBrief } from "@/lib/briefs/compose-brief";
import { renderMarkdown } from "@/lib/briefs/render-markdown";
import { renderDocx } from "@/lib/briefs/render-docx";
import { renderPdf } from "@/lib/briefs/render-pdf";
import { BriefModelSchema } from "@/lib/briefs/brief-settings-schema";
import type { CaseAccess } from "@/lib/cases/require-case-access";
import { renderStix, type StixBundle, type StixObject } from "@/lib/stix/render-stix";
import { patternString, scoId, stixPattern, stixUrl } from "@/lib/stix/indicator-objects";
import { stixId } from "@/lib/stix/ids";
import { validateStixBundle } from "../support/stix-validate";
import { exportCaseArchive } from "@/lib/stix/export-case-archive";
import { importStixBundle } from "@/lib/stix/import-stix";
import { InvalidError } from "@/lib/errors";
import { makeCase, makeUser } from "../support/factories";

export const REPORT =
  "The wiper called hxxps://evil-c2[.]net/gate.php and 185.220.101[.]4, and mailed ops[@]evil-c2.net from 2001:DB8::1. " +
  "Sample SHA-256 E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855, MD5 44d88612fea8a8f36de82e1278abb02f, " +
  "SHA-1 da39a3ee5e6b4b0d3255bfef95601890afd80709. The loader exploited CVE-2021-26855. " +
  "It also contacted www.evil-c2.net and checked windowsupdate.microsoft.com. A retired relay: 45.9.148.108. " +
  "Its dropper: hxxp://evil-c2[.]net/it's\\x.php";

export async function indicatorCase() {
  const ana = await makeUser({ name: "Ana" });
  const c = await makeCase({ owner: ana, title: "Wiper intrusion" });
  const access: CaseAccess = { caseId: c.id, role: "owner" };
  const { document } = await createPastedDocument({ ctx: ana, access, input: { title: "Vendor report", text: REPORT } });
  const source = await createSource({
    ctx: ana,
    access,
    input: { name: "Vendor", kind: "vendor", reliability: "B", rationale: "A vendor with its own telemetry." },
  });
  await assignDocumentSource({ ctx: ana, access, documentId: document.id, input: { sourceId: source.id } });
  const claim = await createClaim({
    ctx: ana,
    access,
    input: {
      statement: "The wiper called a C2 server.",
      claimant: "Vendor",
      kind: "fact",
      credibility: 2,
      excerpts: [{ documentId: document.id, exact: "The wiper called hxxps://evil-c2[.]net/gate.php" }],
    },
  });
  const group = await createEntity({ ctx: ana, access, input: { kind: "intrusion_set", name: "HomeLand Justice", aliases: [] } });
  const wiper = await createEntity({ ctx: ana, access, input: { kind: "malware", name: "ZeroCleare", aliases: [] } });
  const record = async (type: string, exact: string, extra: Record<string, unknown> = {}) => {
    const start = REPORT.indexOf(exact);
    const { indicator } = await createIndicator({
      ctx: ana,
      access,
      input: {
        type: type as "ipv4",
        value: exact,
        excerpts: [{ documentId: document.id, start, end: start + exact.length, exact }],
        ...extra,
      },
    });
    return indicator;
  };
  const url = await record("url", "hxxps://evil-c2[.]net/gate.php", { claimIds: [claim.id], entityIds: [wiper.id], note: "C2 gate" });
  const ip = await record("ipv4", "185.220.101[.]4", { entityIds: [group.id] });
  const email = await record("email", "ops[@]evil-c2.net");
  const ipv6 = await record("ipv6", "2001:DB8::1");
  const sha256 = await record("sha256", "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855", { entityIds: [wiper.id] });
  const md5 = await record("md5", "44d88612fea8a8f36de82e1278abb02f");
  const sha1 = await record("sha1", "da39a3ee5e6b4b0d3255bfef95601890afd80709");
  const cve = await record("cve", "CVE-2021-26855", { entityIds: [group.id] });
  const domain = await record("domain", "www.evil-c2.net");
  const benign = await record("domain", "windowsupdate.microsoft.com");
  const retired = await record("ipv4", "45.9.148.108");
  const quoted = await record("url", "hxxp://evil-c2[.]net/it's\\x.php");
  await updateIndicator({
    ctx: ana,
    access,
    indicatorId: url.id,
    input: { version: url.version, firstSeen: "2022-07-15", lastSeen: "2022-09-09" },
  });
  await updateIndicator({ ctx: ana, access, indicatorId: retired.id, input: { version: retired.version, status: "retired" } });
  return {
    ana,
    c,
    access,
    document,
    claim,
    group,
    wiper,
    ind: { url, ip, email, ipv6, sha256, md5, sha1, cve, domain, benign, retired, quoted },
  };
}

describe("the brief's observed indicators", () => {
  it("prints active indicators by type, defanged, each with its footnoted hashed quote; flagged ones apart; retired ones not at all", async () => {
    const { access, document, ind, wiper, group } = await indicatorCase();
    const m = await composeBrief({ access, template: "full" });
    expect(() => BriefModelSchema.parse(m)).not.toThrow();
    expect(m.indicators.map((i) => [i.type, i.defanged])).toEqual([
      ["ipv4", "185.220.101[.]4"],
      ["ipv6", "2001[:]db8[:][:]1"],
      ["domain", "windowsupdate.microsoft[.]com"],
      ["domain", "www.evil-c2[.]net"],
      ["url", "hxxp://evil-c2[.]net/it's\\x.php"],
      ["url", "hxxps://evil-c2[.]net/gate.php"],
      ["email", "ops[@]evil-c2[.]net"],
      ["md5", "44d88612fea8a8f36de82e1278abb02f"],
      ["sha1", "da39a3ee5e6b4b0d3255bfef95601890afd80709"],
      ["sha256", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"],
      ["cve", "CVE-2021-26855"],
    ]);
    expect(m.indicators.map((i) => i.id)).not.toContain(ind.retired.id);
    const url = m.indicators.find((i) => i.id === ind.url.id)!;
    expect(url).toMatchObject({ firstSeen: "2022-07-15", lastSeen: "2022-09-09", note: "C2 gate", entityIds: [wiper.id] });
    expect(m.entities.map((e) => e.id).sort()).toEqual([wiper.id, group.id].sort());
    // Every indicator quote is a footnote like a claim's: the exact text at its offsets, the document's SHA-256.
    const doc = await db.document.findUniqueOrThrow({ where: { id: document.id } });
    for (const i of m.indicators) {
      expect(i.footnotes).toHaveLength(1);
      const f = m.footnotes.find((x) => x.n === i.footnotes[0])!;
      expect(f).toMatchObject({ indicatorId: i.id, claimId: null, documentId: doc.id, sha256: doc.sha256, reliability: "B" });
      expect(doc.text.slice(f.start, f.end)).toBe(f.quote);
    }
    const ipv6Note = m.footnotes.find((x) => x.n === m.indicators.find((i) => i.type === "ipv6")!.footnotes[0])!;
    expect(ipv6Note).toMatchObject({ quote: "2001:DB8::1", printedQuote: "2001[:]db8[:][:]1" });
    expect(m.sources.map((s) => s.documentId)).toEqual([doc.id]);

    const md = renderMarkdown(m);
    const section = md.slice(md.indexOf("## Observed behaviour and indicators"), md.indexOf("## Timeline"));
    expect(section).toContain("### Indicators");
    expect(section).toContain(`- \`hxxps://evil-c2[.]net/gate.php\` (seen 2022-07-15 to 2022-09-09) — C2 gate[^${url.footnotes[0]}]`);
    expect(section).toMatch(/\*\*IPv4\*\*\n\n- `185\.220\.101\[\.\]4`\[\^\d+\]/);
    // The benign domain is apart, marked with its warning, never among the indicators to act on.
    const [main, flagged] = section.split("**On a warning list**");
    expect(main).not.toContain("windowsupdate");
    expect(flagged).toContain("- **Domain** `windowsupdate.microsoft[.]com` *On a warning list: microsoft.com is a well-known domain.*");
    // No live link anywhere: no refanged address, domain, URL or e-mail is printed, in the text or the footnotes.
    for (const live of ["https://evil-c2.net", "185.220.101.4", "ops@evil-c2.net", "evil-c2.net", "2001:db8::1", "45.9.148"])
      expect(md.toLowerCase(), live).not.toContain(live);
    expect(md).toMatch(/\[\^\d+\]: “`2001\[:\]db8\[:\]\[:\]1`” \(defanged\) — Vendor report, Vendor \(reliability B\); characters \d+–\d+/);

    const docx = await renderDocx(m);
    const pdf = await renderPdf(m);
    expect(docx.length).toBeGreaterThan(0);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");

    // The summary template drops the section.
    const summary = await composeBrief({ access, template: "summary" });
    expect(summary.indicators).toEqual([]);
    expect(renderMarkdown(summary)).not.toContain("Indicators");
  }, 120_000);

  it("leaves out indicators whose only quote is in a document excluded from the brief, and says so", async () => {
    const { access, document, ana } = await indicatorCase();
    await db.briefSettings.create({ data: { caseId: access.caseId, excludeDocumentIds: [document.id], updatedById: ana.actor.id } });
    const m = await composeBrief({ access });
    expect(m.indicators).toEqual([]);
    expect(m.notes.join("\n")).toMatch(/^11 active indicators are left out: no quote in a document of this brief reports them \(/m);
    expect(renderMarkdown(m)).toContain("No active indicator with a quote in the cited documents.");
  }, 90_000);
});

// The STIX patterning grammar for what we write: one comparison of an observable's value or hash with a string
// literal, in which only \\ and \' are escapes (STIX 2.1 patterning §9.4).
const PATTERN =
  /^\[(ipv4-addr|ipv6-addr|domain-name|url|email-addr):value = '((?:[^'\\]|\\['\\])*)'\]$|^\[file:hashes\.(MD5|'SHA-1'|'SHA-256') = '([0-9a-f]+)'\]$/;
const unescape = (s: string) => s.replace(/\\(['\\])/g, "$1");

describe("indicators in the STIX 2.1 export", () => {
  it("escapes quotes and backslashes in a pattern's string literal, and names hash algorithms as the patterning grammar wants", () => {
    expect(patternString("it's a \\ path")).toBe("'it\\'s a \\\\ path'");
    expect(stixPattern({ type: "ipv4", value: "203.0.113.7" })).toBe("[ipv4-addr:value = '203.0.113.7']");
    expect(stixPattern({ type: "sha256", value: "ab".repeat(32) })).toBe(`[file:hashes.'SHA-256' = '${"ab".repeat(32)}']`);
    expect(stixPattern({ type: "md5", value: "a".repeat(32) })).toBe(`[file:hashes.MD5 = '${"a".repeat(32)}']`);
    expect(stixPattern({ type: "cve", value: "CVE-2021-26855" })).toBeNull();
    expect(stixUrl("http://evil.net/a\\b%zz/é?q='1'%41")).toBe("http://evil.net/a%5Cb%25zz/%C3%A9?q='1'%41");
    // STIX 2.1 §2.9's own example: the SCO id is a UUIDv5 of the canonical ID-contributing properties.
    expect(scoId("ipv4-addr", { value: "198.51.100.3" })).toMatch(/^ipv4-addr--[0-9a-f-]{8}-[0-9a-f]{4}-5/);
  });

  it("exports observables, vulnerabilities, indicators with valid patterns and their relationships, all schema-valid", async () => {
    const { access, ind, wiper, group, claim } = await indicatorCase();
    const bundle: StixBundle = renderStix(await composeBrief({ access }));
    expect(validateStixBundle(bundle)).toEqual([]);
    const byId = new Map(bundle.objects.map((o) => [o.id, o]));
    const of = (type: string) => bundle.objects.filter((o) => o.type === type);
    const indicators = of("indicator");
    // Every active indicator but the CVE id (which no pattern detects) has an indicator; the retired one has none.
    expect(indicators.map((o) => o.id).sort()).toEqual(
      Object.values(ind)
        .filter((i) => i.type !== "cve" && i.id !== ind.retired.id)
        .map((i) => stixId("indicator", i.id))
        .sort(),
    );
    const basedOn = of("relationship").filter((r) => r.relationship_type === "based-on");
    for (const o of indicators) {
      const m = PATTERN.exec(String(o.pattern));
      expect(m, String(o.pattern)).not.toBeNull();
      expect(o).toMatchObject({ pattern_type: "stix", pattern_version: "2.1", object_marking_refs: [of("marking-definition")[0].id] });
      // The pattern matches the observable the indicator is based on.
      const rel = basedOn.find((r) => r.source_ref === o.id)!;
      const sco = byId.get(String(rel.target_ref))!;
      if (m![1]) expect([sco.type, sco.value]).toEqual([m![1], unescape(m![2])]);
      else expect((sco.hashes as Record<string, string>)[m![3].replace(/'/g, "")]).toBe(m![4]);
    }
    const patternOf = (id: string) => byId.get(stixId("indicator", id))!.pattern;
    // A URL as written may hold what a URI cannot (a backslash): the SCO and its pattern percent-encode it.
    expect(patternOf(ind.quoted.id)).toBe("[url:value = 'http://evil-c2.net/it\\'s%5Cx.php']");
    expect(patternOf(ind.sha256.id)).toBe("[file:hashes.'SHA-256' = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855']");
    expect(patternOf(ind.sha1.id)).toBe("[file:hashes.'SHA-1' = 'da39a3ee5e6b4b0d3255bfef95601890afd80709']");
    expect(patternOf(ind.ipv6.id)).toBe("[ipv6-addr:value = '2001:db8::1']");
    expect(patternOf(ind.email.id)).toBe("[email-addr:value = 'ops@evil-c2.net']");
    expect(
      of("file")
        .map((f) => Object.keys(f.hashes as object)[0])
        .sort(),
    ).toEqual(["MD5", "SHA-1", "SHA-256"]);
    expect(
      of("domain-name")
        .map((d) => d.value)
        .sort(),
    ).toEqual(["windowsupdate.microsoft.com", "www.evil-c2.net"]);
    // The SCO's id is the spec's deterministic one; the indicator says when it was first seen and what it is.
    const url = byId.get(stixId("indicator", ind.url.id))!;
    expect(url).toMatchObject({ valid_from: "2022-07-15T00:00:00.000Z", indicator_types: ["malicious-activity"], name: ind.url.value });
    expect(String(url.description)).toMatch(
      /^C2 gate Seen 2022-07-15 to 2022-09-09\.\n\nReported in: “hxxps:\/\/evil-c2\[\.\]net\/gate\.php” — Vendor report/,
    );
    expect((url.external_references as { hashes: Record<string, string> }[])[0].hashes["SHA-256"]).toMatch(/^[0-9a-f]{64}$/);
    expect(byId.has(scoId("url", { value: ind.url.value }))).toBe(true);
    // A flagged indicator is exported as what it is: benign, labelled with its warning list.
    expect(byId.get(stixId("indicator", ind.benign.id))).toMatchObject({ indicator_types: ["benign"], labels: ["warning-list:benign"] });
    expect(byId.get(stixId("indicator", ind.ipv6.id))).toMatchObject({
      indicator_types: ["unknown"],
      labels: ["warning-list:documentation"],
    });
    // The CVE id is a vulnerability with its cve reference, targeted by the intrusion set it was linked to.
    const vuln = byId.get(stixId("vulnerability", ind.cve.id))!;
    expect(vuln).toMatchObject({ name: "CVE-2021-26855" });
    expect((vuln.external_references as object[])[0]).toEqual({
      source_name: "cve",
      external_id: "CVE-2021-26855",
      url: "https://www.cve.org/CVERecord?id=CVE-2021-26855",
    });
    const rels = (type: string) => of("relationship").filter((r) => r.relationship_type === type);
    const groupSdo = stixId("intrusion-set", group.id);
    const wiperSdo = stixId("malware", wiper.id);
    expect(rels("targets").filter((r) => r.target_ref === vuln.id)).toMatchObject([{ source_ref: groupSdo }]);
    expect(
      rels("indicates")
        .map((r) => `${(byId.get(String(r.source_ref)) as StixObject).name} -> ${(byId.get(String(r.target_ref)) as StixObject).name}`)
        .sort(),
    ).toEqual([
      "185.220.101.4 -> HomeLand Justice",
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855 -> ZeroCleare",
      "https://evil-c2.net/gate.php -> ZeroCleare",
    ]);
    expect(byId.get(wiperSdo)).toMatchObject({ type: "malware", name: "ZeroCleare" });
    // The claim that reports the C2 URL refers to its indicator; the report lists everything.
    expect(byId.get(stixId("note", "claim", claim.id))!.object_refs).toContain(url.id);
    const report = of("report")[0];
    for (const o of bundle.objects.filter((x) => !["marking-definition", "report", "identity"].includes(x.type)))
      expect(report.object_refs, o.id).toContain(o.id);
    // Re-exporting names the same objects.
    const again = renderStix(await composeBrief({ access }));
    expect(again.objects.map((o) => o.id).sort()).toEqual(bundle.objects.map((o) => o.id).sort());
  }, 90_000);
});

/** A case's indicators keyed by content, to compare an original with its import. */
async function indicatorSnapshot(caseId: string) {
  const rows = await db.indicator.findMany({
    where: { caseId },
    orderBy: [{ type: "asc" }, { value: "asc" }],
    select: {
      type: true,
      value: true,
      status: true,
      note: true,
      flags: true,
      firstSeen: true,
      lastSeen: true,
      excerpts: { select: { exact: true, start: true, end: true, prefix: true, suffix: true, document: { select: { sha256: true } } } },
      claims: { select: { claim: { select: { statement: true } } } },
      entities: { select: { entity: { select: { name: true, kind: true } } } },
    },
  });
  return rows.map((r) => ({
    ...r,
    claims: r.claims.map((c) => c.claim.statement).sort(),
    entities: r.entities.map((e) => `${e.entity.kind}:${e.entity.name}`).sort(),
  }));
}

describe("indicators from a third-party STIX bundle", () => {
  it("imports observables, simple patterns and CVE vulnerabilities as indicators quoted from the kept bundle, with their indicates links", async () => {
    const { access, ind } = await indicatorCase();
    // A brief's STIX has no Casefile data: it is read like any vendor's bundle.
    const raw = JSON.stringify(renderStix(await composeBrief({ access })));
    const created = await importStixBundle({ ctx: await makeUser(), raw });
    const imported = await db.indicator.findMany({
      where: { caseId: created.id },
      orderBy: [{ type: "asc" }, { value: "asc" }],
      include: { excerpts: true, entities: { include: { entity: { select: { name: true } } } } },
    });
    // The URL with a backslash comes back as its STIX form, percent-encoded as a URI.
    const active = [
      ...Object.values(ind).filter((i) => i.id !== ind.retired.id && i.id !== ind.quoted.id),
      { type: "url", value: "http://evil-c2.net/it's%5Cx.php" },
    ];
    expect(imported.map((i) => `${i.type}:${i.value}`).sort()).toEqual(active.map((i) => `${i.type}:${i.value}`).sort());
    const doc = await db.document.findFirstOrThrow({ where: { caseId: created.id } });
    expect(doc.text).toBe(raw);
    for (const i of imported) {
      expect(i.excerpts, i.value).toHaveLength(1);
      expect(doc.text.slice(i.excerpts[0].start, i.excerpts[0].end)).toBe(i.excerpts[0].exact);
    }
    const named = (value: string) => imported.find((i) => i.value === value)!.entities.map((e) => e.entity.name);
    expect(named(ind.url.value)).toEqual(["ZeroCleare"]);
    expect(named(ind.ip.value)).toEqual(["HomeLand Justice"]);
    expect(named(ind.cve.value)).toEqual(["HomeLand Justice"]);
    expect(imported.find((i) => i.value === ind.benign.value)!.flags).toEqual(["benign"]);
  }, 90_000);
});

describe("indicators in the case archive", () => {
  it("round-trips every indicator (retired ones too): value, status, note, seen dates, flags, quotes at their offsets, claim and entity links", async () => {
    const { access } = await indicatorCase();
    const archive = await exportCaseArchive({ access });
    expect(validateStixBundle(archive)).toEqual([]);
    const indicators = archive.objects.filter((o) => o.type === "indicator");
    expect(indicators).toHaveLength(10);
    for (const o of indicators) expect(String(o.pattern)).toMatch(PATTERN);
    expect(archive.objects.filter((o) => o.type === "vulnerability").map((o) => o.name)).toEqual(["CVE-2021-26855"]);

    const importer = await makeUser({ name: "Importer" });
    const created = await importStixBundle({ ctx: importer, raw: JSON.stringify(archive) });
    const original = await indicatorSnapshot(access.caseId);
    const imported = await indicatorSnapshot(created.id);
    expect(imported).toHaveLength(12);
    expect(imported).toEqual(original);
    expect(imported.find((i) => i.value === "45.9.148.108")?.status).toBe("retired");
    expect(imported.find((i) => i.value === "https://evil-c2.net/gate.php")).toMatchObject({
      note: "C2 gate",
      firstSeen: new Date("2022-07-15T00:00:00.000Z"),
      lastSeen: new Date("2022-09-09T00:00:00.000Z"),
      claims: ["The wiper called a C2 server."],
      entities: ["malware:ZeroCleare"],
    });
    expect(await db.auditEvent.count({ where: { caseId: created.id, action: "indicator.create" } })).toBe(12);
    // The imported case exports the same indicators again.
    const again = await exportCaseArchive({ access: { caseId: created.id, role: "owner" } });
    expect(
      again.objects
        .filter((o) => o.type === "indicator")
        .map((o) => o.pattern)
        .sort(),
    ).toEqual(indicators.map((o) => o.pattern).sort());
  }, 90_000);

  it("refuses an archive whose indicator is malformed, quoted off its offsets, or linked to a victim, storing nothing", async () => {
    const { access } = await indicatorCase();
    const archive = await exportCaseArchive({ access });
    type Cf = {
      indicators: { value: string; excerpts: { start: number; end: number }[]; entityKeys: string[] }[];
      entities: { key: string; kind: string }[];
    };
    const tampered = (change: (cf: Cf) => void) => {
      const copy = JSON.parse(JSON.stringify(archive)) as StixBundle;
      change((copy.objects.find((o) => o.type === "report") as StixObject & { x_casefile_case: Cf }).x_casefile_case);
      return JSON.stringify(copy);
    };
    const cases: [string, string, RegExp][] = [
      ["malformed", tampered((cf) => (cf.indicators[0].value = "evil")), /indicators\.0\.value: /],
      [
        "not canonical",
        tampered(
          (cf) =>
            (cf.indicators.find((i) => i.value.startsWith("e3b0"))!.value =
              "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855"),
        ),
        /value: is not in its canonical form/,
      ],
      [
        "quote moved",
        tampered((cf) => {
          cf.indicators[0].excerpts[0].start += 1;
          cf.indicators[0].excerpts[0].end += 1;
        }),
        /indicators\.0\.excerpts\.0\.exact: /,
      ],
      [
        "points to a victim",
        tampered((cf) => {
          cf.entities.push({ ...cf.entities[0], key: "victim", kind: "organization", name: "Victim" } as Cf["entities"][number]);
          cf.indicators[0].entityKeys = ["victim"];
        }),
        /entityKeys\.0: an indicator points to an intrusion set/,
      ],
    ];
    const before = await db.indicator.count();
    const cases0 = await db.case.count();
    for (const [label, raw, message] of cases) {
      const err = await importStixBundle({ ctx: await makeUser(), raw }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err, label).toBeInstanceOf(InvalidError);
      expect((err as InvalidError).message, label).toMatch(message);
    }
    expect(await db.indicator.count()).toBe(before);
    expect(await db.case.count()).toBe(cases0);
  }, 90_000);
});
