import "server-only";
import { db } from "@/lib/db";
import { recordAudit, type Ctx } from "@/lib/audit/record-audit";
import { InvalidError, NotFoundError } from "@/lib/errors";
import type { CaseAccess } from "@/lib/cases/require-case-access";
import { CreateClaimLinkSchema } from "./schemas";

export async function createClaimLink({ ctx, access, fromClaimId, input }: { ctx: Ctx; access: CaseAccess; fromClaimId: string; input: unknown }) {
  const data = CreateClaimLinkSchema.parse(input);
  if (data.toClaimId === fromClaimId) throw new InvalidError("A claim cannot be linked to itself.", [{ path: "toClaimId", message: "A claim cannot be linked to itself." }]);
  const found = await db.claim.count({ where: { id: { in: [fromClaimId, data.toClaimId] }, caseId: access.caseId } });
  if (found !== 2) throw new NotFoundError("Claim");
  const existing = await db.claimLink.findFirst({ where: { fromClaimId, toClaimId: data.toClaimId, kind: data.kind } });
  if (existing) throw new InvalidError("These claims are already linked that way.", [{ path: "kind", message: "These claims are already linked that way." }]);
  return db.$transaction(async (tx) => {
    const link = await tx.claimLink.create({ data: { caseId: access.caseId, fromClaimId, toClaimId: data.toClaimId, kind: data.kind, note: data.note, createdById: ctx.actor.id } });
    await recordAudit({ tx, ctx, action: "claim.link", caseId: access.caseId, targetType: "claim", targetId: fromClaimId, after: link });
    return link;
  });
}

export async function deleteClaimLink({ ctx, access, linkId }: { ctx: Ctx; access: CaseAccess; linkId: string }) {
  return db.$transaction(async (tx) => {
    const link = await tx.claimLink.findFirst({ where: { id: linkId, caseId: access.caseId } });
    if (!link) throw new NotFoundError("Link");
    await tx.claimLink.delete({ where: { id: linkId } });
    await recordAudit({ tx, ctx, action: "claim.unlink", caseId: access.caseId, targetType: "claim", targetId: link.fromClaimId, before: link });
  });
}
