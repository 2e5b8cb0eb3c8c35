// The lossless STIX round trip (issue 14): the demo case with every kind of content → case archive → import →
// archive gives the same canonical content digest (lib/stix/content-digest.ts); what the import recorded is
// really there (events as events, ratings/dissent/reviews/history as recorded history), the imported case's
// judgments are drafts whatever the exporter approved, the bundle validates against the OASIS schemas with
// its extension-definition, and a bundle whose record refers to what it does not hold is a 422 storing nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedDemo } from "../../scripts/lib/demo-seed";
import { exportCaseArchive } from "@/lib/stix/export-case-archive";
import { importStixBundle } from "@/lib/stix/import-stix";
import { caseArchiveContent, caseArchiveDigest } from "@/lib/stix/content-digest";
import { CASEFILE_RECORD_EXTENSION_ID, type CasefileRecord } from "@/lib/stix/schemas";
import type { StixBundle, StixObject } from "@/lib/stix/render-stix";
import { addComment } from "@/lib/review/comments";
import { createEvent } from "@/lib/events/create-event";
import { listEvents } from "@/lib/events/list-events";
import { updateHypothesis } from "@/lib/attribution/hypotheses";
import { getAchMatrix } from "@/lib/attribution/get-ach-matrix";
import { InvalidError } from "@/lib/errors";
import { createPastedDocument } from "@/lib/documents/create-document";
import { createClaim } from "@/lib/claims/create-claim";
import { createIndicator } from "@/lib/indicators/create-indicator";
import { setClaimTechniques } from "@/lib/attack/set-claim-techniques";
import type { CaseAccess } from "@/lib/cases/require-case-access";
import type { Ctx } from "@/lib/auth/actor";
import { validateStixBundle } from "../support/stix-validate";
import { ctxOfUser } from "../support/factories";
import { listRecordedHistory } from "@/lib/stix/list-recorded-history";
import { getEvidenceHealth } from "@/lib/cases/evidence-health";
import { NextRequest } from "next/server";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { GET as exportRoute } from "@/app/api/cases/[caseId]/export/route";
import { POST as importRoute } from "@/app/api/cases/import/route";

let albania: CaseAccess;
let analyst: Ctx;
let reviewer: Ctx;
let first: StixBundle;
let second: StixBundle;
let imported: CaseAccess;

const reportOf = (b: StixBundle) => b.objects.find((o) => o.type === "report")!;
const recordOf = (b: StixBundle) =>
  (reportOf(b).extensions as Record<string, CasefileRecord & { extension_type: string }>)[CASEFILE_RECORD_EXTENSION_ID];

