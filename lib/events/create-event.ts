import "server-only";
import { db } from "@/lib/db";
import type { Ctx } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { NotFoundError } from "@/lib/errors";
import type { CaseAccess } from "@/lib/cases/require-case-access";
import { retractedError } from "@/lib/lifecycle/retracted-error";
import { CreateEventSchema, parseEventDate, type CreateEventInput } from "./schemas";

export async function createEvent({ ctx, access, input }: { ctx: Ctx; access: CaseAccess; input: CreateEventInput }) {
  const data = CreateEventSchema.parse(input);
  const { occurredAt, precision } = parseEventDate(data.date)!;
  const claimIds = [...new Set(data.claimIds)];
  const linked = claimIds.length
    ? await db.claim.findMany({ where: { id: { in: claimIds }, caseId: access.caseId }, select: { retractedAt: true } })
    : [];
  if (linked.length !== claimIds.length) throw new NotFoundError("Claim");
  if (linked.some((c) => c.retractedAt)) throw retractedError("A linked claim", "claimIds");
  return db.$transaction(async (tx) => {
    const event = await tx.event.create({
      data: {
        caseId: access.caseId,
        title: data.title,
        description: data.description,
        occurredAt,
        precision,
        createdById: ctx.actor.id,
        claims: { create: claimIds.map((claimId) => ({ claimId })) },
      },
    });
    await recordAudit({
      tx,
      ctx,
      action: "event.create",
      caseId: access.caseId,
      targetType: "event",
      targetId: event.id,
      after: { ...event, claimIds },
    });
    return event;
  });
}
