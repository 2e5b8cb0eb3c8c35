import "server-only";
import { db, type Tx } from "@/lib/db";
import type { Ctx } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { ConflictError, InvalidError, NotFoundError } from "@/lib/errors";
import type { CaseAccess } from "@/lib/cases/require-case-access";
import { retractedError } from "@/lib/lifecycle/retracted-error";
import { UpdateEventSchema, parseEventDate, type UpdateEventInput } from "./schemas";

type Snapshot = { title: string; description: string; occurredAt: string; precision: string; version: number; claimIds: string[] };

async function snapshot(tx: Tx, eventId: string): Promise<Snapshot> {
  const e = await tx.event.findUniqueOrThrow({
    where: { id: eventId },
    include: { claims: { select: { claimId: true }, orderBy: { claimId: "asc" } } },
  });
  return {
    title: e.title,
    description: e.description,
    occurredAt: e.occurredAt.toISOString(),
    precision: e.precision,
    version: e.version,
    claimIds: e.claims.map((c) => c.claimId),
  };
}

/** Claims of this case, not retracted: an event may only be linked to standing evidence. */
async function assertLinkable(tx: Tx, access: CaseAccess, claimIds: string[], path: string) {
  if (!claimIds.length) return;
  const found = await tx.claim.findMany({ where: { id: { in: claimIds }, caseId: access.caseId }, select: { retractedAt: true } });
  if (found.length !== claimIds.length) throw new NotFoundError("Claim");
  if (found.some((c) => c.retractedAt)) throw retractedError("A linked claim", path);
}

async function lockEvent(tx: Tx, access: CaseAccess, eventId: string) {
  const [row] = await tx.$queryRaw<{ version: number; retracted_at: Date | null }[]>`
    SELECT version, retracted_at FROM events WHERE id = ${eventId}::uuid AND case_id = ${access.caseId}::uuid FOR UPDATE`;
  if (!row) throw new NotFoundError("Event");
  if (row.retracted_at) throw retractedError("This event");
  return row;
}

/**
 * Edits an event's title, description, date or linked claims if nobody saved it since `version`; a
 * stale edit is a 409 carrying the current event. The change and its audit event commit together.
 */
export async function updateEvent({
  ctx,
  access,
  eventId,
  input,
}: {
  ctx: Ctx;
  access: CaseAccess;
  eventId: string;
  input: UpdateEventInput;
}) {
  const { version, date, claimIds, ...fields } = UpdateEventSchema.parse(input);
  if (date === undefined && claimIds === undefined && !Object.values(fields).some((v) => v !== undefined))
    throw new InvalidError("Nothing to change: send title, description, date or claimIds.");
  const when = date !== undefined ? parseEventDate(date)! : null;
  return db.$transaction(async (tx) => {
    const row = await lockEvent(tx, access, eventId);
    const before = await snapshot(tx, eventId);
    if (row.version !== version)
      throw new ConflictError("Someone else saved this event after you opened it. Their version is shown; your edits are kept.", {
        current: before,
      });
    const ids = claimIds ? [...new Set(claimIds)] : null;
    if (ids) await assertLinkable(tx, access, ids, "claimIds");
    await tx.event.update({
      where: { id: eventId },
      data: { ...fields, ...(when ? { occurredAt: when.occurredAt, precision: when.precision } : {}), version: { increment: 1 } },
    });
    if (ids) {
      await tx.eventClaim.deleteMany({ where: { eventId } });
      await tx.eventClaim.createMany({ data: ids.map((claimId) => ({ eventId, claimId })) });
    }
    const after = await snapshot(tx, eventId);
    await recordAudit({ tx, ctx, action: "event.update", caseId: access.caseId, targetType: "event", targetId: eventId, before, after });
    return tx.event.findUniqueOrThrow({
      where: { id: eventId },
      include: {
        claims: { include: { claim: { select: { id: true, statement: true, credibility: true, kind: true, retractedAt: true } } } },
      },
    });
  });
}

/** Links one claim to an event (idempotent: linking twice is one link, audited once). */
export async function linkEventClaim({
  ctx,
  access,
  eventId,
  claimId,
}: {
  ctx: Ctx;
  access: CaseAccess;
  eventId: string;
  claimId: string;
}) {
  return db.$transaction(async (tx) => {
    await lockEvent(tx, access, eventId);
    await assertLinkable(tx, access, [claimId], "claimId");
    const { count } = await tx.eventClaim.createMany({ data: [{ eventId, claimId }], skipDuplicates: true });
    if (count) {
      await tx.event.update({ where: { id: eventId }, data: { version: { increment: 1 } } });
      await recordAudit({
        tx,
        ctx,
        action: "event.link",
        caseId: access.caseId,
        targetType: "event",
        targetId: eventId,
        after: { claimId },
      });
    }
    return { linked: count > 0 };
  });
}

/** Unlinks one claim from an event (idempotent: `unlinked` is false when it was not linked). */
export async function unlinkEventClaim({
  ctx,
  access,
  eventId,
  claimId,
}: {
  ctx: Ctx;
  access: CaseAccess;
  eventId: string;
  claimId: string;
}) {
  return db.$transaction(async (tx) => {
    await lockEvent(tx, access, eventId);
    // Another case's claim is a 404 like an unknown one, not a quiet "was not linked".
    if (!(await tx.claim.findFirst({ where: { id: claimId, caseId: access.caseId }, select: { id: true } })))
      throw new NotFoundError("Claim");
    const { count } = await tx.eventClaim.deleteMany({ where: { eventId, claimId } });
    if (count) {
      await tx.event.update({ where: { id: eventId }, data: { version: { increment: 1 } } });
      await recordAudit({
        tx,
        ctx,
        action: "event.unlink",
        caseId: access.caseId,
        targetType: "event",
        targetId: eventId,
        before: { claimId },
      });
    }
    return { unlinked: count > 0 };
  });
}
