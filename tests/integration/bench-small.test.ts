// The benchmark's generator in small mode (BENCH_SIZE=small: 1,000 documents, 10 cases, 2,000 claims,
// 5 users) loaded into this test's own database, and its answers checked: counts, every excerpt anchored
// in its document's text, determinism, the membership distribution, chunks written by the trigger, and
// the planted rare term found by the real search service for a member and never for a non-member.
// No HTTP server and no timings: `npm run bench` measures those.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { search } from "@/lib/search/search";
import { anchorExcerpt } from "@/lib/claims/verify-excerpt";
import type { Actor } from "@/lib/auth/actor";
import {
  corpusConfig,
  documentSpec,
  memberships,
  plantedDocs,
  RARE_TERM,
  sha256Hex,
  documentBytes,
  userEmail,
} from "../../scripts/bench/corpus";
import { corpusIds, generateCorpus, type GenerateResult } from "../../scripts/bench/generate";
import { makeUser } from "../support/factories";

const cfg = corpusConfig("small");
const ids = corpusIds(cfg);
let result: GenerateResult;

const actorFor = async (u: number): Promise<Actor> => {
  const user = await db.user.findUniqueOrThrow({ where: { email: userEmail(u) } });
  return { id: user.id, email: user.email, name: user.name, isAdmin: user.isAdmin };
};

