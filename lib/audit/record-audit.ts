import "server-only";
import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Ctx } from "@/lib/auth/actor";

/** Writes one audit event inside the caller's transaction, so the change and its record commit together. */
export async function recordAudit({
  tx,
  ctx,
  action,
  caseId,
  targetType,
  targetId,
  before,
  after,
  reason,
}: {
  tx: Tx;
  ctx: Ctx;
  action: string;
  caseId?: string | null;
  targetType: string;
  targetId: string;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}) {
  await tx.auditEvent.create({
    data: {
      actorId: ctx.actor.id,
      action,
      caseId: caseId ?? null,
      targetType,
      targetId,
      before: toJson(before),
      after: toJson(after),
      reason: reason ?? null,
      requestId: ctx.requestId ?? null,
    },
  });
}

function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}
