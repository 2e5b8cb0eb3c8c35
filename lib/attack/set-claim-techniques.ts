import "server-only";
import { db } from "@/lib/db";
import type { Ctx } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { InvalidError, NotFoundError } from "@/lib/errors";
import type { CaseAccess } from "@/lib/cases/require-case-access";
import { retractedError } from "@/lib/lifecycle/retracted-error";
import { attackCatalog } from "./catalog";
import { SetClaimTechniquesSchema } from "./schemas";

/**
 * Replaces a claim's ATT&CK technique tags with `techniqueIds` (sub-techniques included). Every id must be a live
 * technique of the shipped catalogue (ATT&CK v18.1): an unknown one is a 422 naming it, and nothing is stored.
 */
export async function setClaimTechniques({
  ctx,
  access,
  claimId,
  input,
}: {
  ctx: Ctx;
  access: CaseAccess;
  claimId: string;
  input: unknown;
}) {
  const { techniqueIds } = SetClaimTechniquesSchema.parse(input);
  const catalog = attackCatalog();
  const wanted = [...new Set(techniqueIds)].sort();
  const unknown = wanted.filter((id) => !catalog.techniqueById.has(id));
  if (unknown.length > 0) {
    const message = `Not an ATT&CK Enterprise v${catalog.version} technique: ${unknown.join(", ")}.`;
    throw new InvalidError(message, [{ path: "techniqueIds", message }]);
  }
  return db.$transaction(async (tx) => {
    const claim = await tx.claim.findFirst({
      where: { id: claimId, caseId: access.caseId },
      select: { id: true, retractedAt: true, techniques: { select: { techniqueId: true } } },
    });
    if (!claim) throw new NotFoundError("Claim");
    if (claim.retractedAt) throw retractedError("This claim");
    const before = claim.techniques.map((t) => t.techniqueId).sort();
    const removed = before.filter((id) => !wanted.includes(id));
    const added = wanted.filter((id) => !before.includes(id));
    if (removed.length > 0) await tx.claimTechnique.deleteMany({ where: { claimId, techniqueId: { in: removed } } });
    if (added.length > 0)
      await tx.claimTechnique.createMany({
        data: added.map((techniqueId) => ({ claimId, techniqueId, caseId: access.caseId, createdById: ctx.actor.id })),
      });
    if (added.length > 0 || removed.length > 0)
      await recordAudit({
        tx,
        ctx,
        action: "claim.techniques",
        caseId: access.caseId,
        targetType: "claim",
        targetId: claimId,
        before: { techniqueIds: before },
        after: { techniqueIds: wanted },
      });
    return { claimId, techniques: wanted.map((id) => ({ id, name: catalog.techniqueById.get(id)!.name })) };
  });
}
