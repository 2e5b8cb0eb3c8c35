// Issue 12, "Who said it first": a claim's originator apart from the documents that relay it,
// independence counted over originators and each quote's own source, containment near-duplicates,
// the contradiction warning, and a reliability rule that ignores the order of the quotes.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createPastedDocument } from "@/lib/documents/create-document";
import { assignDocumentSource } from "@/lib/sources/assign-document-source";
import { createSource } from "@/lib/sources/create-source";
import { createClaim } from "@/lib/claims/create-claim";
import { updateClaim } from "@/lib/claims/update-claim";
import { getClaim } from "@/lib/claims/claim-details";
import { createClaimLink } from "@/lib/claims/claim-links";
import { claimReliability } from "@/lib/claims/reliability";
import { InvalidError, NotFoundError } from "@/lib/errors";
import type { Ctx } from "@/lib/auth/actor";
import type { CaseAccess } from "@/lib/cases/require-case-access";
import { makeCase, makeUser } from "../support/factories";

const words = (n: number) => Array.from({ length: n }, () => `w${randomBytes(3).toString("hex")}`).join(" ");

async function doc({
  ctx,
  access,
  title,
  sourceId,
  text = `${words(40)}.`,
}: {
  ctx: Ctx;
  access: CaseAccess;
  title: string;
  sourceId?: string;
  text?: string;
}) {
  const { document } = await createPastedDocument({ ctx, access, input: { title, text } });
  if (sourceId) await assignDocumentSource({ ctx, access, documentId: document.id, input: { sourceId } });
  return { id: document.id, text };
}

async function setup() {
  const ana = await makeUser({ name: "Ana" });
  const c = await makeCase({ owner: ana });
  const access: CaseAccess = { caseId: c.id, role: "owner" };
  const source = (name: string, kind: "outlet" | "vendor" | "government", reliability: "A" | "B" | "C" | "D") =>
    createSource({ ctx: ana, access, input: { name, kind, reliability, rationale: `${name} record.` } });
  const sources = {
    microsoft: await source("Microsoft", "vendor", "B"),
    upi: await source("UPI", "outlet", "D"),
    reuters: await source("Reuters", "outlet", "B"),
    rama: await source("Office of the Prime Minister", "government", "C"),
  };
  return { ana, access, sources };
}

const quote = (d: { id: string; text: string }, n = 6) => ({ documentId: d.id, exact: d.text.split(" ").slice(0, n).join(" ") });

