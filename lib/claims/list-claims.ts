import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CaseAccess } from "@/lib/cases/require-case-access";
import { ClaimListQuerySchema, type ClaimListQuery } from "./schemas";
import { loadClaimDetails } from "./claim-details";
import { CLAIM_EXCERPT_GRADE } from "./claim-grade-sql";
import { claimIdsWithHealth } from "@/lib/cases/evidence-health";

// The grade a claim shows follows CLAIM_RELIABILITY_RULE (lib/claims/reliability.ts): the best grade
// among its quotes' documents (override, else source), retracted ones left out, else F.
const ORDER: Record<string, Prisma.Sql> = {
  created: Prisma.sql`c.created_at`,
  credibility: Prisma.sql`c.credibility`,
  reliability: Prisma.sql`p.reliability`,
  kind: Prisma.sql`c.kind`,
  status: Prisma.sql`c.status`,
  statement: Prisma.sql`lower(c.statement)`,
  source: Prisma.sql`lower(p.source_name)`,
};

/** One page of a case's claims, filtered and sorted in SQL, with the details the table shows. */
export async function listClaims({ access, query }: { access: CaseAccess; query: ClaimListQuery }) {
  const q = ClaimListQuerySchema.parse(query);
  const where: Prisma.Sql[] = [Prisma.sql`c.case_id = ${access.caseId}::uuid`];
  // Retracted claims are kept but hidden unless asked for (?include=retracted).
  if (q.include !== "retracted") where.push(Prisma.sql`c.retracted_at IS NULL`);
  if (q.kind) where.push(Prisma.sql`c.kind = ${q.kind}::"ClaimKind"`);
  if (q.status) where.push(Prisma.sql`c.status = ${q.status}::"ClaimStatus"`);
  if (q.credibility) where.push(Prisma.sql`c.credibility = ${q.credibility}`);
  if (q.reliability === "none") where.push(Prisma.sql`p.reliability IS NULL`);
  else if (q.reliability) where.push(Prisma.sql`p.reliability = ${q.reliability}`);
  if (q.health) {
    const ids = await claimIdsWithHealth({ access, health: q.health });
    where.push(Prisma.sql`c.id = ANY(${ids}::uuid[])`);
  }
  if (q.sourceId)
    where.push(
      Prisma.sql`EXISTS (SELECT 1 FROM excerpts e JOIN documents d ON d.id = e.document_id WHERE e.claim_id = c.id AND d.source_id = ${q.sourceId}::uuid)`,
    );
  if (q.documentId)
    where.push(Prisma.sql`EXISTS (SELECT 1 FROM excerpts e WHERE e.claim_id = c.id AND e.document_id = ${q.documentId}::uuid)`);
  if (q.entityId)
    where.push(Prisma.sql`EXISTS (SELECT 1 FROM claim_entities ce WHERE ce.claim_id = c.id AND ce.entity_id = ${q.entityId}::uuid)`);
  // The search words are matched literally: % and _ typed by the user are not wildcards.
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    where.push(Prisma.sql`(c.statement ILIKE ${like} OR c.claimant ILIKE ${like})`);
  }
  const dir = q.dir === "asc" ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  const from = Prisma.sql`
    FROM claims c
    LEFT JOIN LATERAL (
      SELECT ${CLAIM_EXCERPT_GRADE} AS reliability, s.name AS source_name
      FROM excerpts e JOIN documents d ON d.id = e.document_id LEFT JOIN sources s ON s.id = d.source_id
      WHERE e.claim_id = c.id ORDER BY 1, e.position LIMIT 1
    ) p ON true
    WHERE ${Prisma.join(where, " AND ")}`;
  const rows = await db.$queryRaw<{ id: string; total: bigint }[]>`
    SELECT c.id, count(*) OVER () AS total ${from}
    ORDER BY ${ORDER[q.sort]} ${dir} NULLS LAST, c.id ${dir}
    LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`;
  // A page past the end has no rows to carry the window count; only then is a separate count needed,
  // and it must apply the same filters (it once counted the whole case, so "page 9 of 40" lied).
  let total = rows.length ? Number(rows[0].total) : 0;
  if (!rows.length && q.page > 1) total = Number((await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n ${from}`)[0].n);
  const claims = await loadClaimDetails({ access, claimIds: rows.map((r) => r.id) });
  return { claims, total, page: q.page, pageSize: q.pageSize, pages: Math.max(1, Math.ceil(total / q.pageSize)) };
}
