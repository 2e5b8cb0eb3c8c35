// Brief integrity (issue 11): a fixture case reproduces each way the brief used to overstate — an
// uncited document in the appendix, non-diagnostic evidence as support, a "B1" with a single origin,
// a quoted "almost certainly", "almost certainly not" read as certain, a rejected claim as evidence,
// a TLP 1.0 RED bundle imported as AMBER — and checks that each now reads correctly in every format.
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { strFromU8, unzipSync } from "fflate";
import { db } from "@/lib/db";
import { createPastedDocument } from "@/lib/documents/create-document";
import { assignDocumentSource } from "@/lib/sources/assign-document-source";
import { createSource } from "@/lib/sources/create-source";
import { createClaim } from "@/lib/claims/create-claim";
import { updateClaim } from "@/lib/claims/update-claim";
import { createEntity } from "@/lib/entities/create-entity";
import { createQuestion } from "@/lib/attribution/questions";
import { createHypothesis, getHypothesis, updateHypothesis } from "@/lib/attribution/hypotheses";
import { rateCell } from "@/lib/attribution/ratings";
import { approveHypothesis, submitHypothesis } from "@/lib/review/review-hypothesis";
import { addComment } from "@/lib/review/comments";
import { updateCase } from "@/lib/cases/update-case";
import { composeBrief, briefHash } from "@/lib/briefs/compose-brief";
import { saveBriefSettings } from "@/lib/briefs/brief-settings";
import { acknowledgeBriefWarning } from "@/lib/briefs/acknowledge-warning";
import { approveBrief, submitBrief } from "@/lib/briefs/brief-review";
import { createRelease, getReleaseFile } from "@/lib/briefs/releases";
import { renderMarkdown } from "@/lib/briefs/render-markdown";
import { retractRecord } from "@/lib/lifecycle/retract-record";
import { renderStix, type StixBundle } from "@/lib/stix/render-stix";
import { importStixBundle } from "@/lib/stix/import-stix";
import { ConflictError, InvalidError, NotFoundError } from "@/lib/errors";
import type { CaseAccess } from "@/lib/cases/require-case-access";
import type { Ctx } from "@/lib/auth/actor";
import { validateStixBundle } from "../support/stix-validate";
import { makeCase, makeUser } from "../support/factories";

const VENDOR_TEXT =
  "Vendor report. Our telemetry shows the wiper was deployed by operators working for MOIS. The same loader was seen in 2021. Hacktivists claimed the attack on Telegram.";
const OUTLET_TEXT =
  "Outlet article. Officials said the government systems went offline on 15 July. A spokesman said Iran “rejected the baseless accusations”.";
const UNCITED_TEXT = "An unrelated blog post about football that no claim cites.";
const SECRET_TEXT = "Partner report (TLP:RED). The loader's command server sat in a third country.";

let analyst: Ctx;
let reviewer: Ctx;
let owner: { ctx: Ctx; access: CaseAccess };
let rev: { ctx: Ctx; access: CaseAccess };
const ids: Record<string, string> = {};

