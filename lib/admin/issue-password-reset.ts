import "server-only";
import { db } from "@/lib/db";
import type { Ctx } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { NO_PASSWORD } from "@/lib/auth/passwords";
import { revokeUserApiTokens } from "@/lib/tokens/revoke-user-api-tokens";
import { assertWorkspaceAdmin } from "./require-admin";
import { issueLink } from "./issue-link";
import { loadTarget, endSessions } from "./target-user";

/**
 * A one-time reset link. The old password stops working, every session ends and every API token is
 * revoked at once: an admin resets a password because the account may be compromised.
 */
export async function issuePasswordReset({ ctx, userId }: { ctx: Ctx; userId: string }) {
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
