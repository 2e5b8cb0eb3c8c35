import "server-only";
import { db } from "@/lib/db";
import type { CaseAccess } from "@/lib/cases/require-case-access";

/** The case's sources; retracted ones are kept but listed only when asked for. */
export async function listSources({ access, includeRetracted = false }: { access: CaseAccess; includeRetracted?: boolean }) {
  const rows = await db.source.findMany({
    where: { caseId: access.caseId, ...(includeRetracted ? {} : { retractedAt: null }) },
    orderBy: { name: "asc" },
    include: { _count: { select: { documents: true } }, retractedBy: { select: { name: true } } },
  });
  const history = await listSourceRegrades({ access });
  return rows.map(({ _count, retractedBy, ...s }) => ({
    ...s,
    retractedByName: retractedBy?.name ?? null,
    documentCount: _count.documents,
    regrades: history.get(s.id) ?? [],
  }));
}

/** The case's live sources as a picker offers them (name and grade): one statement, no counts or regrade history. */
export async function listSourceOptions({ access }: { access: CaseAccess }) {
  return db.source.findMany({
    where: { caseId: access.caseId, retractedAt: null },
    orderBy: { name: "asc" },
    select: { id: true, name: true, reliability: true },
  });
}

export type SourceRegrade = { at: string; by: string | null; from: string; to: string; reason: string | null };

/** Each source's regrades, oldest first, read from the audit log (who, when, from → to, why). */
export async function listSourceRegrades({ access }: { access: CaseAccess }): Promise<Map<string, SourceRegrade[]>> {
  const rows = await db.$queryRaw<{ target_id: string; at: Date; by: string | null; from: string; to: string; reason: string | null }[]>`
    SELECT a.target_id, a.at, u.name AS by, a.before->>'reliability' AS "from", a.after->>'reliability' AS "to", a.reason
    FROM audit_events a LEFT JOIN users u ON u.id = a.actor_id
    WHERE a.case_id = ${access.caseId}::uuid AND a.target_type = 'source' AND a.action = 'source.update'
      AND a.before->>'reliability' IS DISTINCT FROM a.after->>'reliability'
    ORDER BY a.at`;
  const bySource = new Map<string, SourceRegrade[]>();
  for (const r of rows)
    bySource.set(r.target_id, [
      ...(bySource.get(r.target_id) ?? []),
      { at: r.at.toISOString(), by: r.by, from: r.from, to: r.to, reason: r.reason },
    ]);
  return bySource;
}
