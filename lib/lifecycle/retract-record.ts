import "server-only";
import { db } from "@/lib/db";
import type { Ctx } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CaseAccess } from "@/lib/cases/require-case-access";
import { RetractSchema, type RetractableKind, type RetractInput } from "./schemas";

// Fixed table names (never from input). Claims and sources carry a version: a retraction bumps it, so
// someone still editing the old version is told (409) instead of saving over a retracted record.
const TABLES: Record<RetractableKind, { table: Prisma.Sql; label: string; versioned: boolean; updatedAt: boolean }> = {
  document: { table: Prisma.raw(`"documents"`), label: "Document", versioned: false, updatedAt: false },
  claim: { table: Prisma.raw(`"claims"`), label: "Claim", versioned: true, updatedAt: true },
  source: { table: Prisma.raw(`"sources"`), label: "Source", versioned: true, updatedAt: true },
  event: { table: Prisma.raw(`"events"`), label: "Event", versioned: false, updatedAt: true },
};

export type Retraction = { at: string; by: string | null; reason: string };

/**
 * Retracts a document, claim, source or event of the case: the row stays (never deleted), marked with
 * when, by whom and why, and is hidden from lists, search and the ACH matrix unless asked for. The
 * change and its audit event commit together. A record already retracted is a 409 naming when and why.
 */
export async function retractRecord({
  ctx,
  access,
  kind,
  id,
  input,
}: {
  ctx: Ctx;
  access: CaseAccess;
  kind: RetractableKind;
  id: string;
  input: RetractInput;
}): Promise<{ id: string; kind: RetractableKind; retraction: Retraction }> {
  const t = TABLES[kind];
  const { reason } = RetractSchema.parse(input);
  return db.$transaction(
    async (tx) => {
      // FOR UPDATE: two people retracting at once get one retraction and one 409, not two audit rows.
      const [row] = await tx.$queryRaw<{ retracted_at: Date | null; retraction_reason: string | null; by: string | null }[]>`
      SELECT t.retracted_at, t.retraction_reason, u.name AS by
      FROM ${t.table} t LEFT JOIN users u ON u.id = t.retracted_by_id
      WHERE t.id = ${id}::uuid AND t.case_id = ${access.caseId}::uuid
      FOR UPDATE OF t`;
      if (!row) throw new NotFoundError(t.label);
      if (row.retracted_at) {
        const retraction = { at: row.retracted_at.toISOString(), by: row.by, reason: row.retraction_reason ?? "" };
        throw new ConflictError(
          `This ${kind} was already retracted on ${retraction.at.slice(0, 10)}${row.by ? ` by ${row.by}` : ""}: ${retraction.reason}`,
          { retraction },
        );
      }
      const sets = [
        Prisma.sql`retracted_at = CURRENT_TIMESTAMP`,
        Prisma.sql`retracted_by_id = ${ctx.actor.id}::uuid`,
        Prisma.sql`retraction_reason = ${reason}`,
      ];
      if (t.versioned) sets.push(Prisma.sql`version = version + 1`);
      if (t.updatedAt) sets.push(Prisma.sql`updated_at = CURRENT_TIMESTAMP`);
      const [updated] = await tx.$queryRaw<{ retracted_at: Date }[]>`
      UPDATE ${t.table} SET ${Prisma.join(sets, ", ")} WHERE id = ${id}::uuid RETURNING retracted_at`;
      await tx.case.update({ where: { id: access.caseId }, data: { updatedAt: new Date() } });
      const retraction = { at: updated.retracted_at.toISOString(), by: ctx.actor.name, reason };
      await recordAudit({
        tx,
        ctx,
        action: `${kind}.retract`,
        caseId: access.caseId,
        targetType: kind,
        targetId: id,
        before: { retractedAt: null },
        after: { retractedAt: retraction.at, retractedById: ctx.actor.id, retractionReason: reason },
        reason,
      });
      return { id, kind, retraction };
    },
    { isolationLevel: Prisma.TransactionIsolationLevel.ReadCommitted },
  );
}
