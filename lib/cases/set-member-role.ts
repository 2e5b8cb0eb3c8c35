import "server-only";
import { db } from "@/lib/db";
import type { Ctx } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";
import { SetMemberRoleSchema } from "@/lib/admin/schemas";
import { lockCase, UUID, writeMemberRole } from "./member-guards";

/**
 * The workspace admin gives any user a role on any case, adding them if they are not a member
 * (PUT /api/admin/cases/{caseId}/members/{userId}). The caller has checked the admin right
 * (assertWorkspaceAdmin): an admin need not be a member, so there is no CaseAccess to pass. Never
 * leaves the case without an owner.
 */
export async function setMemberRole({
  ctx,
  caseId,
  userId,
  input,
}: {
  ctx: Ctx;
  caseId: string;
  userId: string | undefined;
  input: unknown;
}) {
  const { role } = SetMemberRoleSchema.parse(input);
  if (!userId || !UUID.test(userId)) throw new NotFoundError("User");
  return db.$transaction(async (tx) => {
    await lockCase(tx, caseId);
    const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true } });
    if (!user) throw new NotFoundError("User");
    return writeMemberRole({ tx, ctx, caseId, userId, role });
  });
}
