import "server-only";
import { db } from "@/lib/db";
import type { Ctx } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";
import { SetMemberRoleSchema } from "@/lib/admin/schemas";
import type { CaseAccess } from "./require-case-access";
import { lockCase, UUID, writeMemberRole } from "./member-guards";

/**
 * A case owner changes a member's role (PUT /api/cases/{caseId}/members/{userId}, case.members.manage).
 * Only someone already on the case: people join by e-mail (add-member.ts), whose answer does not tell
 * whether an account exists, so an id must not add anyone either (404). The last owner cannot be
 * demoted (422).
 */
export async function changeMemberRole({
  ctx,
  access,
  userId,
  input,
}: {
  ctx: Ctx;
  access: CaseAccess;
  userId: string | undefined;
  input: unknown;
}) {
  const { role } = SetMemberRoleSchema.parse(input);
  if (!userId || !UUID.test(userId)) throw new NotFoundError("Member");
  return db.$transaction(async (tx) => {
    await lockCase(tx, access.caseId);
    const member = await tx.caseMember.findUnique({ where: { caseId_userId: { caseId: access.caseId, userId } }, select: { role: true } });
    if (!member) throw new NotFoundError("Member");
    return writeMemberRole({ tx, ctx, caseId: access.caseId, userId, role });
  });
}