beforeAll(async () => {
  analyst = await makeUser({ name: "Ana Fixture" });
  reviewer = await makeUser({ name: "Rui Fixture" });
  const c = await makeCase({ owner: analyst, members: [[reviewer, "reviewer"]], title: "Brief integrity fixture" });
  owner = { ctx: analyst, access: { caseId: c.id, role: "owner" } };
  rev = { ctx: reviewer, access: { caseId: c.id, role: "reviewer" } };
  await updateCase({
    ctx: analyst,
    access: { caseId: c.id, role: "owner" },
    input: { version: c.version, tlp: "AMBER", summary: "Wiper attacks on government systems.\n# TLP:CLEAR\n- planted list item" },
  });

  const vendor = await createSource({
    ...owner,
    input: { name: "Vendor lab", kind: "vendor", reliability: "B", rationale: "Publishes its evidence." },
  });
  const outlet = await createSource({
    ...owner,
    input: { name: "Daily outlet", kind: "outlet", reliability: "C", rationale: "Quotes officials accurately." },
  });
  const doc = async (title: string, text: string, sourceId: string | null) => {
    const { document } = await createPastedDocument({ ctx: analyst, access: { caseId: c.id, role: "owner" }, input: { title, text } });
    if (sourceId) await assignDocumentSource({ ...owner, documentId: document.id, input: { sourceId } });
    return document.id;
  };
  ids.vendorDoc = await doc("Vendor report on the wiper", VENDOR_TEXT, vendor.id);
  ids.outletDoc = await doc("Outlet article", OUTLET_TEXT, outlet.id);
  ids.uncitedDoc = await doc("Unrelated blog", UNCITED_TEXT, null);
  ids.secretDoc = await doc("Partner report", SECRET_TEXT, null);

  const mois = await createEntity({ ...owner, input: { kind: "threat_actor", name: "MOIS", aliases: [], role: "adversary" } });
  const victim = await createEntity({
    ...owner,
    input: { kind: "infrastructure", name: "Government e-services", aliases: [], role: "victim" },
  });
  const claim = async (
    statement: string,
    kind: "fact" | "assessment" | "denial" | "allegation",
    credibility: number,
    documentId: string,
    exact: string,
    entityIds: string[] = [],
  ) =>
    (
      await createClaim({
        ...owner,
        input: { statement, claimant: "fixture", kind, credibility, excerpts: [{ documentId, exact }], entityIds },
      })
    ).id;
  ids.deployed = await claim(
    "MOIS operators deployed the wiper.",
    "assessment",
    1,
    ids.vendorDoc,
    "the wiper was deployed by operators working for MOIS",
    [mois.id, victim.id],
  );
  ids.offline = await claim(
    "Government systems went offline on 15 July.",
    "fact",
    2,
    ids.outletDoc,
    "the government systems went offline on 15 July",
  );
  ids.denial = await claim("Iran denies the attack.", "denial", 3, ids.outletDoc, "Iran “rejected the baseless accusations”", [mois.id]);
  ids.hacktivists = await claim(
    "Hacktivists claimed the attack.",
    "allegation",
    3,
    ids.vendorDoc,
    "Hacktivists claimed the attack on Telegram",
  );
  ids.rejected = await claim("The same loader was seen in 2021.", "fact", 2, ids.vendorDoc, "The same loader was seen in 2021");
  ids.secret = await claim(
    "The command server sat in a third country.",
    "fact",
    2,
    ids.secretDoc,
    "The loader's command server sat in a third country",
  );

  const q = await createQuestion({ ...owner, input: { question: "Who deployed the wiper?" } });
  ids.question = q.id;
  const h1 = await createHypothesis({
    ...owner,
    input: {
      questionId: q.id,
      title: "MOIS operators",
      actorEntityId: mois.id,
      likelihood: "likely",
      confidence: "moderate",
      proposition: "operators working for MOIS deployed the wiper",
      confidenceBasis: "one vendor's telemetry, not yet corroborated",
      rationale: "The vendor writes that it is “almost certainly” MOIS; we do not go that far.",
    },
  });
  const h2 = await createHypothesis({
    ...owner,
    input: {
      questionId: q.id,
      title: "Hacktivists alone",
      likelihood: "unlikely",
      confidence: "low",
      rationale: "It is almost certainly not hacktivists acting alone.",
    },
  });
  ids.h1 = h1.id;
  ids.h2 = h2.id;
  const rate = (h: string, claimId: string, rating: "CC" | "C" | "N" | "I" | "II") =>
    rateCell({ ...owner, hypothesisId: h, claimId, input: { rating } });
  await rate(h1.id, ids.deployed, "CC"); // diagnostic: C/CC here, II against the alternative
  await rate(h2.id, ids.deployed, "II");
  await rate(h1.id, ids.offline, "C"); // consistent with both: not diagnostic
  await rate(h2.id, ids.offline, "C");
  await rate(h1.id, ids.denial, "N"); // a denial rated neutral everywhere is still listed as considered
  await rate(h2.id, ids.denial, "N");
  await rate(h1.id, ids.hacktivists, "I"); // against the judgment
  await rate(h2.id, ids.hacktivists, "CC");
  await rate(h1.id, ids.rejected, "CC");
  await rate(h2.id, ids.rejected, "II");
  await updateClaim({ ...owner, claimId: ids.rejected, input: { version: 1, status: "rejected" } });

  await submitHypothesis({ ...owner, hypothesisId: h1.id, input: {} });
  const { hypothesis } = await getHypothesis({ access: rev.access, hypothesisId: h1.id });
  await approveHypothesis({ ...rev, hypothesisId: h1.id, input: { contentHash: hypothesis.contentHash } });
  await addComment({
    ...rev,
    input: { targetType: "hypothesis", targetId: h1.id, body: "I dissent: one vendor is not enough.", isDissent: true },
  });
}, 120_000);

