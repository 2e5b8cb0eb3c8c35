import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import type { CaseAccess } from "@/lib/cases/require-case-access";
import { defang, refang } from "./defang";
import { guessIndicator } from "./canonicalise";
import { IndicatorListQuerySchema, type IndicatorListQuery } from "./schemas";
import type { IndicatorType } from "./types";

const ORDER: Record<string, Prisma.Sql> = {
  created: Prisma.sql`i.created_at`,
  value: Prisma.sql`i.value`,
  type: Prisma.sql`i.type`,
  lastSeen: Prisma.sql`i.last_seen`,
  otherCases: Prisma.sql`other_cases`,
};

type Row = {
  id: string;
  type: IndicatorType;
  value: string;
  flags: string[];
  note: string;
  status: string;
  version: number;
  first_seen: Date | null;
  last_seen: Date | null;
  created_at: Date;
  quotes: number;
  other_cases: number;
  total: bigint;
};

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

/**
 * One page of the case's indicators, filtered by type, flag, status and words (a defanged value is
 * refanged first), sorted, with the number of *other* cases holding the same value among those the
 * actor is a member of (the membership join is inside the count: unreadable cases are never counted).
 */
export async function listIndicators({ actor, access, query }: { actor: Actor; access: CaseAccess; query: IndicatorListQuery }) {
  const q = IndicatorListQuerySchema.parse(query);
  const where: Prisma.Sql[] = [Prisma.sql`i.case_id = ${access.caseId}::uuid`];
  if (q.type) where.push(Prisma.sql`i.type = ${q.type}::"IndicatorType"`);
  if (q.status) where.push(Prisma.sql`i.status = ${q.status}::"IndicatorStatus"`);
  if (q.flag === "none") where.push(Prisma.sql`cardinality(i.flags) = 0`);
  else if (q.flag) where.push(Prisma.sql`${q.flag} = ANY(i.flags)`);
  if (q.q) {
    const guess = guessIndicator(q.q);
    const like = `%${refang(q.q)
      .toLowerCase()
      .replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    where.push(
      guess
        ? Prisma.sql`(i.value = ${guess.value} OR lower(i.value) LIKE ${like})`
        : Prisma.sql`(lower(i.value) LIKE ${like} OR i.note ILIKE ${like})`,
    );
  }
  const dir = q.dir === "asc" ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  const rows = await db.$queryRaw<Row[]>`
    SELECT i.id, i.type, i.value, i.flags, i.note, i.status::text AS status, i.version, i.first_seen, i.last_seen, i.created_at,
      (SELECT count(*)::int FROM indicator_excerpts e WHERE e.indicator_id = i.id) AS quotes,
      (SELECT count(DISTINCT o.case_id)::int FROM indicators o
        JOIN case_members m ON m.case_id = o.case_id AND m.user_id = ${actor.id}::uuid
        WHERE o.type = i.type AND o.value = i.value AND o.case_id <> i.case_id) AS other_cases,
      count(*) OVER () AS total
    FROM indicators i
    WHERE ${Prisma.join(where, " AND ")}
    ORDER BY ${ORDER[q.sort]} ${dir} NULLS LAST, i.id ${dir}
    LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`;
  let total = rows.length ? Number(rows[0].total) : 0;
  if (!rows.length && q.page > 1)
    total = Number((await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM indicators i WHERE ${Prisma.join(where, " AND ")}`)[0].n);
  return {
    indicators: rows.map((r) => ({
      id: r.id,
      type: r.type,
      value: r.value,
      defanged: defang(r.type, r.value),
      flags: r.flags,
      note: r.note,
      status: r.status,
      version: r.version,
      firstSeen: day(r.first_seen),
      lastSeen: day(r.last_seen),
      createdAt: r.created_at.toISOString(),
      quotes: r.quotes,
      otherCases: r.other_cases,
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
    pages: Math.max(1, Math.ceil(total / q.pageSize)),
  };
}
