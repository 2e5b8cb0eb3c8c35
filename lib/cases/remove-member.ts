import "server-only";
import { db } from "@/lib/db";
import type { Ctx } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { NotFoundError } from "@/lib/errors";
import { assertOwnerRemains, lockCase, UUID } from "./member-guards";

/**
 * Removes a member from a case; never its last owner (422). Shared by the case owner's route (which
 * passes `access.caseId` after its case.members.manage check) and the workspace admin's (after
 * assertWorkspaceAdmin; an admin need not be a member). Leaving a case yourself is leave-case.ts.
 */
export async function removeMember({ ctx, caseId, userId }: { ctx: Ctx; caseId: string; userId: string | undefined }) {
  if (!userId || !UUID.test(userId)) throw new NotFoundError("Member");
  await db.$transaction(async (tx) => {
    await lockCase(tx, caseId);
    const before = await tx.caseMember.findUnique({ where: { caseId_userId: { caseId, userId } }, select: { role: true } });
    if (!before) throw new NotFoundError("Member");
    await tx.caseMember.delete({ where: { caseId_userId: { caseId, userId } } });
    await assertOwnerRemains(tx, caseId);
    await recordAudit({
      tx,
      ctx,
      action: "case_member.remove",
      caseId,
      targetType: "user",
      targetId: userId,
      before: { role: before.role },
    });
  });
  return { ok: true };
}
