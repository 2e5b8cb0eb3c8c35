import "server-only";
import { db, type Tx } from "@/lib/db";
import type { Ctx } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { InvalidError, NotFoundError } from "@/lib/errors";
import { AddMemberSchema, SetMemberRoleSchema } from "@/lib/admin/schemas";
import type { CaseRole } from "@/lib/generated/prisma/enums";
import { ROLE_LABELS } from "@/lib/auth/permissions";

// Case membership changes, shared by the case owner's routes (/api/cases/{id}/members, permission
// case.members.manage) and the workspace admin's (/api/admin/cases/{id}/members). Callers check who
// may act; these functions keep the invariant that every case has at least one owner.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function listMembers({ caseId }: { caseId: string }) {
  const rows = await db.caseMember.findMany({
    where: { caseId },
    include: { user: { select: { id: true, email: true, name: true, disabledAt: true } } },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((m) => ({
    userId: m.userId,
    email: m.user.email,
    name: m.user.name,
    role: m.role,
    disabled: m.user.disabledAt != null,
    since: m.createdAt,
  }));
}

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

/** Gives `userId` a role on the case (adds them if they are not a member). */
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
  });
}

/**
 * Adds a member by email (what a case owner knows), or changes their role if already a member. The
 * answer is the same whether or not an account has that email, so the form cannot be used to find
 * out who has an account (issue 12); only an existing account is added (and audited). Whoever is
 * added sees the case at once and may leave it (lib/cases/leave-case.ts).
 */
export async function addMemberByEmail({ ctx, caseId, input }: { ctx: Ctx; caseId: string; input: unknown }) {
  const { email, role } = AddMemberSchema.parse(input);
  const user = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (user) await setMemberRole({ ctx, caseId, userId: user.id, input: { role } });
  return {
    ok: true as const,
    email,
    role,
    message: `If an account uses ${email}, it now has the ${ROLE_LABELS[role].toLowerCase()} role on this case. A workspace admin can invite people who have no account yet.`,
  };
}

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
      before: { role: before.role as CaseRole },
    });
  });
  return { ok: true };
}