describe("benchmark corpus generator (small mode)", () => {
  beforeAll(async () => {
    result = await generateCorpus({ databaseUrl: process.env.DATABASE_URL!, cfg });
  }, 120_000);

  it("loads exactly the configured counts, with one blob and one chunk per document", () => {
    expect(result.reused).toBe(false);
    expect(result.counts).toEqual({
      users: 5,
      cases: 10,
      memberships: 10 + 5 * 2,
      documents: 1000,
      blobs: 1000,
      chunks: 1000,
      claims: 2000,
      excerpts: 2000,
      sources: 50,
      entities: 80,
    });
  });

  it("stores each document's bytes as a blob whose key is their SHA-256, with text_sha256 of the text", async () => {
    const rows = await db.$queryRaw<{ ok: boolean; n: number }[]>`
      SELECT bool_and(b.sha256 = encode(sha256(b.bytes), 'hex') AND d.text_sha256 = encode(sha256(convert_to(d.text, 'UTF8')), 'hex')
                      AND d.size_bytes = b.size AND convert_from(b.bytes, 'UTF8') = d.text) AS ok, count(*)::int AS n
      FROM documents d JOIN blobs b ON b.sha256 = d.sha256 JOIN cases c ON c.id = d.case_id WHERE c.slug LIKE ${`bench-${cfg.seed}-%`}`;
    expect(rows[0]).toEqual({ ok: true, n: 1000 });
  });

  it("anchors every excerpt: exact = text.slice(start, end) of a document of the claim's own case", async () => {
    const excerpts = await db.excerpt.findMany({
      where: { claim: { case: { slug: { startsWith: `bench-${cfg.seed}-` } } } },
      select: {
        start: true,
        end: true,
        exact: true,
        prefix: true,
        suffix: true,
        documentId: true,
        claim: { select: { caseId: true } },
        document: { select: { text: true, caseId: true } },
      },
    });
    expect(excerpts).toHaveLength(2000);
    for (const e of excerpts) {
      expect(e.document.caseId).toBe(e.claim.caseId);
      expect(e.document.text.slice(e.start, e.end)).toBe(e.exact);
      // The app's own check (the one POST /claims runs) accepts it and computes the same context.
      const anchored = anchorExcerpt({
        text: e.document.text,
        excerpt: { documentId: e.documentId, start: e.start, end: e.end, exact: e.exact },
        path: "bench",
      });
      expect({ prefix: anchored.prefix, suffix: anchored.suffix }).toEqual({ prefix: e.prefix, suffix: e.suffix });
    }
  });

  it("is deterministic: the same seed regenerates the first 10 documents byte for byte, another seed does not", async () => {
    const stored = await db.document.findMany({
      where: { id: { in: Array.from({ length: 10 }, (_, i) => ids.document(i)) } },
      select: { id: true, sha256: true },
    });
    expect(stored).toHaveLength(10);
    const byId = new Map(stored.map((d) => [d.id, d.sha256]));
    const again = Array.from({ length: 10 }, (_, i) => sha256Hex(documentBytes(documentSpec(cfg, i))));
    expect(Array.from({ length: 10 }, (_, i) => byId.get(ids.document(i)))).toEqual(again);
    const other = corpusConfig("small", cfg.seed + 1);
    const otherHashes = Array.from({ length: 10 }, (_, i) => sha256Hex(documentBytes(documentSpec(other, i))));
    expect(otherHashes.filter((h) => again.includes(h))).toEqual([]);
  });

  it("gives every case exactly one owner and every user the same number of memberships in mixed roles", async () => {
    const rows = await db.caseMember.findMany({
      where: { case: { slug: { startsWith: `bench-${cfg.seed}-` } } },
      select: { caseId: true, userId: true, role: true },
    });
    expect(rows).toHaveLength(memberships(cfg).length);
    const owners = new Map<string, number>();
    const perUser = new Map<string, number>();
    for (const r of rows) {
      if (r.role === "owner") owners.set(r.caseId, (owners.get(r.caseId) ?? 0) + 1);
      perUser.set(r.userId, (perUser.get(r.userId) ?? 0) + 1);
    }
    expect(owners.size).toBe(cfg.cases);
    expect([...owners.values()].every((n) => n === 1)).toBe(true);
    expect([...perUser.values()]).toEqual(Array(cfg.users).fill(cfg.cases / cfg.users + cfg.extraMembershipsPerUser));
    // Non-owner roles are mixed, not all the same.
    expect(new Set(rows.filter((r) => r.role !== "owner").map((r) => r.role)).size).toBeGreaterThan(1);
    // Each user's case list is what the pure plan says (the benchmark relies on it without asking the database).
    const planned = memberships(cfg)
      .map((m) => `${ids.case(m.caseIndex)}:${ids.user(m.userIndex)}:${m.role}`)
      .sort();
    expect(rows.map((r) => `${r.caseId}:${r.userId}:${r.role}`).sort()).toEqual(planned);
  });

  it("finds the planted rare term in exactly its three documents for a member, and nothing for a non-member", async () => {
    const planted = plantedDocs(cfg)
      .map((i) => ids.document(i))
      .sort();
    // User 0 owns case 0 and case `users` (5), which hold the three planted documents.
    const member = await actorFor(0);
    const hits = await search({ actor: member, query: { q: RARE_TERM, kind: "document", pageSize: 100 } });
    expect(hits.results.map((r) => r.id).sort()).toEqual(planted);
    expect(hits.counts.document).toBe(3);
    expect(hits.results.every((r) => r.snippet.includes(`<mark>${RARE_TERM}</mark>`))).toBe(true);

    const outsider = (await makeUser({ name: "Not a member" })).actor;
    const none = await search({ actor: outsider, query: { q: RARE_TERM } });
    expect(none).toMatchObject({ results: [], total: 0, counts: { document: 0, claim: 0, entity: 0, source: 0 } });

    // A bench user who is not in case 0 or 5 (if the plan has one) sees none either, even with access to other bench cases.
    const notIn = Array.from({ length: cfg.users }, (_, u) => u).find(
      (u) => !memberships(cfg).some((m) => m.userIndex === u && (m.caseIndex === 0 || m.caseIndex === cfg.users)),
    );
    if (notIn !== undefined) {
      const other = await search({ actor: await actorFor(notIn), query: { q: RARE_TERM, kind: "document" } });
      expect(other.total).toBe(0);
    }
  });

  it("reuses an already loaded corpus instead of loading it twice", async () => {
    const again = await generateCorpus({ databaseUrl: process.env.DATABASE_URL!, cfg });
    expect(again.reused).toBe(true);
    expect(again.counts).toEqual(result.counts);
  });
});
