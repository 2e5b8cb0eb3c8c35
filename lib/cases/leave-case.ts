import "server-only";
import { db } from "@/lib/db";
import type { Ctx } from "@/lib/auth/actor";
import type { CaseAccess } from "@/lib/cases/require-case-access";
import { recordAudit } from "@/lib/audit/record-audit";
import { NotFoundError } from "@/lib/errors";
import { assertOwnerRemains, lockCase } from "./member-guards";

/**
 * The actor leaves a case they are a member of, whatever their role (someone may have been added by
 * e-mail without asking). Audited. The last owner cannot leave: a case always keeps one (422).
 */
export async function leaveCase({ ctx, access }: { ctx: Ctx; access: CaseAccess }) {
  const { caseId } = access;
  await db.$transaction(async (tx) => {
    await lockCase(tx, caseId);
    const where = { caseId_userId: { caseId, userId: ctx.actor.id } };
    const before = await tx.caseMember.findUnique({ where, select: { role: true } });
    if (!before) throw new NotFoundError("Member");
    await tx.caseMember.delete({ where });
    await assertOwnerRemains(tx, caseId, "You are this case's last owner: make someone else owner before leaving it.");
    await recordAudit({
      tx,
      ctx,
      action: "case_member.leave",
      caseId,
      targetType: "user",
      targetId: ctx.actor.id,
      before: { role: before.role },
    });
  });
  return { ok: true };
}
