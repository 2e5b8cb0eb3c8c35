import "server-only";
import { db, type Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Ctx } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { ConflictError, InvalidError, NotFoundError } from "@/lib/errors";
import { NO_PASSWORD } from "@/lib/auth/passwords";
import { revokeUserApiTokens } from "@/lib/tokens/revoke-user-api-tokens";
import { InviteUserSchema } from "./schemas";
import { assertWorkspaceAdmin } from "./require-admin";
import { LINK_TTL_SECONDS, linkPath, newLinkToken } from "./link-token";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type AdminUserRow = {
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
  status: "active" | "invited" | "disabled";
  createdAt: Date;
  memberships: { caseId: string; caseTitle: string; caseSlug: string; role: string }[];
};
// Two cases may share a title: the admin tells them apart by slug, creation date and creator.
const CASE_IDENTITY = { id: true, title: true, slug: true, createdAt: true, createdBy: { select: { name: true } } } as const;

/** Every user with status and case roles, plus the cases an admin can add them to. */
export async function listUsersForAdmin({ ctx }: { ctx: Ctx }) {
  assertWorkspaceAdmin(ctx.actor);
  const [users, cases] = await Promise.all([
    db.user.findMany({
      orderBy: { email: "asc" },
      omit: { passwordHash: false },
      include: { memberships: { include: { case: { select: { title: true, slug: true } } }, orderBy: { createdAt: "asc" } } },
    }),
    db.case.findMany({ orderBy: [{ title: "asc" }, { createdAt: "asc" }], select: CASE_IDENTITY }),
  ]);
  const rows: AdminUserRow[] = users.map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    isAdmin: u.isAdmin,
    status: u.disabledAt ? "disabled" : u.passwordHash === NO_PASSWORD ? "invited" : "active",
    createdAt: u.createdAt,
    memberships: u.memberships.map((m) => ({ caseId: m.caseId, caseTitle: m.case.title, caseSlug: m.case.slug, role: m.role })),
  }));
  return {
    users: rows,
    cases: cases.map((c) => ({ id: c.id, title: c.title, slug: c.slug, createdAt: c.createdAt, createdBy: c.createdBy.name })),
  };
}

async function issueLink({ tx, ctx, userId, purpose }: { tx: Tx; ctx: Ctx; userId: string; purpose: "invite" | "reset" }) {
  const now = new Date();
  // Only the newest link works: earlier unused ones are expired now.
  await tx.userInvite.updateMany({ where: { userId, usedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } });
  const { token, hash } = newLinkToken();
  const expiresAt = new Date(now.getTime() + LINK_TTL_SECONDS * 1000);
  await tx.userInvite.create({ data: { userId, purpose, tokenHash: hash, createdById: ctx.actor.id, expiresAt } });
  return { token, path: linkPath(token), expiresAt };
}

/** Creates an account with no usable password and a one-time link (72 h) to set one. */
export async function inviteUser({ ctx, input }: { ctx: Ctx; input: unknown }) {
  assertWorkspaceAdmin(ctx.actor);
  const data = InviteUserSchema.parse(input);
  const exists = () => new ConflictError("A user with that email already exists. Use “Reset password” to send them a new link.");
  if (await db.user.findUnique({ where: { email: data.email }, select: { id: true } })) throw exists();
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email: data.email, name: data.name, isAdmin: data.isAdmin, passwordHash: NO_PASSWORD },
        select: { id: true, email: true, name: true, isAdmin: true },
      });
      const link = await issueLink({ tx, ctx, userId: user.id, purpose: "invite" });
      await recordAudit({
        tx,
        ctx,
        action: "user.invite",
        caseId: null,
        targetType: "user",
        targetId: user.id,
        after: { email: user.email, name: user.name, isAdmin: user.isAdmin, linkExpiresAt: link.expiresAt },
      });
      return { user, ...link };
    });
  } catch (err) {
    // Two admins inviting the same address at once both pass the check above; the unique index decides
    // (found by the HTTP fuzzer, which sent one generated email twice in parallel).
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") throw exists();
    throw err;
  }
}

async function loadTarget(userId: string | undefined) {
  if (!userId || !UUID.test(userId)) throw new NotFoundError("User");
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, disabledAt: true, sessionVersion: true },
  });
  if (!user) throw new NotFoundError("User");
  return user;
}

async function endSessions(tx: Tx, userId: string) {
  await tx.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
  await tx.authSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
}

/**
 * A one-time reset link. The old password stops working, every session ends and every API token is
 * revoked at once: an admin resets a password because the account may be compromised.
 */
export async function issuePasswordReset({ ctx, userId }: { ctx: Ctx; userId: string | undefined }) {
  assertWorkspaceAdmin(ctx.actor);
  const target = await loadTarget(userId);
  return db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: target.id }, data: { passwordHash: NO_PASSWORD } });
    await endSessions(tx, target.id);
    const apiTokensRevoked = await revokeUserApiTokens({ tx, userId: target.id });
    const link = await issueLink({ tx, ctx, userId: target.id, purpose: "reset" });
    await recordAudit({
      tx,
      ctx,
      action: "user.reset_password",
      caseId: null,
      targetType: "user",
      targetId: target.id,
      after: { linkExpiresAt: link.expiresAt, apiTokensRevoked },
      reason: "Sessions ended, API tokens revoked; old password no longer valid",
    });
    return link;
  });
}

/** Disabling ends every session and stops API tokens at once; the account and its work stay. */
export async function disableUser({ ctx, userId }: { ctx: Ctx; userId: string | undefined }) {
  assertWorkspaceAdmin(ctx.actor);
  const target = await loadTarget(userId);
  if (target.id === ctx.actor.id) throw new InvalidError("You cannot disable your own account; ask another admin.");
  if (target.disabledAt) return { ok: true };
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: target.id }, data: { disabledAt: new Date() } });
    await endSessions(tx, target.id);
    await recordAudit({
      tx,
      ctx,
      action: "user.disable",
      caseId: null,
      targetType: "user",
      targetId: target.id,
      before: { disabled: false },
      after: { disabled: true },
    });
  });
  return { ok: true };
}

export async function enableUser({ ctx, userId }: { ctx: Ctx; userId: string | undefined }) {
  assertWorkspaceAdmin(ctx.actor);
  const target = await loadTarget(userId);
  if (!target.disabledAt) return { ok: true };
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: target.id }, data: { disabledAt: null } });
    await recordAudit({
      tx,
      ctx,
      action: "user.enable",
      caseId: null,
      targetType: "user",
      targetId: target.id,
      before: { disabled: true },
      after: { disabled: false },
    });
  });
  return { ok: true };
}
