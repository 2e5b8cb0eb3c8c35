import "server-only";
import type { Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Ctx } from "@/lib/auth/actor";
import { uuidv7 } from "@/lib/ids/uuidv7";

export type AuditEntry = {
  ctx: Ctx;
  action: string;
  caseId?: string | null;
  targetType: string;
  targetId: string;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
};

/** Writes one audit event inside the caller's transaction, so the change and its record commit together. */
export async function recordAudit({ tx, ...entry }: AuditEntry & { tx: Tx }) {
  await tx.$executeRaw(auditInsertSql(entry));
}

/**
 * The one INSERT of an audit event: its column list lives here and nowhere else. recordAudit runs it
 * in the caller's transaction; a hand-written statement embeds it (the claim fast path runs it as a
 * data-modifying CTE, appending `FROM created` so the row is written with the claim's).
 */
export function auditInsertSql(
  { ctx, action, caseId, targetType, targetId, before, after, reason }: AuditEntry,
  from: Prisma.Sql = Prisma.empty,
): Prisma.Sql {
  return Prisma.sql`INSERT INTO audit_events (id, actor_id, action, case_id, target_type, target_id, before, after, reason, request_id)
    SELECT ${uuidv7()}::uuid, ${ctx.actor.id}::uuid, ${action}, ${caseId ?? null}::uuid, ${targetType}, ${targetId},
           ${toJson(before)}::jsonb, ${toJson(after)}::jsonb, ${reason ?? null}, ${ctx.requestId ?? null} ${from}`;
}

function toJson(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return JSON.stringify(value);
}