beforeAll(async () => {
  await seedDemo({ log: () => {} });
  const c = await db.case.findFirstOrThrow({ where: { title: "2022 Albania government cyberattacks" } });
  albania = { caseId: c.id, role: "owner" };
  analyst = await ctxOfUser("analyst@example.com", "stix-roundtrip");
  reviewer = await ctxOfUser("reviewer@example.com", "stix-roundtrip");
  // Every kind of record on top of the demo: dissent on a judgment and on a claim, a timeline event, a second
  // version of an alternative (its history), next to the demo's ACH ratings, approvals and release review.
  const alternative = await db.hypothesis.findFirstOrThrow({ where: { caseId: c.id, reviewState: { not: "approved" } } });
  const leading = await db.hypothesis.findFirstOrThrow({ where: { caseId: c.id, reviewState: "approved" } });
  const claim = await db.claim.findFirstOrThrow({ where: { caseId: c.id }, orderBy: { createdAt: "asc" } });
  await addComment({
    ctx: reviewer,
    access: { caseId: c.id, role: "reviewer" },
    input: {
      targetType: "hypothesis",
      targetId: leading.id,
      body: "I dissent from “likely” — the attribution is second-hand. Ça dépend.",
      isDissent: true,
    },
  });
  await addComment({
    ctx: reviewer,
    access: { caseId: c.id, role: "reviewer" },
    input: { targetType: "claim", targetId: claim.id, body: "This quote overstates the report 🙂", isDissent: true },
  });
  const events = await listEvents({ access: albania });
  if (!events.length)
    await createEvent({ ctx: analyst, access: albania, input: { title: "First wiper seen", date: "2022-07-15", claimIds: [claim.id] } });
  await createEvent({
    ctx: analyst,
    access: albania,
    input: { title: "Second wave (month precision)", date: "2022-09", claimIds: [claim.id] },
  });
  await updateHypothesis({
    ctx: analyst,
    access: albania,
    hypothesisId: alternative.id,
    input: {
      version: alternative.version,
      reason: "Sharper rationale",
      rationale: `${alternative.rationale} Revisited.`,
      confidenceBasis: "Two vendors.",
    },
  });
  // An indicator and a technique tag, quoted from a non-ASCII text.
  const text = "Ελληνικά first: the wiper beaconed to 185.220.101.4 and then encrypted the disks — «Data Encrypted for Impact».";
  const { document } = await createPastedDocument({ ctx: analyst, access: albania, input: { title: "Vendor note (Ελληνικά)", text } });
  const exact = "the wiper beaconed to 185.220.101.4";
  const tagged = await createClaim({
    ctx: analyst,
    access: albania,
    input: {
      statement: "The wiper beaconed to a server before encrypting.",
      claimant: "Vendor",
      kind: "fact",
      credibility: 2,
      excerpts: [{ documentId: document.id, exact, start: text.indexOf(exact), end: text.indexOf(exact) + exact.length }],
    },
  });
  await setClaimTechniques({ ctx: analyst, access: albania, claimId: tagged.id, input: { techniqueIds: ["T1486"] } });
  const ip = "185.220.101.4";
  await createIndicator({
    ctx: analyst,
    access: albania,
    input: {
      type: "ipv4",
      value: ip,
      excerpts: [{ documentId: document.id, exact: ip, start: text.indexOf(ip), end: text.indexOf(ip) + ip.length }],
      claimIds: [tagged.id],
    },
  });
  first = await exportCaseArchive({ access: albania });
  const created = await importStixBundle({ ctx: analyst, raw: JSON.stringify(first) });
  imported = { caseId: created.id, role: "owner" };
  second = await exportCaseArchive({ access: imported });
}, 180_000);