describe("what the brief cites", () => {
  it("supports a judgment only with diagnostic claims, lists non-diagnostic ones apart, and lists evidence against, denials included", async () => {
    const m = await composeBrief({ access: owner.access });
    const j = m.judgments.find((x) => x.id === ids.h1)!;
    expect(j.supportingClaimIds).toEqual([ids.deployed]);
    expect(j.nonDiagnosticClaimIds).toEqual([ids.offline]);
    expect(j.untestedClaimIds).toEqual([]);
    expect(j.against.map((a) => [a.claimId, a.why]).sort()).toEqual(
      [
        [ids.denial, "denial"],
        [ids.hacktivists, "rated_inconsistent"],
      ].sort(),
    );
  });

  it("never shows a rejected claim, and the appendix holds only cited documents unless one is added by hand", async () => {
    const m = await composeBrief({ access: owner.access });
    expect(m.claims.map((c) => c.id)).not.toContain(ids.rejected);
    expect(renderMarkdown(m)).not.toContain("The same loader was seen in 2021");
    expect(m.sources.map((s) => s.documentId).sort()).toEqual([ids.vendorDoc, ids.outletDoc].sort());
    expect(m.sources.map((s) => s.title)).not.toContain("Unrelated blog");

    const settings = await db.briefSettings.findUnique({ where: { caseId: owner.access.caseId } });
    const saved = await saveBriefSettings({
      ...owner,
      input: { version: settings?.version ?? 0, template: "full", sections: [...m.sections], includeDocumentIds: [ids.uncitedDoc] },
    });
    const added = await composeBrief({ access: owner.access });
    expect(added.sources.find((s) => s.documentId === ids.uncitedDoc)).toMatchObject({ inclusion: "added" });
    expect(added.notes.some((n) => n.includes("“Unrelated blog” was added to the sources by hand"))).toBe(true);

    // Leaving out the outlet drops the claims that cite only it, and says so.
    await saveBriefSettings({
      ...owner,
      input: {
        version: saved.version,
        template: "full",
        sections: [...m.sections],
        includeDocumentIds: [],
        excludeDocumentIds: [ids.outletDoc],
      },
    });
    const excluded = await composeBrief({ access: owner.access });
    expect(excluded.sources.map((s) => s.documentId)).toEqual([ids.vendorDoc]);
    expect(excluded.claims.map((c) => c.id)).not.toContain(ids.offline);
    expect(excluded.notes.some((n) => n.includes("“Government systems went offline on 15 July.” is left out"))).toBe(true);

    // Bad input: a document of another case, or one both added and left out, is refused and nothing changes.
    const before = await db.briefSettings.findUniqueOrThrow({ where: { caseId: owner.access.caseId } });
    await expect(
      saveBriefSettings({
        ...owner,
        input: {
          version: before.version,
          template: "full",
          sections: [...m.sections],
          includeDocumentIds: ["01900000-0000-7000-8000-000000000000"],
        },
      }),
    ).rejects.toBeInstanceOf(InvalidError);
    await expect(
      saveBriefSettings({
        ...owner,
        input: {
          version: before.version,
          template: "full",
          sections: [...m.sections],
          includeDocumentIds: [ids.vendorDoc],
          excludeDocumentIds: [ids.vendorDoc],
        },
      }),
    ).rejects.toThrow(/both added to and left out/);
    expect(await db.briefSettings.findUniqueOrThrow({ where: { caseId: owner.access.caseId } })).toEqual(before);
    await saveBriefSettings({
      ...owner,
      input: { version: before.version, template: "full", sections: [...m.sections], includeDocumentIds: [], excludeDocumentIds: [] },
    });
  });

  it("a claim rated for the judgment but not against every live alternative has no diagnosticity yet, and is not called 'not diagnostic'", async () => {
    const loader = (
      await createClaim({
        ...owner,
        input: {
          statement: "The loader reused 2021 code.",
          claimant: "fixture",
          kind: "fact",
          credibility: 2,
          excerpts: [{ documentId: ids.vendorDoc, exact: "Our telemetry shows the wiper" }],
        },
      })
    ).id;
    await rateCell({ ...owner, hypothesisId: ids.h1, claimId: loader, input: { rating: "C" } });
    const j = (await composeBrief({ access: owner.access })).judgments.find((x) => x.id === ids.h1)!;
    expect(j.untestedClaimIds).toEqual([loader]);
    expect(j.nonDiagnosticClaimIds).not.toContain(loader);
    expect(j.supportingClaimIds).not.toContain(loader);
    // Rated alike against the alternative too: now it is not diagnostic.
    await rateCell({ ...owner, hypothesisId: ids.h2, claimId: loader, input: { rating: "C" } });
    const after = (await composeBrief({ access: owner.access })).judgments.find((x) => x.id === ids.h1)!;
    expect(after.nonDiagnosticClaimIds).toContain(loader);
    expect(after.untestedClaimIds).toEqual([]);
  });

  it("a retracted claim or document is hidden from the brief; a claim whose every document is retracted is left out and the notes say why", async () => {
    const extra = (
      await createClaim({
        ...owner,
        input: {
          statement: "A second hacktivist channel posted the data.",
          claimant: "fixture",
          kind: "allegation",
          credibility: 3,
          excerpts: [{ documentId: ids.uncitedDoc, exact: "An unrelated blog post" }],
        },
      })
    ).id;
    await rateCell({ ...owner, hypothesisId: ids.h1, claimId: extra, input: { rating: "I" } });
    const before = await composeBrief({ access: owner.access });
    expect(before.claims.map((c) => c.id)).toContain(extra);
    expect(before.sources.map((s) => s.documentId)).toContain(ids.uncitedDoc);
    await retractRecord({ ...owner, kind: "document", id: ids.uncitedDoc, input: { reason: "The blog was a hoax." } });
    const after = await composeBrief({ access: owner.access });
    expect(after.sources.map((s) => s.documentId)).not.toContain(ids.uncitedDoc);
    expect(after.claims.map((c) => c.id)).not.toContain(extra);
    expect(after.notes).toContain(
      "“A second hacktivist channel posted the data.” is left out: every document it cites has been retracted.",
    );
    await retractRecord({ ...owner, kind: "claim", id: extra, input: { reason: "Its only source is retracted." } });
    const retracted = await composeBrief({ access: owner.access });
    expect(retracted.claims.map((c) => c.id)).not.toContain(extra);
    expect(retracted.notes.join("\n")).not.toContain("A second hacktivist channel");
  });

  it("footnotes carry the quote, the document's SHA-256 and the quote's UTF-16 offsets in the captured text", async () => {
    const m = await composeBrief({ access: owner.access });
    for (const f of m.footnotes) {
      const doc = await db.document.findUniqueOrThrow({ where: { id: f.documentId } });
      expect(doc.text.slice(f.start, f.end)).toBe(f.quote);
      expect(f.sha256).toBe(doc.sha256);
    }
    expect(renderMarkdown(m)).toMatch(/characters \d+–\d+ \(UTF-16\) of the captured text, SHA-256 [0-9a-f]{64}/);
  });
});

