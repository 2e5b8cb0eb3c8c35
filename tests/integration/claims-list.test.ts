import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createPastedDocument } from "@/lib/documents/create-document";
import { createEntity } from "@/lib/entities/create-entity";
import { assignDocumentSource } from "@/lib/sources/assign-document-source";
import { createSource } from "@/lib/sources/create-source";
import { createClaim } from "@/lib/claims/create-claim";
import { listClaims } from "@/lib/claims/list-claims";
import { updateClaim } from "@/lib/claims/update-claim";
import { getClaim } from "@/lib/claims/claim-details";
import { createClaimLink, deleteClaimLink } from "@/lib/claims/claim-links";
import { assessIndependence } from "@/lib/claims/assess-independence";
import { ConflictError, InvalidError, NotFoundError } from "@/lib/errors";
import type { Ctx } from "@/lib/auth/actor";
import type { CaseAccess } from "@/lib/cases/require-case-access";
import { makeCase, makeUser } from "../support/factories";

// Random words, so no two documents look like near-duplicates and every sentence occurs once.
const sentence = () => Array.from({ length: 8 }, () => `w${randomBytes(3).toString("hex")}`).join(" ") + ".";

type Doc = { id: string; quotes: string[] };
async function makeDoc({
  ctx,
  access,
  title,
  sourceId,
  override,
}: {
  ctx: Ctx;
  access: CaseAccess;
  title: string;
  sourceId?: string;
  override?: "A" | "B" | "C" | "D" | "E" | "F";
}): Promise<Doc> {
  const quotes = Array.from({ length: 12 }, sentence);
  const { document } = await createPastedDocument({ ctx, access, input: { title, text: quotes.join(" ") } });
  if (sourceId)
    await assignDocumentSource({
      ctx,
      access,
      documentId: document.id,
      input: { sourceId, reliabilityOverride: override ?? null, overrideReason: override ? "This issue was ghost-written." : null },
    });
  return { id: document.id, quotes };
}

let quoteCursor = 0;
async function claim({
  ctx,
  access,
  docs,
  statement,
  kind = "fact",
  credibility = 3,
  status = "draft",
  entityIds = [],
}: {
  ctx: Ctx;
  access: CaseAccess;
  docs: Doc[];
  statement: string;
  kind?: "fact" | "allegation" | "assessment" | "denial";
  credibility?: number;
  status?: "draft" | "accepted" | "disputed" | "rejected";
  entityIds?: string[];
}) {
  const i = quoteCursor++ % 12;
  const c = await createClaim({
    ctx,
    access,
    input: {
      statement,
      claimant: "Analyst test",
      kind,
      credibility,
      status,
      entityIds,
      excerpts: docs.map((d) => ({ documentId: d.id, exact: d.quotes[i] })),
    },
  });
  return c.id;
}

async function setup() {
  const ana = await makeUser({ name: "Ana" });
  const c = await makeCase({ owner: ana });
  const access: CaseAccess = { caseId: c.id, role: "owner" };
  const wire = await createSource({
    ctx: ana,
    access,
    input: { name: "Wire agency", kind: "outlet", reliability: "B", rationale: "Long record." },
  });
  const vendor = await createSource({
    ctx: ana,
    access,
    input: { name: "Vendor lab", kind: "vendor", reliability: "A", rationale: "Shows its work." },
  });
  const blog = await createSource({
    ctx: ana,
    access,
    input: { name: "Blog", kind: "person", reliability: "C", rationale: "Mixed record." },
  });
  const docs = {
    wire1: await makeDoc({ ctx: ana, access, title: "Wire 1", sourceId: wire.id }),
    wire2: await makeDoc({ ctx: ana, access, title: "Wire 2", sourceId: wire.id }),
    // A ghost-written wire story: the document's own grade overrides the source's B.
    wireGhost: await makeDoc({ ctx: ana, access, title: "Wire ghost", sourceId: wire.id, override: "D" }),
    vendor: await makeDoc({ ctx: ana, access, title: "Vendor report", sourceId: vendor.id }),
    blog: await makeDoc({ ctx: ana, access, title: "Blog post", sourceId: blog.id }),
    loose: await makeDoc({ ctx: ana, access, title: "Unsourced note" }),
  };
  return { ana, c, access, sources: { wire, vendor, blog }, docs };
}

