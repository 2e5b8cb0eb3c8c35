import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createPastedDocument } from "@/lib/documents/create-document";
import { createClaim } from "@/lib/claims/create-claim";
import { loadClaimDetails } from "@/lib/claims/claim-details";
import { CONTEXT_CHARS } from "@/lib/claims/verify-excerpt";
import { InvalidError, NotFoundError } from "@/lib/errors";
import { makeCase, makeUser } from "../support/factories";

const TEXT = [
  "Prime Minister Edi Rama said the “same aggressors” struck again — the damage ran to £10m.",
  "Servers in Shqipëri and Kuçovë were wiped; وزارت اطلاعات was named as the sponsor 😀.",
  "Mandiant assesses with moderate confidence that HomeLand Justice acted for Iran.",
  "The embassy denied it. The embassy denied it.",
].join("\n");
const at = (exact: string) => ({ start: TEXT.indexOf(exact), end: TEXT.indexOf(exact) + exact.length, exact });

async function setup() {
  const ana = await makeUser({ name: "Ana" });
  const c = await makeCase({ owner: ana, title: "Albania 2022" });
  const access = { caseId: c.id, role: "owner" as const };
  const { document: doc } = await createPastedDocument({
    ctx: ana,
    access: { caseId: c.id, role: "owner" },
    input: { title: "Wire report", text: TEXT },
  });
  return { ana, c, access, doc };
}

const claimInput = (documentId: string, excerpt: { start?: number; end?: number; exact: string }) => ({
  statement: "HomeLand Justice acted for Iran.",
  claimant: "Mandiant",
  kind: "assessment" as const,
  credibility: 3,
  excerpts: [{ documentId, ...excerpt }],
});

async function counts(caseId: string) {
  const [claims, excerpts, audits] = await Promise.all([
    db.claim.count({ where: { caseId } }),
    db.excerpt.count({ where: { claim: { caseId } } }),
    db.auditEvent.count({ where: { caseId, action: "claim.create" } }),
  ]);
  return { claims, excerpts, audits };
}

async function refusal(p: Promise<unknown>) {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(InvalidError);
  expect((err as InvalidError).status).toBe(422);
  return (err as InvalidError).issues ?? [];
}