describe("STIX case archive round trip", () => {
  it("gives the same content digest after export → import → export, with ids changed", () => {
    expect(caseArchiveDigest(second)).toBe(caseArchiveDigest(first));
    expect(caseArchiveContent(second)).toEqual(caseArchiveContent(first));
    expect(reportOf(second).id).not.toBe(reportOf(first).id);
    // Something to lose: the demo-like case really holds every kind of record.
    const content = caseArchiveContent(first);
    for (const k of [
      "claims",
      "links",
      "entities",
      "indicators",
      "questions",
      "events",
      "ratings",
      "dissent",
      "reviews",
      "history",
    ] as const)
      expect(content[k].length, k).toBeGreaterThan(0);
    expect(content.claims.some((c) => c.techniques.length > 0)).toBe(true);
    expect(content.entities.some((e) => e.aliases.length > 0)).toBe(true);
  });

  it("detects a change: a different rating or a moved quote gives another digest", () => {
    const changed = structuredClone(first);
    recordOf(changed).ratings[0].rating = recordOf(changed).ratings[0].rating === "II" ? "CC" : "II";
    expect(caseArchiveDigest(changed)).not.toBe(caseArchiveDigest(first));
    const moved = structuredClone(first);
    const note = moved.objects.find((o) => o.type === "note" && o.x_casefile_claim) as StixObject & {
      x_casefile_claim: { excerpts: { start: number }[] };
    };
    note.x_casefile_claim.excerpts[0].start += 1;
    expect(caseArchiveDigest(moved)).not.toBe(caseArchiveDigest(first));
  });

  it("imports events as events, ratings, dissent, reviews and history as recorded history, and leaves every judgment a draft", async () => {
    const events = await listEvents({ access: imported });
    expect(events.map((e) => e.title)).toEqual(expect.arrayContaining(["Second wave (month precision)"]));
    expect(events.find((e) => e.title === "Second wave (month precision)")).toMatchObject({ precision: "month" });
    const recorded = await listRecordedHistory({ access: imported });
    expect(recorded.ratings.length).toBe(recordOf(first).ratings.length);
    const hypothesisIds = new Set((await db.hypothesis.findMany({ where: { caseId: imported.caseId } })).map((h) => h.id));
    expect(recorded.ratings.every((r) => hypothesisIds.has(r.hypothesisKey))).toBe(true);
    expect(recorded.dissent.map((d) => d.body)).toContain("This quote overstates the report 🙂");
    expect(recorded.dissent.find((d) => d.body.startsWith("I dissent"))).toMatchObject({
      targetType: "hypothesis",
      author: { name: "Rui Reviewer", email: "reviewer@example.com" },
    });
    expect(recorded.reviews.some((r) => r.decision === "approved" && r.reviewer?.name === "Rui Reviewer")).toBe(true);
    expect(recorded.history.some((h) => h.reason === "Sharper rationale" && h.changedBy.name === "Ana Analyst")).toBe(true);
    // The exporter's approvals are a record, not an approval here: drafts, no review rows, no live ratings.
    const hypotheses = await db.hypothesis.findMany({ where: { caseId: imported.caseId } });
    expect(hypotheses.length).toBeGreaterThan(0);
    expect(hypotheses.every((h) => h.reviewState === "draft" && h.approvedHash === null)).toBe(true);
    expect(await db.review.count({ where: { caseId: imported.caseId } })).toBe(0);
    expect(hypotheses.some((h) => h.confidenceBasis === "Two vendors.")).toBe(true);
    const q = await db.attributionQuestion.findFirstOrThrow({ where: { caseId: imported.caseId } });
    const matrix = await getAchMatrix({ access: imported, questionId: q.id });
    expect(JSON.stringify(matrix)).not.toContain("Rui Reviewer");
    // The overview counts the hypotheses as never rated here, and says how often the exporting workspace rated each.
    const unrated = (await getEvidenceHealth({ access: imported })).unratedHypotheses;
    const recordedPer = (id: string) => recorded.ratings.filter((r) => r.hypothesisKey === id).length;
    expect(unrated.map((h) => h.id).sort()).toEqual(
      hypotheses
        .filter((h) => h.disposition !== "rejected")
        .map((h) => h.id)
        .sort(),
    );
    expect(unrated.map((h) => h.recordedRatings)).toEqual(unrated.map((h) => recordedPer(h.id)));
    expect(unrated.some((h) => h.recordedRatings > 0)).toBe(true);
    // Read-only: the app role may not rewrite or remove what was recorded.
    await expect(db.recordedHistory.updateMany({ where: { caseId: imported.caseId }, data: { kind: "rating" } })).rejects.toThrow(
      /permission denied/,
    );
    await expect(db.recordedHistory.deleteMany({ where: { caseId: imported.caseId } })).rejects.toThrow(/permission denied/);
    // Audited in the import's transaction.
    const audit = await db.auditEvent.findMany({
      where: { caseId: imported.caseId, action: { in: ["case.import.recorded", "event.create"] } },
    });
    expect(audit.find((a) => a.action === "case.import.recorded")?.after).toMatchObject({ ratings: recorded.ratings.length });
    expect(audit.filter((a) => a.action === "event.create").length).toBe(events.length);
  });

  it("validates against the OASIS schemas, the extension-definition included", () => {
    for (const b of [first, second]) expect(validateStixBundle(b)).toEqual([]);
    const definition = first.objects.find((o) => o.type === "extension-definition")!;
    expect(definition).toMatchObject({ id: CASEFILE_RECORD_EXTENSION_ID, extension_types: ["property-extension"], version: "1.0.0" });
    expect(recordOf(first).extension_type).toBe("property-extension");
    // STIX consumers see the record too: dissent and reviews as notes, ratings as a grouping.
    expect(first.objects.some((o) => o.type === "grouping" && String(o.name).startsWith("ACH ratings"))).toBe(true);
    expect(first.objects.some((o) => o.type === "note" && String(o.abstract).startsWith("Dissent by Rui Reviewer"))).toBe(true);
    expect(first.objects.some((o) => o.type === "note" && String(o.abstract).startsWith("Review of the judgment"))).toBe(true);
  });

  it("refuses a record that refers to what the bundle does not hold: a clear 422, nothing stored", async () => {
    const before = { cases: await db.case.count(), events: await db.event.count(), recorded: await db.recordedHistory.count() };
    const attempt = async (mutate: (r: CasefileRecord) => void) => {
      const b = structuredClone(first);
      mutate(recordOf(b));
      return importStixBundle({ ctx: analyst, raw: JSON.stringify(b) }).then(
        () => null,
        (e: unknown) => e,
      );
    };
    const missingHypothesis = await attempt((r) => {
      r.ratings[0].hypothesisKey = "no-such-hypothesis";
    });
    expect(missingHypothesis).toBeInstanceOf(InvalidError);
    expect((missingHypothesis as InvalidError).message).toMatch(
      /ratings\.0\.hypothesisKey: refers to a hypothesis that is not in the bundle/,
    );
    const missingClaim = await attempt((r) => {
      r.events[0].claimKeys = ["no-such-claim"];
    });
    expect((missingClaim as InvalidError).message).toMatch(/events\.0\.claimKeys\.0: refers to a claim/);
    const badRating = await attempt((r) => {
      (r.ratings[0] as { rating: string }).rating = "maybe";
    });
    expect(badRating).toBeInstanceOf(InvalidError);
    const briefWithKey = await attempt((r) => {
      r.reviews.push({ ...r.reviews[0], targetType: "brief", targetKey: "x" });
    });
    expect((briefWithKey as InvalidError).message).toMatch(/the brief's review names no key/);
    const badActor = await attempt((r) => {
      r.history[0].snapshot = { ...r.history[0].snapshot, actorEntityId: "nobody" };
    });
    expect((badActor as InvalidError).message).toMatch(/snapshot\.actorEntityId: refers to an entity/);
    expect({ cases: await db.case.count(), events: await db.event.count(), recorded: await db.recordedHistory.count() }).toEqual(before);
  });

  it("works over HTTP as the README's two commands: GET …/export?format=archive, then POST /api/cases/import", async () => {
    const { token } = await createApiToken({ ctx: analyst, name: "round trip" });
    const headers = { authorization: `Bearer ${token}` };
    const got = await exportRoute(new NextRequest(`http://localhost/api/cases/${albania.caseId}/export?format=archive`, { headers }), {
      params: Promise.resolve({ caseId: albania.caseId }),
    });
    expect(got.status).toBe(200);
    expect(got.headers.get("content-type")).toBe("application/stix+json;version=2.1");
    const raw = await got.text();
    const posted = await importRoute(
      new NextRequest("http://localhost/api/cases/import", {
        method: "POST",
        headers: { ...headers, "content-type": "application/json" },
        body: raw,
      }),
      { params: Promise.resolve({}) },
    );
    expect(posted.status).toBe(201);
    const { case: copy } = (await posted.json()) as { case: { id: string } };
    expect(caseArchiveDigest(await exportCaseArchive({ access: { caseId: copy.id, role: "owner" } }))).toBe(
      caseArchiveDigest(JSON.parse(raw)),
    );

    const hostile = JSON.parse(raw) as StixBundle;
    recordOf(hostile).ratings[0].claimKey = "gone";
    const before = await db.case.count();
    const refused = await importRoute(
      new NextRequest("http://localhost/api/cases/import", {
        method: "POST",
        headers: { ...headers, "content-type": "application/json" },
        body: JSON.stringify(hostile),
      }),
      { params: Promise.resolve({}) },
    );
    expect(refused.status).toBe(422);
    const body = (await refused.json()) as { error: { issues: { path: string; message: string }[] } };
    expect(body.error.issues[0]).toEqual({
      path: expect.stringMatching(/\.extensions\.extension-definition--[0-9a-f-]+\.ratings\.0\.claimKey$/),
      message: "refers to a claim that is not in the bundle",
    });
    expect(await db.case.count()).toBe(before);
  });
});
