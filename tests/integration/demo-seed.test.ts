// The demo workspace is what a newcomer sees first: its evidence must be anchored and graded correctly.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, beforeAll } from "vitest";
import { db } from "@/lib/db";
import { seedDemo } from "../../scripts/lib/demo-seed";
import { loadClaimDetails } from "@/lib/claims/claim-details";
import { sha256Hex } from "@/lib/documents/hash";

let caseId: string;

beforeAll(async () => {
  await seedDemo({ log: () => {} });
  caseId = (await db.case.findFirstOrThrow({ where: { title: "2022 Albania government cyberattacks" } })).id;
}, 120_000);

describe("demo seed", () => {
  it("stores the seed files byte for byte, with graded sources (the opinion column as advocacy)", async () => {
    const docs = await db.document.findMany({ where: { caseId }, include: { source: true } });
    expect(docs).toHaveLength(3);
    for (const d of docs) {
      const original = readFileSync(path.resolve(__dirname, "../../../shared/seeds", d.originalName!));
      expect(d.sha256).toBe(sha256Hex(original));
      expect(d.source).not.toBeNull();
    }
    const upi = docs.find((d) => d.originalName!.startsWith("001_"))!;
    expect(upi.source).toMatchObject({ kind: "advocacy", reliability: "D" });
  });

  it("anchors every claim to a quote that is exactly what the document holds at its offsets", async () => {
    const excerpts = await db.excerpt.findMany({ where: { claim: { caseId } }, include: { document: { select: { text: true } } } });
    expect(excerpts.length).toBeGreaterThanOrEqual(10);
    for (const e of excerpts) expect(e.document.text.slice(e.start, e.end)).toBe(e.exact);
  });

  it("keeps the Iranian denial as a claim contradicting the attribution, and Mandiant's own confidence as quoted", async () => {
    const claims = await db.claim.findMany({ where: { caseId }, include: { linksFrom: true } });
    const denial = claims.find((c) => c.kind === "denial")!;
    const attribution = claims.find((c) => c.statement.startsWith("Albania and the United States hold Iran responsible"))!;
    expect(denial.linksFrom).toEqual([expect.objectContaining({ kind: "contradicts", toClaimId: attribution.id })]);
    expect(claims.find((c) => c.claimant === "Mandiant")?.sourceConfidence).toBe("moderate confidence");
  });

  it("backs its one 'Confirmed' claim with two independent origins", async () => {
    const confirmed = await db.claim.findMany({ where: { caseId, credibility: 1 }, select: { id: true } });
    expect(confirmed).toHaveLength(1);
    const [detail] = await loadClaimDetails({ access: { caseId, role: "owner" }, claimIds: [confirmed[0].id] });
    expect(detail.independence).toMatchObject({ origins: 2, warning: null });
    expect(detail.grade).toBe("C1");
  });

  it("has entities with aliases and a timeline", async () => {
    const mois = await db.entity.findFirstOrThrow({ where: { caseId, name: { contains: "MOIS" } } });
    expect(mois.aliases).toContain("Ministry of Intelligence");
    expect(await db.event.count({ where: { caseId } })).toBeGreaterThanOrEqual(4);
    const crime = await db.case.findFirstOrThrow({
      where: { title: "Albanian organised crime" },
      include: { members: { include: { user: true } }, documents: true },
    });
    expect(crime.members.map((m) => m.user.email)).toEqual(["investigator@example.com"]);
    expect(crime.documents).toHaveLength(2);
  });

  it("is idempotent", async () => {
    const before = await db.claim.count();
    await seedDemo({ log: () => {} });
    expect(await db.claim.count()).toBe(before);
    expect(await db.briefRelease.count()).toBe(1);
  });
});

describe("demo attribution", () => {
  it("has a question with four hypotheses side by side, one approved by the reviewer, one in review, one rejected with its reason", async () => {
    const q = await db.attributionQuestion.findFirstOrThrow({ where: { caseId }, include: { hypotheses: true } });
    expect(q.hypotheses).toHaveLength(4);
    const approved = q.hypotheses.filter((h) => h.reviewState === "approved");
    expect(approved).toHaveLength(1);
    const review = await db.review.findFirstOrThrow({
      where: { targetId: approved[0].id, decision: "approved" },
      include: { reviewer: true },
    });
    expect(review.reviewer?.email).toBe("reviewer@example.com");
    expect(review.contentHash).toBe(approved[0].approvedHash);
    expect(q.hypotheses.filter((h) => h.reviewState === "in_review")).toHaveLength(1);
    expect(q.hypotheses.find((h) => h.disposition === "rejected")?.rejectedReason).toMatch(/ransom/);
  });

  it("tags behaviour only where a quote describes it, and links HomeLand Justice to ATT&CK campaign C0038", async () => {
    const tags = await db.claimTechnique.findMany({ where: { caseId }, include: { claim: { include: { excerpts: true } } } });
    expect(tags.map((t) => t.techniqueId).sort()).toEqual(["T1114", "T1485"]);
    for (const t of tags) expect(t.claim.excerpts[0].exact).toMatch(/wipe digital systems.*electronic communications/);
    const hlj = await db.entity.findFirstOrThrow({ where: { caseId, name: "HomeLand Justice" } });
    expect(hlj.attackId).toBe("C0038");
  });

  it("ships release 1 of the brief: its approved judgment, approved by the demo reviewer and released by the analyst", async () => {
    const [release] = await db.briefRelease.findMany({
      where: { caseId },
      include: { releasedBy: true, approvedBy: true, review: true, files: { select: { format: true, bytes: true } } },
    });
    expect(release).toMatchObject({ number: 1 });
    expect(release.releasedBy.email).toBe("analyst@example.com");
    expect(release.approvedBy.email).toBe("reviewer@example.com");
    expect(release.review).toMatchObject({ targetType: "brief", decision: "approved", contentHash: release.contentHash });
    expect(release.review.submittedById).toBe(release.releasedById);
    const approved = await db.hypothesis.findFirstOrThrow({ where: { caseId, reviewState: "approved" } });
    expect((release.manifest as { judgments: { id: string }[] }).judgments.map((j) => j.id)).toEqual([approved.id]);
    expect(release.files.map((f) => f.format).sort()).toEqual(["docx", "md", "pdf", "stix"]);
    const stix = JSON.parse(Buffer.from(release.files.find((f) => f.format === "stix")!.bytes).toString("utf8"));
    expect(stix.objects.find((o: { type: string }) => o.type === "report")).toMatchObject({
      name: "2022 Albania government cyberattacks",
      x_casefile_brief: { release: 1, draft: false },
    });
    const audit = await db.auditEvent.findMany({ where: { caseId, action: { startsWith: "brief." } }, orderBy: { at: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["brief.submit", "brief.approve", "brief.release"]);
  });

  it("has a partly rated matrix with two raters", async () => {
    const raters = await db.achRating.groupBy({ by: ["raterId"], where: { hypothesis: { caseId } }, _count: true });
    expect(raters).toHaveLength(2);
    const claims = await db.claim.count({ where: { caseId } });
    const rated = await db.achRating.findMany({ where: { hypothesis: { caseId } }, distinct: ["claimId"], select: { claimId: true } });
    expect(rated.length).toBeGreaterThan(0);
    expect(rated.length).toBeLessThan(claims);
  });
});
