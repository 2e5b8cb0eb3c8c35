import "server-only";
import { db } from "@/lib/db";
import type { Ctx } from "@/lib/auth/actor";
import { AddMemberSchema } from "@/lib/admin/schemas";
import { ROLE_LABELS } from "@/lib/auth/permissions";
import type { CaseAccess } from "./require-case-access";
import { lockCase, writeMemberRole } from "./member-guards";

/**
 * Adds a member by email (what a case owner knows), or changes their role if already a member. The
 * answer is the same whether or not an account has that email, so the form cannot be used to find
 * out who has an account (issue 12); only an existing account is added (and audited). Whoever is
 * added sees the case at once and may leave it (lib/cases/leave-case.ts).
 */
export async function addMember({ ctx, access, input }: { ctx: Ctx; access: CaseAccess; input: unknown }) {
  const { email, role } = AddMemberSchema.parse(input);
  const user = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (user)
    await db.$transaction(async (tx) => {
      await lockCase(tx, access.caseId);
      await writeMemberRole({ tx, ctx, caseId: access.caseId, userId: user.id, role });
    });
  return {
    ok: true as const,
    email,
    role,
    message: `If an account uses ${email}, it now has the ${ROLE_LABELS[role].toLowerCase()} role on this case. A workspace admin can invite people who have no account yet.`,
  };
}