describe("listClaims", () => {
  it("filters by kind, status, credibility, reliability (source or document override), entity, source and text", async () => {
    const { ana, access, sources, docs } = await setup();
    const mois = await createEntity({ ctx: ana, access, input: { kind: "organization", name: "MOIS" } });
    const a = await claim({
      ctx: ana,
      access,
      docs: [docs.wire1],
      statement: "Wire fact",
      kind: "fact",
      credibility: 2,
      status: "accepted",
      entityIds: [mois.id],
    });
    const b = await claim({ ctx: ana, access, docs: [docs.wireGhost], statement: "Ghost allegation", kind: "allegation", credibility: 3 });
    const cc = await claim({
      ctx: ana,
      access,
      docs: [docs.vendor],
      statement: "Vendor assessment 100% sure",
      kind: "assessment",
      credibility: 2,
      status: "accepted",
      entityIds: [mois.id],
    });
    // First quote unsourced (grade F), second from the blog (C): the source filter matches any quote.
    const d = await claim({
      ctx: ana,
      access,
      docs: [docs.loose, docs.blog],
      statement: "Mixed denial",
      kind: "denial",
      credibility: 5,
      status: "disputed",
    });
    const ids = async (query: Parameters<typeof listClaims>[0]["query"]) =>
      (await listClaims({ access, query: { sort: "statement", dir: "asc", ...query } })).claims.map((x) => x.id);

    expect(await ids({})).toEqual([b, d, cc, a]);
    expect(await ids({ kind: "denial" })).toEqual([d]);
    expect(await ids({ status: "accepted" })).toEqual([cc, a]);
    expect(await ids({ credibility: 2, kind: "fact" })).toEqual([a]);
    expect(await ids({ reliability: "B" })).toEqual([a]);
    expect(await ids({ reliability: "D" })).toEqual([b]);
    // The best quote's grade, not the first one's (issue 12): the unsourced first quote (F) does not
    // hide the blog's C.
    expect(await ids({ reliability: "C" })).toEqual([d]);
    expect(await ids({ reliability: "F" })).toEqual([]);
    expect(await ids({ entityId: mois.id })).toEqual([cc, a]);
    expect(await ids({ sourceId: sources.blog.id })).toEqual([d]);
    expect(await ids({ sourceId: sources.wire.id })).toEqual([b, a]);
    expect(await ids({ q: "ghost" })).toEqual([b]);
    // % is matched literally, not as a wildcard.
    expect(await ids({ q: "100%" })).toEqual([cc]);
    expect(await ids({ q: "%" })).toEqual([cc]);

    const page = await listClaims({ access, query: { reliability: "D" } });
    expect(page.claims[0]).toMatchObject({ grade: "D3", reliability: "D", source: { name: "Wire agency" } });
  });

  it("sorts by reliability with ties in a stable order, and counts totals and pages under filters", async () => {
    const { ana, access, docs } = await setup();
    const made: { id: string; rel: string }[] = [];
    for (const [doc, rel] of [
      [docs.blog, "C"],
      [docs.vendor, "A"],
      [docs.wire1, "B"],
      [docs.vendor, "A"],
      [docs.wireGhost, "D"],
      [docs.wire2, "B"],
      [docs.loose, "ungraded"],
    ] as const) {
      made.push({
        id: await claim({ ctx: ana, access, docs: [doc], statement: `Claim graded ${rel}`, kind: rel === "A" ? "assessment" : "fact" }),
        rel,
      });
    }
    const expected = [...made].sort((x, y) => x.rel.localeCompare(y.rel) || x.id.localeCompare(y.id)).map((x) => x.id);
    const all = await listClaims({ access, query: { sort: "reliability", dir: "asc", pageSize: 50 } });
    expect(all.claims.map((x) => x.id)).toEqual(expected);
    // An ungraded claim (no source) is not F: it has no letter and sorts last either way.
    expect(all.claims.map((x) => x.reliability ?? "-").join("")).toBe("AABBCD-");
    const desc = await listClaims({ access, query: { sort: "reliability", dir: "desc" } });
    expect(desc.claims.map((x) => x.id)).toEqual([...expected.slice(0, -1).reverse(), expected.at(-1)]);

    // Pages cut the same order, with the total over all pages.
    const p1 = await listClaims({ access, query: { sort: "reliability", dir: "asc", pageSize: 3, page: 1 } });
    const p3 = await listClaims({ access, query: { sort: "reliability", dir: "asc", pageSize: 3, page: 3 } });
    expect([p1.total, p1.pages, p1.claims.length]).toEqual([7, 3, 3]);
    expect(p3.claims.map((x) => x.id)).toEqual(expected.slice(6));

    // Past the last page: no rows, but the total still counts only what the filter matches.
    const beyond = await listClaims({ access, query: { kind: "fact", pageSize: 2, page: 9 } });
    expect(beyond.claims).toEqual([]);
    expect([beyond.total, beyond.pages]).toEqual([5, 3]);
    const none = await listClaims({ access, query: { kind: "denial" } });
    expect([none.total, none.pages, none.claims.length]).toEqual([0, 1, 0]);
  });

  it("never shows another case's claims", async () => {
    const { ana, access, docs } = await setup();
    await claim({ ctx: ana, access, docs: [docs.wire1], statement: "Mine" });
    const other = await makeCase({ owner: ana, title: "Other" });
    const page = await listClaims({ access: { caseId: other.id, role: "owner" }, query: {} });
    expect(page.total).toBe(0);
  });
});