describe("ICD 203 form and the wording check", () => {
  it("states likelihood with the analyst's proposition and confidence in a separate sentence", async () => {
    const m = await composeBrief({ access: owner.access });
    const j = m.judgments.find((x) => x.id === ids.h1)!;
    expect(j.estimative).toBe("We assess that it is likely (55–80 %) that operators working for MOIS deployed the wiper.");
    expect(j.confidenceSentence).toBe("We have moderate confidence in this judgment: one vendor's telemetry, not yet corroborated.");
    const md = renderMarkdown(m);
    expect(md).not.toMatch(/with (low|moderate|high) confidence that it is/);
    expect(md).not.toContain("carried out by MOIS operators");
  });

  it("skips a quoted “almost certainly”, reads “almost certainly not” as almost no chance, and flags a B1 with one origin", async () => {
    const m = await composeBrief({ access: owner.access });
    expect(m.warnings.filter((w) => w.location === `hypothesis:${ids.h1}:rationale`)).toEqual([]);
    const h2 = m.warnings.find((w) => w.location === `hypothesis:${ids.h2}:rationale`)!;
    expect(h2).toMatchObject({ kind: "disagrees", blocking: true });
    expect(h2.message).toMatch(/almost no chance/i);
    const b1 = m.claims.find((c) => c.id === ids.deployed)!;
    expect(b1).toMatchObject({ grade: "B1", origins: 1 });
    expect(b1.independenceCaveat).toBeTruthy();
    expect(m.warnings.find((w) => w.kind === "independence" && w.location === `claim:${ids.deployed}`)).toMatchObject({
      blocking: true,
      acknowledgement: null,
    });
    expect(m.blockers.filter((b) => b.startsWith("Warning on"))).toHaveLength(2);
    expect(renderMarkdown(m)).toContain(`Caveat: ${b1.independenceCaveat}`);
  });

  it("an acknowledgement with a reason lifts the block, is audited and printed; without a reason or for an unknown warning it is refused", async () => {
    const m = await composeBrief({ access: owner.access });
    const b1 = m.warnings.find((w) => w.kind === "independence")!;
    await expect(acknowledgeBriefWarning({ ...owner, input: { warningKey: b1.key, reason: "  " } })).rejects.toThrow(
      /Say why the warning does not need a fix/,
    );
    await expect(acknowledgeBriefWarning({ ...owner, input: { warningKey: "f".repeat(64), reason: "x" } })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await acknowledgeBriefWarning({
      ...owner,
      input: { warningKey: b1.key, reason: "A second, independent vendor confirmed it to us by phone; the report follows." },
    });
    await expect(acknowledgeBriefWarning({ ...owner, input: { warningKey: b1.key, reason: "again" } })).rejects.toBeInstanceOf(
      ConflictError,
    );
    const after = await composeBrief({ access: owner.access });
    expect(after.warnings.find((w) => w.key === b1.key)!.acknowledgement).toMatchObject({ by: "Ana Fixture" });
    expect(after.blockers.filter((x) => x.startsWith("Warning on"))).toHaveLength(1);
    expect(after.notes.some((n) => n.includes("acknowledged by Ana Fixture") && n.includes("confirmed it to us by phone"))).toBe(true);
    const audit = await db.auditEvent.findMany({ where: { caseId: owner.access.caseId, action: "brief.acknowledge" } });
    expect(audit).toHaveLength(1);
    expect(audit[0].reason).toContain("confirmed it to us by phone");
  });
});

describe("drafts, markings and releases", () => {
  it("a draft says DRAFT — NOT RELEASED in every format; newlines in fields plant no heading or list in Markdown", async () => {
    const m = await composeBrief({ access: owner.access });
    const md = renderMarkdown(m);
    expect(md.split("\n").filter((l) => l.includes("DRAFT — NOT RELEASED"))).toHaveLength(2);
    expect(md).not.toMatch(/^#+ TLP:CLEAR/m);
    expect(md).not.toMatch(/^- planted list item/m);
    expect(md).toContain("Wiper attacks on government systems. \\# TLP:CLEAR - planted list item");
    const { renderDocx } = await import("@/lib/briefs/render-docx");
    const zip = unzipSync(new Uint8Array(await renderDocx(m)));
    const headers = Object.keys(zip).filter((f) => /word\/(header|footer)\d*\.xml/.test(f));
    for (const h of headers) expect(strFromU8(zip[h]).replace(/<[^>]+>/g, "")).toContain("DRAFT — NOT RELEASED");
    const { renderPdf } = await import("@/lib/briefs/render-pdf");
    const { extractText, getDocumentProxy } = await import("unpdf");
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(await renderPdf(m))), { mergePages: false });
    for (const page of text) expect(page).toContain("DRAFT — NOT RELEASED");
    // Unapproved alternatives are labelled so a reader outside the team understands.
    expect(md).toContain("Hacktivists alone** — Unlikely, low confidence (not reviewed: no second analyst has checked this alternative)");
  }, 60_000);

  it("a document marked more strictly than the case blocks the release until the case's marking rises", async () => {
    await assignDocumentSource({ ...owner, documentId: ids.secretDoc, input: { sourceId: null, tlp: "RED" } });
    // Cited once a claim that quotes it is rated for the judgment.
    await rateCell({ ...owner, hypothesisId: ids.h1, claimId: ids.secret, input: { rating: "C" } });
    await rateCell({ ...owner, hypothesisId: ids.h2, claimId: ids.secret, input: { rating: "II" } });
    const m = await composeBrief({ access: owner.access });
    expect(m.sources.find((s) => s.documentId === ids.secretDoc)).toMatchObject({ tlp: "RED" });
    expect(m.blockers).toContain(
      "The brief is marked TLP:AMBER but cites “Partner report”, marked TLP:RED: raise the case's marking or leave the document out.",
    );
    const settings = await db.briefSettings.findUniqueOrThrow({ where: { caseId: owner.access.caseId } });
    await saveBriefSettings({
      ...owner,
      input: { version: settings.version, template: "full", sections: [...settings.sections], excludeDocumentIds: [ids.secretDoc] },
    });
    expect((await composeBrief({ access: owner.access })).blockers.some((b) => b.includes("Partner report"))).toBe(false);
  });

  it("every released file is the approved model: STIX holds only cited documents and claims, no text, no draft mark", async () => {
    // Fix the remaining wording warning at its source, then submit, approve and release.
    const h2 = await db.hypothesis.findUniqueOrThrow({ where: { id: ids.h2 } });
    await updateHypothesis({
      ...owner,
      hypothesisId: ids.h2,
      input: { version: h2.version, reason: "Say it in ICD terms", rationale: "Nothing we hold shows hacktivists acting alone." },
    });
    const draft = await composeBrief({ access: owner.access });
    expect(draft.blockers).toEqual([]);
    await submitBrief({ ...owner });
    await approveBrief({ ...rev, input: { contentHash: briefHash(draft) } });
    const release = await createRelease({ ctx: owner.ctx, access: owner.access });
    const stixBytes = await getReleaseFile({ access: owner.access, number: release.number, format: "stix" });
    const bundle = JSON.parse(stixBytes.bytes.toString("utf8")) as StixBundle;
    expect(validateStixBundle(bundle)).toEqual([]);
    const raw = JSON.stringify(bundle);
    for (const text of [VENDOR_TEXT, OUTLET_TEXT, UNCITED_TEXT, SECRET_TEXT]) expect(raw).not.toContain(text);
    expect(raw).not.toContain("The same loader was seen in 2021");
    expect(raw).not.toContain("DRAFT");
    expect(raw).not.toContain("originalBase64");
    const report = bundle.objects.find((o) => o.type === "report")!;
    expect((report.external_references as { description: string }[]).map((r) => r.description).sort()).toEqual([
      "Outlet article",
      "Vendor report on the wiper",
    ]);
    // The attribution is asserted (approved, likely); the victim is a targeted identity, not infrastructure.
    expect(bundle.objects.filter((o) => o.type === "relationship" && o.relationship_type === "attributed-to")).toHaveLength(1);
    expect(bundle.objects.filter((o) => o.type === "infrastructure")).toEqual([]);
    expect(bundle.objects.find((o) => o.type === "identity" && o.name === "Government e-services")).toMatchObject({
      identity_class: "system",
    });
    // The same model rendered again gives the same STIX ids: the file is the model, not the live case.
    expect(
      renderStix({ ...draft, draft: false })
        .objects.map((o) => o.id)
        .sort(),
    ).toEqual(bundle.objects.map((o) => o.id).sort());
    const md = (await getReleaseFile({ access: owner.access, number: release.number, format: "md" })).bytes.toString("utf8");
    expect(md).not.toContain("DRAFT");
    expect(md).toContain("Evidence against");
  }, 60_000);

  it("attributed-to is asserted only for approved judgments at roughly even chance or higher", () => {
    const base = { approvedBy: "Rui", likelihood: "roughly_even" };
    return import("@/lib/stix/render-stix").then(({ assertsAttribution }) => {
      expect(assertsAttribution(base)).toBe(true);
      expect(assertsAttribution({ ...base, likelihood: "unlikely" })).toBe(false);
      expect(assertsAttribution({ ...base, approvedBy: null })).toBe(false);
    });
  });
});

describe("TLP on import", () => {
  it("a TLP 1.0 RED bundle becomes a RED case, and an object-level marking counts as much as the report's", async () => {
    const raw = readFileSync(path.resolve(__dirname, "../fixtures/stix/third-party-report.json"), "utf8");
    const withRed = (bundle: StixBundle, where: "report" | "object") => {
      const red = "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed";
      const target =
        where === "report" ? bundle.objects.find((o) => o.type === "report")! : bundle.objects.find((o) => o.type === "malware")!;
      target.object_marking_refs = [red];
      bundle.objects.push({
        type: "marking-definition",
        spec_version: "2.1",
        id: red,
        created: "2017-01-20T00:00:00.000Z",
        definition_type: "tlp",
        definition: { tlp: "red" },
      });
      return JSON.stringify(bundle);
    };
    const importer = await makeUser();
    const onReport = await importStixBundle({ ctx: importer, raw: withRed(JSON.parse(raw) as StixBundle, "report") });
    expect(onReport.tlp).toBe("RED");
    const onObject = await importStixBundle({ ctx: importer, raw: withRed(JSON.parse(raw) as StixBundle, "object") });
    expect(onObject.tlp).toBe("RED");
  });
});
