import "server-only";
import { db } from "@/lib/db";
import type { Ctx } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { InvalidError } from "@/lib/errors";
import { hashPassword, verifyPassword } from "./passwords";
import { ChangePasswordSchema } from "./change-password-schema";
import { assertPasswordAllowed } from "./password-policy";
import { clearLoginFailures, lockedFor, recordLoginFailure } from "./login-throttle";
import { lockedError } from "./verify-credentials";
import { revokeUserApiTokens } from "@/lib/tokens/revoke-user-api-tokens";

/**
 * Changes the signed-in user's password. Bumps the session version, so every other session (other
 * browsers, a stolen cookie) dies at once, and revokes every API token (one minted by whoever knew
 * the old password would otherwise outlive it); the session making the change is moved to the new version
 * so the user stays signed in here. A wrong current password counts against the same limit as a
 * failed sign-in (lib/auth/login-throttle.ts): a stolen session cookie is not a free password oracle.
 */
export async function changePassword({
  ctx,
  sessionId,
  ip,
  input,
}: {
  ctx: Ctx;
  sessionId: string | null;
  ip: string | null;
  input: unknown;
}) {
  const { currentPassword, newPassword } = ChangePasswordSchema.parse(input);
  const user = await db.user.findUniqueOrThrow({ where: { id: ctx.actor.id }, omit: { passwordHash: false } });
  const wait = await lockedFor({ email: user.email, ip });
  if (wait > 0) throw lockedError(wait);
  if (!(await verifyPassword({ password: currentPassword, hash: user.passwordHash }))) {
    await recordLoginFailure({ email: user.email, ip });
    const waitNow = await lockedFor({ email: user.email, ip });
    if (waitNow > 0) throw lockedError(waitNow);
    throw new InvalidError("The password was not changed.", [{ path: "currentPassword", message: "That is not your current password." }]);
  }
  assertPasswordAllowed({ password: newPassword, email: user.email });
  if (newPassword === currentPassword)
    throw new InvalidError("The password was not changed.", [
      { path: "newPassword", message: "Choose a password different from the current one." },
    ]);
  await clearLoginFailures({ email: user.email, ip });
  const passwordHash = await hashPassword(newPassword);
  await db.$transaction(async (tx) => {
    const updated = await tx.user.update({
      where: { id: user.id },
      data: { passwordHash, sessionVersion: { increment: 1 } },
      select: { sessionVersion: true },
    });
    const now = new Date();
    await tx.authSession.updateMany({
      where: { userId: user.id, revokedAt: null, NOT: sessionId ? { id: sessionId } : undefined },
      data: { revokedAt: now },
    });
    if (sessionId)
      await tx.authSession.updateMany({
        where: { id: sessionId, userId: user.id, revokedAt: null },
        data: { sessionVersion: updated.sessionVersion },
      });
    const apiTokensRevoked = await revokeUserApiTokens({ tx, userId: user.id, now });
    await recordAudit({
      tx,
      ctx,
      action: "user.password_change",
      caseId: null,
      targetType: "user",
      targetId: user.id,
      after: { apiTokensRevoked },
      reason: "Changed by the user; other sessions signed out, API tokens revoked",
    });
  });
}