describe("updateClaim", () => {
  it("refuses a stale version with 409 carrying the current claim, and changes nothing", async () => {
    const { ana, access, docs } = await setup();
    const id = await claim({ ctx: ana, access, docs: [docs.wire1], statement: "Original statement" });
    await updateClaim({ ctx: ana, access, claimId: id, input: { version: 1, statement: "First editor's statement" } });
    const audits = await db.auditEvent.count({ where: { targetId: id, action: "claim.update" } });
    const err = await updateClaim({
      ctx: ana,
      access,
      claimId: id,
      input: { version: 1, statement: "Second editor's statement", credibility: 5 },
    }).catch((e) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect(err.status).toBe(409);
    expect(err.details.current).toMatchObject({ statement: "First editor's statement", credibility: 3, version: 2, entityIds: [] });
    const now = await getClaim({ access, claimId: id });
    expect([now.statement, now.credibility, now.version]).toEqual(["First editor's statement", 3, 2]);
    expect(await db.auditEvent.count({ where: { targetId: id, action: "claim.update" } })).toBe(audits);
  });

  it("refuses an empty statement field by field, and an unknown claim id as not found", async () => {
    const { ana, access, docs } = await setup();
    const id = await claim({ ctx: ana, access, docs: [docs.wire1], statement: "Keep me" });
    await expect(updateClaim({ ctx: ana, access, claimId: id, input: { version: 1, statement: "   " } })).rejects.toThrow(
      /Write the claim as a statement/,
    );
    expect((await getClaim({ access, claimId: id })).statement).toBe("Keep me");
    await expect(updateClaim({ ctx: ana, access, claimId: "not-a-uuid", input: { version: 1, statement: "x" } })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });
});

describe("claim links", () => {
  it("refuses self-links and duplicates (either direction), 404s another case's claim, and shows a link on both claims", async () => {
    const { ana, access, docs } = await setup();
    const a = await claim({ ctx: ana, access, docs: [docs.wire1], statement: "Rama: Iran did it" });
    const b = await claim({ ctx: ana, access, docs: [docs.vendor], statement: "Embassy denies it", kind: "denial" });
    await expect(
      createClaimLink({ ctx: ana, access, fromClaimId: a, input: { toClaimId: a, kind: "corroborates" } }),
    ).rejects.toBeInstanceOf(InvalidError);

    const link = await createClaimLink({ ctx: ana, access, fromClaimId: b, input: { toClaimId: a, kind: "contradicts" } });
    await expect(createClaimLink({ ctx: ana, access, fromClaimId: b, input: { toClaimId: a, kind: "contradicts" } })).rejects.toThrow(
      /already linked/,
    );
    await expect(createClaimLink({ ctx: ana, access, fromClaimId: a, input: { toClaimId: b, kind: "contradicts" } })).rejects.toThrow(
      /already linked/,
    );
    expect(await db.claimLink.count({ where: { caseId: access.caseId } })).toBe(1);

    const [ca, cb] = await Promise.all([getClaim({ access, claimId: a }), getClaim({ access, claimId: b })]);
    expect(ca.links).toEqual([
      expect.objectContaining({ id: link.id, kind: "contradicts", direction: "in", claimId: b, statement: "Embassy denies it" }),
    ]);
    expect(cb.links).toEqual([expect.objectContaining({ id: link.id, kind: "contradicts", direction: "out", claimId: a })]);

    // Another case's claim does not exist as far as this case is concerned.
    const other = await makeCase({ owner: ana, title: "Other case" });
    const otherAccess: CaseAccess = { caseId: other.id, role: "owner" };
    const otherDoc = await makeDoc({ ctx: ana, access: otherAccess, title: "Elsewhere" });
    const foreign = await claim({ ctx: ana, access: otherAccess, docs: [otherDoc], statement: "Foreign" });
    await expect(
      createClaimLink({ ctx: ana, access, fromClaimId: a, input: { toClaimId: foreign, kind: "corroborates" } }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      createClaimLink({ ctx: ana, access: otherAccess, fromClaimId: foreign, input: { toClaimId: a, kind: "corroborates" } }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteClaimLink({ ctx: ana, access: otherAccess, linkId: link.id })).rejects.toBeInstanceOf(NotFoundError);

    await deleteClaimLink({ ctx: ana, access, linkId: link.id });
    expect((await getClaim({ access, claimId: a })).links).toEqual([]);
    expect(await db.auditEvent.count({ where: { caseId: access.caseId, action: { in: ["claim.link", "claim.unlink"] } } })).toBe(2);
  });
});

describe("independence of a '1 Confirmed' claim", () => {
  it("counts a same-source corroboration as one origin, an independent one as two, and a 'repeats' link as one again", async () => {
    const { ana, access, docs } = await setup();
    const confirmed = await claim({ ctx: ana, access, docs: [docs.wire1], statement: "Iran did it (confirmed)", credibility: 1 });
    const sameSource = await claim({ ctx: ana, access, docs: [docs.wire2], statement: "Iran did it, says the wire again" });
    await createClaimLink({ ctx: ana, access, fromClaimId: sameSource, input: { toClaimId: confirmed, kind: "corroborates" } });
    let r = (await assessIndependence({ caseId: access.caseId, claims: [confirmed] })).get(confirmed)!;
    expect(r.origins).toBe(1);
    expect(r.warning).toMatch(/needs at least two independent origins/);
    expect(r.reasons.map((x) => x.kind)).toContain("same-source");
    expect((await getClaim({ access, claimId: confirmed })).independence?.warning).toBe(r.warning);

    const vendor = await claim({ ctx: ana, access, docs: [docs.vendor], statement: "Vendor: Iran did it" });
    const link = await createClaimLink({ ctx: ana, access, fromClaimId: confirmed, input: { toClaimId: vendor, kind: "corroborates" } });
    r = (await assessIndependence({ caseId: access.caseId, claims: [confirmed] })).get(confirmed)!;
    expect(r.origins).toBe(2);
    expect(r.warning).toBeNull();
    const listed = await listClaims({ access, query: { credibility: 1 } });
    expect(listed.claims[0].independence).toMatchObject({ origins: 2, warning: null });

    // The analyst finds the vendor only repeated the wire: one origin again.
    await createClaimLink({ ctx: ana, access, fromClaimId: vendor, input: { toClaimId: confirmed, kind: "repeats" } });
    r = (await assessIndependence({ caseId: access.caseId, claims: [confirmed] })).get(confirmed)!;
    expect(r.origins).toBe(1);
    expect(r.warning).not.toBeNull();
    expect(r.reasons.map((x) => x.kind)).toContain("repeats");

    // A contradiction is not corroboration, and removing the corroborating link removes its origin.
    await deleteClaimLink({ ctx: ana, access, linkId: link.id });
    expect((await assessIndependence({ caseId: access.caseId, claims: [confirmed] })).get(confirmed)!.origins).toBe(1);
  });

  it("does not grade claims that are not '1 Confirmed'", async () => {
    const { ana, access, docs } = await setup();
    const id = await claim({ ctx: ana, access, docs: [docs.wire1], statement: "Probably true", credibility: 2 });
    expect((await getClaim({ access, claimId: id })).independence).toBeNull();
  });
});

describe("updateClaim partial edits", () => {
  // Regression: a PATCH without sourceConfidence used to erase the stored "moderate confidence".
  it("leaves fields the request does not mention untouched, and clears one sent as null", async () => {
    const { makeUser, makeCase } = await import("../support/factories");
    const { createPastedDocument } = await import("@/lib/documents/create-document");
    const { createClaim } = await import("@/lib/claims/create-claim");
    const { updateClaim } = await import("@/lib/claims/update-claim");
    const { UpdateClaimSchema } = await import("@/lib/claims/schemas");
    const { db } = await import("@/lib/db");
    const ana = await makeUser();
    const c = await makeCase({ owner: ana });
    const access = { caseId: c.id, role: "owner" as const };
    const { document } = await createPastedDocument({
      ctx: ana,
      access: { caseId: c.id, role: "owner" },
      input: { title: "M", text: "Mandiant expressed “moderate confidence” in it." },
    });
    const claim = await createClaim({
      ctx: ana,
      access,
      input: {
        statement: "S",
        claimant: "Mandiant",
        kind: "assessment",
        credibility: 3,
        sourceConfidence: "moderate confidence",
        excerpts: [{ documentId: document.id, exact: "“moderate confidence”" }],
      },
    });
    await updateClaim({ ctx: ana, access, claimId: claim.id, input: UpdateClaimSchema.parse({ version: 1, statement: "S2" }) });
    expect(await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).toMatchObject({
      statement: "S2",
      sourceConfidence: "moderate confidence",
    });
    await updateClaim({ ctx: ana, access, claimId: claim.id, input: UpdateClaimSchema.parse({ version: 2, sourceConfidence: null }) });
    expect((await db.claim.findUniqueOrThrow({ where: { id: claim.id } })).sourceConfidence).toBeNull();
  });
});