describe("a claim's originator", () => {
  it("is stored apart from the relaying documents, names the claimant when none is given, and is audited when changed", async () => {
    const { ana, access, sources } = await setup();
    const column = await doc({ ctx: ana, access, title: "UPI column", sourceId: sources.upi.id });
    const claim = await createClaim({
      ctx: ana,
      access,
      input: {
        statement: "Iran's MOIS was behind the attack.",
        originatorSourceId: sources.microsoft.id,
        kind: "assessment",
        credibility: 2,
        excerpts: [quote(column)],
      },
    });
    expect(claim).toMatchObject({
      claimant: "Microsoft",
      originator: { id: sources.microsoft.id, name: "Microsoft", reliability: "B" },
      source: { name: "UPI" },
    });
    expect((await getClaim({ access, claimId: claim.id })).originator?.name).toBe("Microsoft");

    // Without an originator the claimant defaults to the quoted document's source.
    const plain = await createClaim({
      ctx: ana,
      access,
      input: { statement: "UPI says so.", kind: "allegation", credibility: 3, excerpts: [quote(column, 4)] },
    });
    expect(plain.claimant).toBe("UPI");
    expect(plain.originator).toBeNull();

    // With neither, the claimant field says why it is needed.
    const loose = await doc({ ctx: ana, access, title: "Unsourced note" });
    const err = await createClaim({
      ctx: ana,
      access,
      input: { statement: "Someone says so.", kind: "allegation", credibility: 3, excerpts: [quote(loose)] },
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidError);
    expect((err as InvalidError).issues).toEqual([{ path: "claimant", message: expect.stringMatching(/Say who makes this claim/) }]);

    // Another case's source is not found, on create and on update, and nothing is written.
    const other = await makeCase({ owner: ana, title: "Other" });
    const foreign = await createSource({
      ctx: ana,
      access: { caseId: other.id, role: "owner" },
      input: { name: "Foreign", kind: "outlet", reliability: "C", rationale: "r" },
    });
    await expect(
      createClaim({
        ctx: ana,
        access,
        input: {
          statement: "x",
          claimant: "x",
          kind: "fact",
          credibility: 3,
          originatorSourceId: foreign.id,
          excerpts: [quote(column, 3)],
        },
      }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      updateClaim({ ctx: ana, access, claimId: plain.id, input: { version: 1, originatorSourceId: foreign.id } }),
    ).rejects.toBeInstanceOf(NotFoundError);
    // …and the database itself refuses it (trigger claims_originator_same_case).
    await expect(db.$executeRaw`UPDATE claims SET originator_source_id = ${foreign.id}::uuid WHERE id = ${plain.id}::uuid`).rejects.toThrow(
      /another case/,
    );

    await updateClaim({ ctx: ana, access, claimId: plain.id, input: { version: 1, originatorSourceId: sources.reuters.id } });
    await updateClaim({ ctx: ana, access, claimId: plain.id, input: { version: 2, originatorSourceId: null } });
    const audits = await db.auditEvent.findMany({ where: { targetId: plain.id, action: "claim.update" }, orderBy: { at: "asc" } });
    expect(
      audits.map((a) => [
        (a.before as { originatorSourceId: string | null }).originatorSourceId,
        (a.after as { originatorSourceId: string | null }).originatorSourceId,
      ]),
    ).toEqual([
      [null, sources.reuters.id],
      [sources.reuters.id, null],
    ]);
  });
});

describe("independence counts originators and each quote's own source", () => {
  it("counts a vendor report relayed by two outlets as one origin", async () => {
    const { ana, access, sources } = await setup();
    const column = await doc({ ctx: ana, access, title: "UPI column", sourceId: sources.upi.id });
    const wire = await doc({ ctx: ana, access, title: "Reuters story", sourceId: sources.reuters.id });
    const confirmed = await createClaim({
      ctx: ana,
      access,
      input: {
        statement: "MOIS did it.",
        originatorSourceId: sources.microsoft.id,
        kind: "assessment",
        credibility: 1,
        excerpts: [quote(column)],
      },
    });
    const relayed = await createClaim({
      ctx: ana,
      access,
      input: {
        statement: "MOIS did it (Reuters).",
        originatorSourceId: sources.microsoft.id,
        kind: "assessment",
        credibility: 2,
        excerpts: [quote(wire)],
      },
    });
    await createClaimLink({ ctx: ana, access, fromClaimId: relayed.id, input: { toClaimId: confirmed.id, kind: "corroborates" } });
    const detail = await getClaim({ access, claimId: confirmed.id });
    expect(detail.independence).toMatchObject({ origins: 1, warning: expect.stringMatching(/needs at least two independent origins/) });
    expect(detail.independence?.reasons).toEqual([
      { kind: "same-originator", claimIds: [confirmed.id, relayed.id], sourceId: sources.microsoft.id },
    ]);
  });

  it("gives a claim quoting two independent sources two origins, and warns when a claim contradicts it", async () => {
    const { ana, access, sources } = await setup();
    const pm = await doc({ ctx: ana, access, title: "PM statement", sourceId: sources.rama.id });
    const report = await doc({ ctx: ana, access, title: "Microsoft report", sourceId: sources.microsoft.id });
    const confirmed = await createClaim({
      ctx: ana,
      access,
      input: { statement: "Iran did it.", kind: "fact", credibility: 1, excerpts: [quote(pm), quote(report)] },
    });
    expect(confirmed.independence).toMatchObject({ origins: 2, warning: null, contradictedBy: [] });

    const embassy = await doc({ ctx: ana, access, title: "Embassy denial", sourceId: sources.upi.id });
    const denial = await createClaim({
      ctx: ana,
      access,
      input: { statement: "Iran denies it.", claimant: "Iranian Embassy", kind: "denial", credibility: 3, excerpts: [quote(embassy)] },
    });
    await createClaimLink({ ctx: ana, access, fromClaimId: denial.id, input: { toClaimId: confirmed.id, kind: "contradicts" } });
    const after = await getClaim({ access, claimId: confirmed.id });
    expect(after.independence).toMatchObject({
      origins: 2,
      contradictedBy: [denial.id],
      warning: expect.stringMatching(/another claim contradicts it/),
    });
  });

  it("catches a wire story inside a longer article (containment), and two outlets quoting the same passage", async () => {
    const { ana, access, sources } = await setup();
    const story = `${words(60)}.`;
    const wire = await doc({ ctx: ana, access, title: "Wire", sourceId: sources.reuters.id, text: story });
    const longer = await doc({
      ctx: ana,
      access,
      title: "Longer article",
      sourceId: sources.upi.id,
      text: `${words(80)}.\n\n${story}\n\n${words(80)}.`,
    });
    const a = await createClaim({
      ctx: ana,
      access,
      input: { statement: "A", claimant: "Reuters", kind: "fact", credibility: 1, excerpts: [quote(wire)] },
    });
    // A different sentence of the same story, so only the documents' containment can join them.
    const b = await createClaim({
      ctx: ana,
      access,
      input: {
        statement: "B",
        claimant: "UPI",
        kind: "fact",
        credibility: 2,
        excerpts: [{ documentId: longer.id, exact: story.split(" ").slice(30, 36).join(" ") }],
      },
    });
    await createClaimLink({ ctx: ana, access, fromClaimId: b.id, input: { toClaimId: a.id, kind: "corroborates" } });
    const detail = await getClaim({ access, claimId: a.id });
    expect(detail.independence?.origins).toBe(1);
    expect(detail.independence?.reasons[0]).toMatchObject({ kind: "near-duplicate-documents", documentIds: [wire.id, longer.id] });
  });
});

describe("a claim's reliability follows the stated rule, not the order of its quotes", () => {
  it("takes the best graded quote, shows each quote's own grade, and is the same in either order", async () => {
    const { ana, access, sources } = await setup();
    const column = await doc({ ctx: ana, access, title: "UPI column (D)", sourceId: sources.upi.id });
    const wire = await doc({ ctx: ana, access, title: "Reuters (B)", sourceId: sources.reuters.id });
    const loose = await doc({ ctx: ana, access, title: "Unsourced (ungraded)" });
    const one = await createClaim({
      ctx: ana,
      access,
      input: { statement: "One", claimant: "x", kind: "fact", credibility: 2, excerpts: [quote(loose), quote(column), quote(wire)] },
    });
    const two = await createClaim({
      ctx: ana,
      access,
      input: {
        statement: "Two",
        claimant: "x",
        kind: "fact",
        credibility: 2,
        excerpts: [quote(wire, 5), quote(column, 5), quote(loose, 5)],
      },
    });
    for (const id of [one.id, two.id]) {
      const c = await getClaim({ access, claimId: id });
      expect(c).toMatchObject({ reliability: "B", grade: "B2", source: { name: "Reuters" } });
      expect(c.reliabilityRule).toMatch(/best grade/);
      expect(c.excerpts.map((e) => e.reliability ?? "ungraded").sort()).toEqual(["B", "D", "ungraded"]);
    }
    // The exported function other code (the STIX export) calls.
    const graded = (reliability: "A" | "D", retractedAt: Date | null = null) => ({
      document: { reliabilityOverride: null, retractedAt, source: { reliability } },
    });
    expect(claimReliability([graded("D"), graded("A")])).toBe("A");
    expect(claimReliability([graded("A", new Date()), graded("D")])).toBe("D");
    // No graded quote: ungraded (null), which is not F.
    expect(claimReliability([])).toBeNull();
    expect(claimReliability([{ document: { reliabilityOverride: null, source: null } }])).toBeNull();
  });
});
