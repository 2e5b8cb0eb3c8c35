import "server-only";
import { db } from "@/lib/db";
import type { Ctx } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { ConflictError, InvalidError, NotFoundError } from "@/lib/errors";
import type { CaseAccess } from "@/lib/cases/require-case-access";
import { UpdateIndicatorSchema, type UpdateIndicatorInput } from "./schemas";
import { checkLinks } from "./create-indicator";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const toDate = (v: string | null | undefined) => (v === undefined ? undefined : v === null ? null : new Date(`${v}T00:00:00Z`));

/**
 * Edits an indicator's note, first/last seen, status, claims and indicated entities if nobody saved it
 * since `version`; a stale save is a 409 carrying the current values. The value itself never changes:
 * a different value is a different indicator.
 */
export async function updateIndicator({
  ctx,
  access,
  indicatorId,
  input,
}: {
  ctx: Ctx;
  access: CaseAccess;
  indicatorId: string;
  input: UpdateIndicatorInput;
}) {
  if (!UUID.test(indicatorId)) throw new NotFoundError("Indicator");
  const { version, claimIds, entityIds, note, firstSeen, lastSeen, status } = UpdateIndicatorSchema.parse(input);
  const changes = Object.fromEntries(
    Object.entries({ note, firstSeen: toDate(firstSeen), lastSeen: toDate(lastSeen), status }).filter(([, v]) => v !== undefined),
  );
  if (!Object.keys(changes).length && !claimIds && !entityIds) throw new InvalidError("Nothing to change.");
  await checkLinks({ caseId: access.caseId, claimIds: [...new Set(claimIds ?? [])], entityIds: [...new Set(entityIds ?? [])] });
  const include = { claims: { select: { claimId: true } }, entities: { select: { entityId: true } } } as const;
  return db.$transaction(async (tx) => {
    const before = await tx.indicator.findFirst({ where: { id: indicatorId, caseId: access.caseId }, include });
    if (!before) throw new NotFoundError("Indicator");
    const flat = (i: typeof before) => ({
      note: i.note,
      firstSeen: day(i.firstSeen),
      lastSeen: day(i.lastSeen),
      status: i.status,
      version: i.version,
      claimIds: i.claims.map((c) => c.claimId),
      entityIds: i.entities.map((e) => e.entityId),
    });
    const merged = {
      first: changes.firstSeen === undefined ? before.firstSeen : changes.firstSeen,
      last: changes.lastSeen === undefined ? before.lastSeen : changes.lastSeen,
    };
    if (merged.first && merged.last && merged.first > merged.last)
      throw new InvalidError("Last seen is before first seen.", [{ path: "lastSeen", message: "Last seen is before first seen." }]);
    const { count } = await tx.indicator.updateMany({
      where: { id: indicatorId, version },
      data: { ...changes, version: { increment: 1 } },
    });
    if (count === 0)
      throw new ConflictError("Someone else saved this indicator after you opened it. Their version is shown; your edits are kept.", {
        current: flat(before),
      });
    if (claimIds) {
      await tx.indicatorClaim.deleteMany({ where: { indicatorId } });
      await tx.indicatorClaim.createMany({ data: [...new Set(claimIds)].map((claimId) => ({ indicatorId, claimId })) });
    }
    if (entityIds) {
      await tx.indicatorEntity.deleteMany({ where: { indicatorId } });
      await tx.indicatorEntity.createMany({ data: [...new Set(entityIds)].map((entityId) => ({ indicatorId, entityId })) });
    }
    const after = await tx.indicator.findUniqueOrThrow({ where: { id: indicatorId }, include });
    await recordAudit({
      tx,
      ctx,
      action: "indicator.update",
      caseId: access.caseId,
      targetType: "indicator",
      targetId: indicatorId,
      before: flat(before),
      after: flat(after),
    });
  });
}
