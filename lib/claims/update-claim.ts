import "server-only";
import { db } from "@/lib/db";
import type { Ctx } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { versionedUpdate } from "@/lib/concurrency/versioned-update";
import { InvalidError, NotFoundError } from "@/lib/errors";
import type { CaseAccess } from "@/lib/cases/require-case-access";
import { retractedError } from "@/lib/lifecycle/retracted-error";
import { UpdateClaimSchema, type UpdateClaimInput } from "./schemas";

const FIELDS = ["statement", "claimant", "kind", "credibility", "sourceConfidence", "status", "originatorSourceId"] as const;

/**
 * Edits a claim if nobody saved it since `version`. A stale save is refused with 409 carrying the
 * current claim, so the editor can show the other change and keep what this user typed.
 */
export async function updateClaim({
  ctx,
  access,
  claimId,
  input,
}: {
  ctx: Ctx;
  access: CaseAccess;
  claimId: string;
  input: UpdateClaimInput;
}) {
  const { version, entityIds, ...raw } = UpdateClaimSchema.parse(input);
  const changes = Object.fromEntries(FIELDS.filter((k) => raw[k] !== undefined).map((k) => [k, raw[k]]));
  if (!Object.keys(changes).length && !entityIds) throw new InvalidError("Nothing to change.");
  if (
    raw.originatorSourceId &&
    !(await db.source.findFirst({ where: { id: raw.originatorSourceId, caseId: access.caseId }, select: { id: true } }))
  )
    throw new NotFoundError("Source");
  if (entityIds?.length && (await db.entity.count({ where: { id: { in: entityIds }, caseId: access.caseId } })) !== new Set(entityIds).size)
    throw new NotFoundError("Entity");
  return db.$transaction(async (tx) => {
    const before = await tx.claim.findFirst({
      where: { id: claimId, caseId: access.caseId },
      include: { entities: { select: { entityId: true } } },
    });
    if (!before) throw new NotFoundError("Claim");
    if (before.retractedAt) throw retractedError("This claim");
    const { entities, ...current } = before;
    await versionedUpdate(tx.claim, {
      id: claimId,
      version,
      data: changes,
      conflict: {
        message: "Someone else saved this claim after you opened it. Their version is shown; your edits are kept.",
        current: { ...current, entityIds: entities.map((e) => e.entityId) },
      },
    });
    if (entityIds) {
      await tx.claimEntity.deleteMany({ where: { claimId } });
      await tx.claimEntity.createMany({ data: [...new Set(entityIds)].map((entityId) => ({ claimId, entityId })) });
    }
    const after = await tx.claim.findUniqueOrThrow({ where: { id: claimId }, include: { entities: { select: { entityId: true } } } });
    const flat = (c: typeof after) => ({
      ...Object.fromEntries(FIELDS.map((k) => [k, c[k]])),
      version: c.version,
      entityIds: c.entities.map((e) => e.entityId),
    });
    await recordAudit({
      tx,
      ctx,
      action: "claim.update",
      caseId: access.caseId,
      targetType: "claim",
      targetId: claimId,
      before: flat(before),
      after: flat(after),
    });
    return after;
  });
}
