import "server-only";
import { db } from "@/lib/db";
import { recordAudit, type Ctx } from "@/lib/audit/record-audit";
import { InvalidError } from "@/lib/errors";
import { hashPassword, verifyPassword } from "./passwords";
import { ChangePasswordSchema } from "./change-password-schema";
import { assertPasswordAllowed } from "./password-policy";


/**
 * Changes the signed-in user's password. Bumps the session version, so every other session (other
 * browsers, a stolen cookie) dies at once; the session making the change is moved to the new version
 * so the user stays signed in here.
 */
export async function changePassword({ ctx, sessionId, input }: { ctx: Ctx; sessionId: string | null; input: unknown }) {
  const { currentPassword, newPassword } = ChangePasswordSchema.parse(input);
  const user = await db.user.findUniqueOrThrow({ where: { id: ctx.actor.id }, omit: { passwordHash: false } });
  if (!(await verifyPassword({ password: currentPassword, hash: user.passwordHash }))) {
    throw new InvalidError("The password was not changed.", [{ path: "currentPassword", message: "That is not your current password." }]);
  }
  assertPasswordAllowed({ password: newPassword, email: user.email });
  if (newPassword === currentPassword) throw new InvalidError("The password was not changed.", [{ path: "newPassword", message: "Choose a password different from the current one." }]);
  const passwordHash = await hashPassword(newPassword);
  await db.$transaction(async (tx) => {
    const updated = await tx.user.update({ where: { id: user.id }, data: { passwordHash, sessionVersion: { increment: 1 } }, select: { sessionVersion: true } });
    const now = new Date();
    await tx.authSession.updateMany({ where: { userId: user.id, revokedAt: null, NOT: sessionId ? { id: sessionId } : undefined }, data: { revokedAt: now } });
    if (sessionId) await tx.authSession.updateMany({ where: { id: sessionId, userId: user.id, revokedAt: null }, data: { sessionVersion: updated.sessionVersion } });
    await recordAudit({ tx, ctx, action: "user.password_change", caseId: null, targetType: "user", targetId: user.id, reason: "Changed by the user; other sessions signed out" });
  });
}
