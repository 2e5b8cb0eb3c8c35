import { readFileSync } from "node:fs";
import path from "node:path";
import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { db } from "@/lib/db";
import { seedDemo } from "../../scripts/lib/demo-seed";
import { renderStix, type StixBundle, type StixObject } from "@/lib/stix/render-stix";
import { exportCaseArchive } from "@/lib/stix/export-case-archive";
import { composeBrief } from "@/lib/briefs/compose-brief";
import { importStixBundle } from "@/lib/stix/import-stix";
import { stixId, uuidV5 } from "@/lib/stix/ids";
import { addComment } from "@/lib/review/comments";
import { createPastedDocument } from "@/lib/documents/create-document";
import { createSource } from "@/lib/sources/create-source";
import { assignDocumentSource } from "@/lib/sources/assign-document-source";
import { createClaim } from "@/lib/claims/create-claim";
import { createEntity } from "@/lib/entities/create-entity";
import { createQuestion } from "@/lib/attribution/questions";
import { createHypothesis } from "@/lib/attribution/hypotheses";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { InvalidError, TooLargeError } from "@/lib/errors";
import type { CaseAccess } from "@/lib/cases/require-case-access";
import { importedTitle, withoutImportMark } from "@/lib/cases/imported-title";
import { POST as importRoute } from "@/app/api/cases/import/route";
import { validateStixBundle } from "../support/stix-validate";
import { ctxOfUser, makeCase, makeUser } from "../support/factories";

const FIXTURES = path.resolve(__dirname, "../fixtures/stix");
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), "utf8");
const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

let albania: CaseAccess;
let bundle: StixBundle;
let archive: StixBundle;
const exportCaseStix = async ({ access }: { access: CaseAccess }) => renderStix(await composeBrief({ access }));

const byType = (b: StixBundle, type: string) => b.objects.filter((o) => o.type === type);
const counts = async () => ({
  cases: await db.case.count(),
  documents: await db.document.count(),
  blobs: await db.blob.count(),
  sources: await db.source.count(),
  claims: await db.claim.count(),
  entities: await db.entity.count(),
  hypotheses: await db.hypothesis.count(),
  questions: await db.attributionQuestion.count(),
  audit: await db.auditEvent.count(),
  members: await db.caseMember.count(),
});

/** What a case holds, keyed by content rather than ids, to compare an original with its import. */
async function snapshot(caseId: string) {
  const [c, sources, documents, entities, claims, links, hypotheses] = await Promise.all([
    db.case.findUniqueOrThrow({ where: { id: caseId } }),
    db.source.findMany({
      where: { caseId },
      orderBy: { name: "asc" },
      select: { name: true, kind: true, reliability: true, rationale: true },
    }),
    db.document.findMany({
      where: { caseId },
      orderBy: { sha256: "asc" },
      select: {
        title: true,
        sha256: true,
        textSha256: true,
        text: true,
        kind: true,
        mimeType: true,
        publisher: true,
        publishedAt: true,
        source: { select: { name: true } },
      },
    }),
    db.entity.findMany({
      where: { caseId },
      orderBy: { name: "asc" },
      select: { name: true, kind: true, aliases: true, description: true },
    }),
    db.claim.findMany({
      where: { caseId },
      orderBy: { statement: "asc" },
      select: {
        statement: true,
        claimant: true,
        kind: true,
        credibility: true,
        sourceConfidence: true,
        status: true,
        excerpts: { select: { exact: true, start: true, end: true, prefix: true, suffix: true, document: { select: { sha256: true } } } },
        entities: { select: { entity: { select: { name: true } } } },
      },
    }),
    db.claimLink.findMany({
      where: { caseId },
      select: { kind: true, note: true, from: { select: { statement: true } }, to: { select: { statement: true } } },
    }),
    db.hypothesis.findMany({
      where: { caseId },
      orderBy: { title: "asc" },
      select: {
        title: true,
        description: true,
        likelihood: true,
        confidence: true,
        rationale: true,
        disposition: true,
        rejectedReason: true,
        actor: { select: { name: true } },
        question: { select: { question: true } },
      },
    }),
  ]);
  return {
    case: { title: withoutImportMark(c.title), summary: c.summary, tlp: c.tlp, status: c.status },
    sources,
    documents,
    entities,
    claims,
    links: links.map((l) => `${l.from.statement} ${l.kind} ${l.to.statement} ${l.note ?? ""}`).sort(),
    hypotheses,
  };
}