describe("claims anchored to excerpts", () => {
  it("round-trips an excerpt that sits after curly quotes, an em dash, £, Albanian and Persian letters and an emoji", async () => {
    const { ana, access, c, doc } = await setup();
    const quote = at("Mandiant assesses with moderate confidence that HomeLand Justice");
    // Sanity: the UTF-16 offset differs from the code-point and UTF-8 byte offsets, which is the point.
    expect([...TEXT.slice(0, quote.start)].length).toBeLessThan(quote.start);
    expect(Buffer.byteLength(TEXT.slice(0, quote.start))).toBeGreaterThan(quote.start);

    const created = await createClaim({ ctx: ana, access, input: claimInput(doc.id, quote) });
    const [detail] = await loadClaimDetails({ access: { caseId: c.id, role: "owner" }, claimIds: [created.id] });
    expect(detail.excerpts).toHaveLength(1);
    const e = detail.excerpts[0];
    expect({ start: e.start, end: e.end, exact: e.exact }).toEqual(quote);
    expect(TEXT.slice(e.start, e.end)).toBe(e.exact);
    expect(e.prefix).toBe(TEXT.slice(quote.start - CONTEXT_CHARS, quote.start));
    expect(e.prefix).toContain("😀");
    expect(e.suffix).toBe(TEXT.slice(quote.end, quote.end + CONTEXT_CHARS));
    expect(e.documentId).toBe(doc.id);
    // The POST answer is built from the write itself (no re-read): it must equal what a read returns.
    expect(created).toEqual(detail);
  });

  it("writes the claim, its quotes, entity tags, the case's updated_at and one audit event together", async () => {
    const { ana, access, c, doc } = await setup();
    const entity = await db.entity.create({ data: { caseId: c.id, name: "HomeLand Justice", kind: "intrusion_set" } });
    const before = (await db.case.findUniqueOrThrow({ where: { id: c.id } })).updatedAt;
    const quote = at("Mandiant assesses with moderate confidence that HomeLand Justice");
    const created = await createClaim({
      ctx: { ...ana, requestId: "req-claim-1" },
      access,
      input: { ...claimInput(doc.id, quote), credibility: 1, entityIds: [entity.id] },
    });
    expect(created.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(created.entities).toEqual([{ id: entity.id, name: "HomeLand Justice", kind: "intrusion_set" }]);
    // "1 – Confirmed" on a single origin is flagged at once.
    expect(created.independence).toMatchObject({ origins: 1 });
    expect(created.independence?.warning).toBeTruthy();
    expect(await db.claimEntity.count({ where: { claimId: created.id } })).toBe(1);
    expect((await db.case.findUniqueOrThrow({ where: { id: c.id } })).updatedAt.getTime()).toBeGreaterThan(before.getTime());
    const events = await db.auditEvent.findMany({ where: { targetId: created.id, action: "claim.create" } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: ana.actor.id, caseId: c.id, targetType: "claim", requestId: "req-claim-1" });
    expect(events[0].after).toMatchObject({
      statement: created.statement,
      entityIds: [entity.id],
      excerpts: [{ exact: quote.exact, start: quote.start }],
    });
    const [read] = await loadClaimDetails({ access: { caseId: c.id, role: "owner" }, claimIds: [created.id] });
    expect(created).toEqual(read);
  });

  it("refuses an excerpt whose words are not the stored text at its offsets, and stores nothing", async () => {
    const { ana, access, c, doc } = await setup();
    const before = await counts(c.id);
    const { start, end } = at("Shqipëri and Kuçovë");
    const issues = await refusal(
      createClaim({ ctx: ana, access, input: claimInput(doc.id, { start, end, exact: "Shqiperi and Kucove" }) }),
    );
    expect(issues[0].path).toBe("excerpts.0.exact");
    // Offsets shifted by one, as a byte/code-point confusion would produce.
    await refusal(
      createClaim({ ctx: ana, access, input: claimInput(doc.id, { start: start + 1, end: end + 1, exact: "Shqipëri and Kuçovë" }) }),
    );
    // One bad quote among good ones: all or nothing.
    const good = at("“same aggressors”");
    await refusal(
      createClaim({
        ctx: ana,
        access,
        input: {
          ...claimInput(doc.id, good),
          excerpts: [
            { documentId: doc.id, ...good },
            { documentId: doc.id, start: 0, end: 5, exact: "Rama!" },
          ],
        },
      }),
    );
    expect(await counts(c.id)).toEqual(before);
  });

  it("refuses offsets outside the document and a range that splits a surrogate pair", async () => {
    const { ana, access, c, doc } = await setup();
    const before = await counts(c.id);
    const outside = await refusal(
      createClaim({
        ctx: ana,
        access,
        input: claimInput(doc.id, { start: TEXT.length - 3, end: TEXT.length + 2, exact: TEXT.slice(-3) + "xx" }),
      }),
    );
    expect(outside[0].path).toBe("excerpts.0.start");
    const emoji = TEXT.indexOf("😀");
    const half = await refusal(
      createClaim({
        ctx: ana,
        access,
        input: claimInput(doc.id, { start: emoji - 8, end: emoji + 1, exact: TEXT.slice(emoji - 8, emoji + 1) }),
      }),
    );
    expect(half[0].message).toMatch(/splits a character/);
    await refusal(
      createClaim({
        ctx: ana,
        access,
        input: claimInput(doc.id, { start: emoji + 1, end: emoji + 4, exact: TEXT.slice(emoji + 1, emoji + 4) }),
      }),
    );
    expect(await counts(c.id)).toEqual(before);
  });

  it("finds a quote given without offsets when it occurs once, and refuses it when it is ambiguous", async () => {
    const { ana, access, c, doc } = await setup();
    const unique = at("وزارت اطلاعات was named");
    const created = await createClaim({ ctx: ana, access, input: claimInput(doc.id, { exact: unique.exact }) });
    const [detail] = await loadClaimDetails({ access: { caseId: c.id, role: "owner" }, claimIds: [created.id] });
    expect({ start: detail.excerpts[0].start, end: detail.excerpts[0].end }).toEqual({ start: unique.start, end: unique.end });

    const before = await counts(c.id);
    const ambiguous = await refusal(createClaim({ ctx: ana, access, input: claimInput(doc.id, { exact: "The embassy denied it." }) }));
    expect(ambiguous[0].path).toBe("excerpts.0.start");
    expect(ambiguous[0].message).toMatch(/more than once/);
    const missing = await refusal(createClaim({ ctx: ana, access, input: claimInput(doc.id, { exact: "Russia did it" }) }));
    expect(missing[0].message).toMatch(/does not occur/);
    expect(await counts(c.id)).toEqual(before);
  });

  it("treats a document from another case as not found and stores nothing in either case", async () => {
    const { ana, access, c } = await setup();
    const other = await setup();
    const before = await counts(c.id);
    const beforeOther = await counts(other.c.id);
    const quote = at("“same aggressors”");
    await expect(createClaim({ ctx: ana, access, input: claimInput(other.doc.id, quote) })).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      createClaim({ ctx: ana, access, input: claimInput("00000000-0000-4000-8000-000000000000", quote) }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await counts(c.id)).toEqual(before);
    expect(await counts(other.c.id)).toEqual(beforeOther);
  });

  it("writes exactly one audit row per created claim, naming the claim and the actor", async () => {
    const { ana, access, c, doc } = await setup();
    const first = await createClaim({ ctx: ana, access, input: claimInput(doc.id, at("“same aggressors”")) });
    const second = await createClaim({
      ctx: ana,
      access,
      input: { ...claimInput(doc.id, at("— the damage ran to £10m")), statement: "The damage ran to £10m." },
    });
    const rows = await db.auditEvent.findMany({ where: { caseId: c.id, action: "claim.create" }, orderBy: { at: "asc" } });
    expect(rows.map((r) => r.targetId).sort()).toEqual([first.id, second.id].sort());
    expect(rows.every((r) => r.actorId === ana.actor.id && r.targetType === "claim")).toBe(true);
    expect(await counts(c.id)).toEqual({ claims: 2, excerpts: 2, audits: 2 });
  });
});
