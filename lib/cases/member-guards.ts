import "server-only";
import type { Ctx } from "@/lib/auth/actor";
import type { Tx } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record-audit";
import { InvalidError, NotFoundError } from "@/lib/errors";
import type { CaseRole } from "@/lib/generated/prisma/enums";

// The rules every membership change keeps, shared by the case owner's use cases (add-member,
// change-member-role, remove-member), the workspace admin's (set-member-role) and leave-case: one
// change per case at a time, and every case keeps at least one owner.

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Serialises membership changes on one case, so two owners demoting each other cannot leave none. */
export async function lockCase(tx: Tx, caseId: string) {
  if (!UUID.test(caseId)) throw new NotFoundError("Case");
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM cases WHERE id = ${caseId}::uuid FOR UPDATE`;
  if (rows.length === 0) throw new NotFoundError("Case");
}

export async function assertOwnerRemains(
  tx: Tx,
  caseId: string,
  message = "A case needs at least one owner: make someone else owner first.",
) {
  const owners = await tx.caseMember.count({ where: { caseId, role: "owner" } });
  if (owners === 0) throw new InvalidError(message);
}

/**
 * Gives `userId` the role on the locked case (adding them if they are not a member), refuses a change
 * that leaves no owner, and audits it in the same transaction. A no-op when the role is unchanged.
 */
export async function writeMemberRole({
  tx,
  ctx,
  caseId,
  userId,
  role,
}: {
  tx: Tx;
  ctx: Ctx;
  caseId: string;
  userId: string;
  role: CaseRole;
}) {
  const before = await tx.caseMember.findUnique({ where: { caseId_userId: { caseId, userId } }, select: { role: true } });
  if (before?.role === role) return { userId, role };
  await tx.caseMember.upsert({ where: { caseId_userId: { caseId, userId } }, create: { caseId, userId, role }, update: { role } });
  await assertOwnerRemains(tx, caseId);
  await recordAudit({
    tx,
    ctx,
    action: before ? "case_member.set_role" : "case_member.add",
    caseId,
    targetType: "user",
    targetId: userId,
    before: before ?? undefined,
    after: { role },
  });
  return { userId, role };
}