beforeAll(async () => {
  await seedDemo({ log: () => {} });
  const c = await db.case.findFirstOrThrow({ where: { title: "2022 Albania government cyberattacks" } });
  albania = { caseId: c.id, role: "owner" };
  // A recorded dissent on the approved judgment, so the export must carry an opinion.
  const leading = await db.hypothesis.findFirstOrThrow({ where: { caseId: c.id, title: "Iran's MOIS-linked operators" } });
  await addComment({
    ctx: await ctxOfUser("reviewer@example.com", "stix-test"),
    access: { caseId: c.id, role: "reviewer" },
    input: {
      targetType: "hypothesis",
      targetId: leading.id,
      body: "The Microsoft attribution reaches us second-hand; I dissent from “likely” until we read it — £0 spent on the report.",
      isDissent: true,
    },
  });
  bundle = await exportCaseStix({ access: albania });
  archive = await exportCaseArchive({ access: albania });
}, 120_000);

describe("STIX 2.1 export", () => {
  it("validates every object against the OASIS schemas, with every ref resolving and modified >= created", () => {
    expect(validateStixBundle(bundle)).toEqual([]);
    expect(new Set(bundle.objects.map((o) => o.id)).size).toBe(bundle.objects.length);
  });

  it("uses stable UUIDv5 ids derived from our ids, so a re-export names the same objects", async () => {
    expect(uuidV5("x")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const again = await exportCaseStix({ access: albania });
    expect(again.objects.map((o) => o.id).sort()).toEqual(bundle.objects.map((o) => o.id).sort());
    expect(again.id).not.toBe(bundle.id);
    expect(byType(bundle, "report")[0].id).toBe(stixId("report", albania.caseId));
  });

  it("marks everything TLP:AMBER with the official marking definition", () => {
    const markings = byType(bundle, "marking-definition");
    expect(markings).toHaveLength(1);
    expect(markings[0]).toMatchObject({ id: "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421", name: "TLP:AMBER" });
    for (const o of bundle.objects.filter((x) => x.type !== "marking-definition"))
      expect(o.object_marking_refs, o.id).toEqual([markings[0].id]);
  });

  it("projects the approved attribution as campaign --attributed-to--> MOIS with the DNI likelihood 70 and keeps confidence separate", async () => {
    const report = byType(bundle, "report")[0];
    // A draft bundle says so in the report's name and in a note about the report.
    expect(report).toMatchObject({ name: "2022 Albania government cyberattacks (DRAFT — NOT RELEASED)", report_types: ["threat-actor"] });
    expect(byType(bundle, "note").find((n) => n.abstract === "DRAFT — NOT RELEASED")).toMatchObject({ object_refs: [report.id] });
    // The producer identity is this installation's own (migration 0009), not a constant shared by every copy.
    const installation = await db.installation.findFirstOrThrow();
    const identity = byType(bundle, "identity").find((o) => o.name === "Casefile workspace")!;
    expect(identity).toMatchObject({ identity_class: "organization", id: stixId("identity", "producer", installation.id) });
    const campaign = byType(bundle, "campaign")[0];
    expect(campaign.name).toBe("July and September 2022 attacks on Albania's government systems");
    expect(campaign.description).toBe("Who carried out the July and September 2022 attacks on Albania's government systems?");
    const mois = bundle.objects.find((o) => o.type === "threat-actor" && String(o.name).includes("MOIS"))!;
    expect(mois.aliases).toContain("VAJA");
    // HomeLand Justice is the actor of an alternative only: the brief names it in the alternatives note, not as an object.
    expect(byType(bundle, "intrusion-set")).toEqual([]);
    const rels = byType(bundle, "relationship");
    // Only the approved judgment is asserted; the victims are targets, never adversary infrastructure.
    const attributions = rels.filter((r) => r.relationship_type === "attributed-to");
    expect(attributions).toHaveLength(1);
    expect(attributions[0]).toMatchObject({
      relationship_type: "attributed-to",
      source_ref: campaign.id,
      target_ref: mois.id,
      confidence: 70,
      x_casefile_confidence_scale: "dni",
      x_casefile_analytic_confidence: "moderate",
    });
    expect(attributions[0].description).toBe(
      "We assess that it is likely (55–80 %) that operators working for Iran's Ministry of Intelligence and Security (MOIS) carried out the July and September 2022 attacks on Albania's government systems. We have moderate confidence in this judgment: two governments attribute the attacks to Iran and the US Treasury sanctioned MOIS for them, but the technical evidence (Microsoft's report) reaches us second-hand through an advocacy column, and Iran denies it.",
    );
    expect(byType(bundle, "infrastructure")).toEqual([]);
    const targets = rels.filter((r) => r.relationship_type === "targets").map((r) => bundle.objects.find((o) => o.id === r.target_ref)!);
    expect(targets.map((t) => [t.type, t.name, t.identity_class]).sort()).toEqual([
      ["identity", "Government of Albania", "organization"],
      ["identity", "Total Information Management System (TIMS)", "system"],
    ]);
    expect(campaign).not.toHaveProperty("objective");
    const judgmentNote = byType(bundle, "note").find(
      (n) => (n.object_refs as string[]).includes(attributions[0].id) && String(n.abstract).startsWith("Key judgment"),
    )!;
    expect(judgmentNote.content).toContain("we have not seen the forensic report itself");
    expect(judgmentNote).toMatchObject({ authors: ["Ana Analyst"], x_casefile_analytic_confidence: "moderate" });
    // Dissent is a note signed by its analyst, not an opinion.
    expect(byType(bundle, "opinion")).toEqual([]);
    const dissent = byType(bundle, "note").find((n) => String(n.abstract).startsWith("Dissent by"))!;
    expect(dissent).toMatchObject({ authors: ["Rui Reviewer"], object_refs: [attributions[0].id] });
    expect(dissent.content).toContain("I dissent from “likely” until we read it — £0 spent");
  });

  it("cites every source document by SHA-256, and each claim note carries its quote, grade and credibility projection", async () => {
    const upiDoc = await db.document.findFirstOrThrow({ where: { caseId: albania.caseId, source: { name: "UPI opinion column" } } });
    const report = byType(bundle, "report")[0];
    const refs = report.external_references as { source_name: string; description: string; hashes: Record<string, string> }[];
    expect(refs).toHaveLength(3);
    expect(refs.find((r) => r.source_name === "UPI opinion column")).toMatchObject({
      description: upiDoc.title,
      hashes: { "SHA-256": upiDoc.sha256 },
    });
    const denial = byType(bundle, "note").find((n) => String(n.content).startsWith("Iran denies responsibility"))!;
    expect(denial.content).toContain(
      "“The Iranian Embassy in Brussels said it “rejected the baseless accusations” that it is responsible for the cyberattacks on Albania.”",
    );
    expect(denial).toMatchObject({
      abstract: "B3 · denial · Iranian Embassy in Brussels",
      confidence: 50,
      x_casefile_confidence_scale: "admiralty-credibility",
    });
    expect((denial.external_references as { hashes: Record<string, string> }[])[0].hashes["SHA-256"]).toMatch(/^[0-9a-f]{64}$/);
    const mandiant = byType(bundle, "note").find((n) => String(n.abstract).endsWith("· Mandiant"))!;
    expect(mandiant.content).toContain("“moderate confidence” (quoted; not our assessment)");
    // Curly quotes and dashes survive the JSON round trip byte for byte.
    const reparsed = JSON.parse(JSON.stringify(bundle)) as StixBundle;
    expect(JSON.stringify(reparsed)).toBe(JSON.stringify(bundle));
  });
});

describe("STIX 2.1 import", () => {
  it("rebuilds the exported demo case: same hypotheses, claims, sources, entities, links and document hashes", async () => {
    const importer = await makeUser({ name: "Importing Analyst" });
    const created = await importStixBundle({ ctx: importer, raw: JSON.stringify(archive) });
    expect(created.id).not.toBe(albania.caseId);
    const [original, imported] = await Promise.all([snapshot(albania.caseId), snapshot(created.id)]);
    expect(imported).toEqual(original);
    // Same content, but never the same name in a list: the copy says it was imported, and when (issue 16).
    const { title } = await db.case.findUniqueOrThrow({ where: { id: created.id } });
    expect(title).toBe(`2022 Albania government cyberattacks (imported ${new Date().toISOString().slice(0, 10)})`);
    expect(importedTitle(title, new Date("2027-01-02"))).toBe("2022 Albania government cyberattacks (imported 2027-01-02)");
    expect(importedTitle("x".repeat(200))).toHaveLength(200);
    expect(imported.hypotheses.map((h) => h.title)).toEqual([
      "A criminal ransomware crew",
      "A hacktivist group acting alone",
      "Another state, under a false flag",
      "Iran's MOIS-linked operators",
    ]);
    expect(imported.claims.length).toBeGreaterThanOrEqual(11);
    // The importer owns the case; approvals are not imported, so every judgment starts as a draft.
    expect(await db.caseMember.findMany({ where: { caseId: created.id }, select: { userId: true, role: true } })).toEqual([
      { userId: importer.actor.id, role: "owner" },
    ]);
    expect(new Set((await db.hypothesis.findMany({ where: { caseId: created.id } })).map((h) => h.reviewState))).toEqual(
      new Set(["draft"]),
    );
    // The original bytes (uploaded .txt files) are stored again under their own hash.
    for (const d of await db.document.findMany({ where: { caseId: created.id }, include: { blob: true } })) {
      expect(createHash("sha256").update(d.blob.bytes).digest("hex")).toBe(d.sha256);
      expect(sha256(d.text)).toBe(d.textSha256);
    }
    const audit = await db.auditEvent.findMany({ where: { caseId: created.id, action: "case.import" } });
    expect(audit).toHaveLength(1);
    expect(audit[0].after).toMatchObject({ bundleId: archive.id, mode: "casefile" });
  });

  it("exports ATT&CK techniques as ATT&CK's own attack-patterns used by the campaign, and import brings the tags and entity links back", async () => {
    const patterns = byType(bundle, "attack-pattern");
    expect(patterns.map((p) => (p.external_references as { external_id: string }[])[0].external_id).sort()).toEqual(["T1114", "T1485"]);
    const destruction = patterns.find((p) => p.name === "Data Destruction")!;
    expect(destruction.id).toBe("attack-pattern--d45a3d09-b3cf-48f4-9f0f-f521ee5cb05c");
    expect(destruction.external_references).toEqual([
      { source_name: "mitre-attack", external_id: "T1485", url: "https://attack.mitre.org/techniques/T1485" },
    ]);
    const uses = byType(bundle, "relationship").filter((r) => r.relationship_type === "uses" && r.target_ref === destruction.id);
    expect(uses.length).toBeGreaterThan(0);
    for (const r of uses) expect(String(r.source_ref)).toMatch(/^campaign--/);

    const importer = await makeUser({ name: "ATT&CK importer" });
    const created = await importStixBundle({ ctx: importer, raw: JSON.stringify(archive) });
    const tags = await db.claimTechnique.findMany({ where: { caseId: created.id }, include: { claim: { select: { statement: true } } } });
    const originalTags = await db.claimTechnique.findMany({
      where: { caseId: albania.caseId },
      include: { claim: { select: { statement: true } } },
    });
    const view = (rows: typeof tags) => rows.map((t) => `${t.techniqueId} ${t.claim.statement}`).sort();
    expect(view(tags)).toEqual(view(originalTags));
    expect((await db.entity.findFirstOrThrow({ where: { caseId: created.id, name: "HomeLand Justice" } })).attackId).toBe("C0038");
  });

  it("keeps Persian, Albanian, £, em dashes and curly quotes through export and import", async () => {
    const owner = await makeUser({ name: "Arta Analyst" });
    const c = await makeCase({ owner, title: "Shqipëri — “Homeland Justice” (وزارت اطلاعات)" });
    const access: CaseAccess = { caseId: c.id, role: "owner" };
    const text =
      "Raport nga Tirana: sulmi kibernetik ndaj qeverisë shqiptare — “Drejtësia e Atdheut” pretendoi përgjegjësinë.\nوزارت اطلاعات جمهوری اسلامی ایران این اتهام را رد کرد.\nKosto: £1,2 milionë.";
    const { document } = await createPastedDocument({
      ctx: owner,
      access: { caseId: c.id, role: "owner" },
      input: { title: "Raport për sulmin — “Tirana”", text, publisher: "Gazeta Shqiptare" },
    });
    const source = await createSource({
      ctx: owner,
      access,
      input: { name: "Gazeta Shqiptare (gazetë)", kind: "outlet", reliability: "C", rationale: "Gazetë e përditshme — fairly reliable." },
    });
    await assignDocumentSource({ ctx: owner, access, documentId: document.id, input: { sourceId: source.id } });
    const actor = await createEntity({
      ctx: owner,
      access,
      input: { kind: "threat_actor", name: "وزارت اطلاعات (MOIS)", aliases: ["VAJA"] },
    });
    await createClaim({
      ctx: owner,
      access,
      input: {
        statement: "Iran’s ministry denied it — “رد کرد”.",
        claimant: "وزارت اطلاعات",
        kind: "denial",
        credibility: 3,
        excerpts: [{ documentId: document.id, exact: "وزارت اطلاعات جمهوری اسلامی ایران این اتهام را رد کرد." }],
        entityIds: [actor.id],
      },
    });
    await createClaim({
      ctx: owner,
      access,
      input: {
        statement: "The cost was £1.2 million.",
        claimant: "Gazeta Shqiptare",
        kind: "fact",
        credibility: 6,
        excerpts: [{ documentId: document.id, exact: "Kosto: £1,2 milionë." }],
      },
    });
    const q = await createQuestion({ ctx: owner, access, input: { question: "Kush qëndron pas sulmeve?" } });
    await createHypothesis({
      ctx: owner,
      access,
      input: {
        questionId: q.id,
        title: "Drejtësia e Atdheut — a persona of MOIS",
        actorEntityId: actor.id,
        likelihood: "roughly_even",
        confidence: "low",
        rationale: "“Pretendoi” ≠ proof.",
      },
    });

    const exported = await exportCaseArchive({ access });
    expect(validateStixBundle(exported)).toEqual([]);
    const raw = JSON.stringify(exported);
    expect(raw).toContain("وزارت اطلاعات جمهوری اسلامی ایران");
    expect(raw).toContain("qeverisë shqiptare — “Drejtësia e Atdheut”");
    expect(raw).toContain("£1,2 milionë");
    const credibility6 = byType(exported, "note").find((n) => String(n.content).startsWith("The cost was"))!;
    expect(credibility6).not.toHaveProperty("confidence");
    expect(byType(exported, "marking-definition")[0].name).toBe("TLP:AMBER");

    const created = await importStixBundle({ ctx: await makeUser(), raw });
    expect(await snapshot(created.id)).toEqual(await snapshot(c.id));
    const doc = await db.document.findFirstOrThrow({ where: { caseId: created.id } });
    expect(doc.text).toBe(text);
    expect(doc.sha256).toBe(sha256(text));
  });

  it("imports a plain third-party report: the case, its actors and malware, the bundle kept as evidence, HTML stored as text", async () => {
    const raw = fixture("third-party-report.json");
    expect(validateStixBundle(JSON.parse(raw))).toEqual([]);
    const created = await importStixBundle({ ctx: await makeUser(), raw });
    expect(created).toMatchObject({
      title: `<script>alert("x")</script> Wiper activity against Albania (imported ${new Date().toISOString().slice(0, 10)})`,
      summary: "Vendor report: HomeLand Justice & the “ROADSWEEP” wiper.",
      tlp: "GREEN",
    });
    const entities = await db.entity.findMany({
      where: { caseId: created.id },
      orderBy: { name: "asc" },
      select: { name: true, kind: true, aliases: true },
    });
    // The report's own producer is not an entity of the case; everything named in it is.
    expect(entities).toEqual([
      { name: "HomeLand Justice", kind: "intrusion_set", aliases: ["<img src=x onerror=alert(1)>"] },
      { name: "ROADSWEEP", kind: "malware", aliases: [] },
    ]);
    const docs = await db.document.findMany({ where: { caseId: created.id } });
    expect(docs).toHaveLength(1);
    expect(docs[0]).toMatchObject({ kind: "upload", mimeType: "application/stix+json", sha256: sha256(raw), text: raw });
    expect(await db.claim.count({ where: { caseId: created.id } })).toBe(0);
  });

  it("refuses malformed and hostile bundles with a clear error, storing nothing", async () => {
    const ctx = await makeUser();
    const tamperedText = JSON.parse(JSON.stringify(archive)) as StixBundle;
    const report = tamperedText.objects.find((o) => o.type === "report")! as StixObject & {
      x_casefile_case: { documents: { text: string }[] };
    };
    report.x_casefile_case.documents[0].text = report.x_casefile_case.documents[0].text.replace("Iran", "Iraq");
    const badQuote = JSON.parse(JSON.stringify(archive)) as StixBundle;
    const claimNote = badQuote.objects.find((o) => o.type === "note" && o.x_casefile_claim)! as StixObject & {
      x_casefile_claim: { excerpts: { exact: string }[] };
    };
    claimNote.x_casefile_claim.excerpts[0].exact = "words that were never in the document";
    const huge = {
      type: "bundle",
      id: "bundle--0b8a4a0e-0a51-4b7b-9d5e-3f2f6b9d7c11",
      objects: [
        {
          type: "report",
          spec_version: "2.1",
          id: "report--6d1b2f3e-4c5a-4b6d-8e7f-9a0b1c2d3e4f",
          created: "2022-09-20T00:00:00.000Z",
          modified: "2022-09-20T00:00:00.000Z",
          published: "2022-09-20T00:00:00.000Z",
          name: "x".repeat(5000),
          object_refs: ["report--6d1b2f3e-4c5a-4b6d-8e7f-9a0b1c2d3e4f"],
        },
      ],
    };
    const many = {
      type: "bundle",
      id: "bundle--0b8a4a0e-0a51-4b7b-9d5e-3f2f6b9d7c11",
      objects: Array.from({ length: 100_000 }, (_, i) => ({ type: "identity", id: stixId("identity", String(i)), name: "n" })),
    };
    const deep = `{"type":"bundle","id":"bundle--0b8a4a0e-0a51-4b7b-9d5e-3f2f6b9d7c11","objects":[${"[".repeat(100)}${"]".repeat(100)}]}`;
    const cases: [string, string, RegExp][] = [
      ["not JSON", fixture("not-json.txt"), /not valid JSON/],
      ["not a bundle", fixture("not-a-bundle.json"), /not a STIX 2\.1 bundle.*bundle\.type/],
      ["UUIDv7 ids", fixture("wrong-id.json"), /objects\.0\.id: is not a STIX identifier/],
      ["__proto__ key", fixture("proto-key.json"), /"__proto__", which is refused/],
      [
        "dangling ref",
        fixture("dangling-ref.json"),
        /objects\.0\.object_refs\.0: refers to threat-actor--2c7a4e1b-9d3f-4a8c-b6e5-0f1d2c3b4a59, which is not in the bundle/,
      ],
      ["altered document", JSON.stringify(tamperedText), /does not match its SHA-256 .*altered after export/],
      ["quote not in its document", JSON.stringify(badQuote), /x_casefile_claim\.excerpts\.0\.exact: The quote does not match/],
      ["huge name", JSON.stringify(huge), /objects\.0\.name: must be at most 200 characters/],
      ["100,000 objects", JSON.stringify(many), /at most 10,000 objects/],
      ["nested too deeply", deep, /nested more than 32 levels/],
      ["empty", "", /not valid JSON/],
    ];
    const before = await counts();
    for (const [label, raw, message] of cases) {
      const err = await importStixBundle({ ctx, raw }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err, label).toBeInstanceOf(InvalidError);
      expect((err as InvalidError).status, label).toBe(422);
      expect((err as InvalidError).message, label).toMatch(message);
    }
    const tooBig = await importStixBundle({ ctx, raw: `"${"x".repeat(21 * 1024 * 1024)}"` }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(tooBig).toBeInstanceOf(TooLargeError);
    expect(await counts()).toEqual(before);
  });

  it("POST /api/cases/import answers 201 with the new case, and 422 with issues for a bad bundle", async () => {
    const user = await makeUser();
    const { token } = await createApiToken({ ctx: user, name: "stix import" });
    const post = (body: string) =>
      importRoute(
        new NextRequest("http://localhost/api/cases/import", {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body,
        }),
        { params: Promise.resolve({}) },
      );
    const ok = await post(fixture("third-party-report.json"));
    expect(ok.status).toBe(201);
    const { case: created } = (await ok.json()) as { case: { id: string; role: string; tlp: string } };
    expect(created).toMatchObject({ role: "owner", tlp: "GREEN" });
    expect(await db.caseMember.findUnique({ where: { caseId_userId: { caseId: created.id, userId: user.actor.id } } })).toMatchObject({
      role: "owner",
    });

    const before = await counts();
    const bad = await post(fixture("dangling-ref.json"));
    expect(bad.status).toBe(422);
    const body = (await bad.json()) as { error: { code: string; message: string; issues: { path: string; message: string }[] } };
    expect(body.error.code).toBe("invalid");
    expect(body.error.issues[0]).toEqual({
      path: "objects.0.object_refs.0",
      message: "refers to threat-actor--2c7a4e1b-9d3f-4a8c-b6e5-0f1d2c3b4a59, which is not in the bundle",
    });
    const tooLarge = await importRoute(
      new NextRequest("http://localhost/api/cases/import", {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-length": String(25 * 1024 * 1024) },
        body: "{}",
      }),
      { params: Promise.resolve({}) },
    );
    expect(tooLarge.status).toBe(413);
    expect(await counts()).toEqual(before);
  });
});
