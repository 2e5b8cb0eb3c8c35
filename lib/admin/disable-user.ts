import "server-only";
import { db } from "@/lib/db";
import type { Ctx } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { InvalidError } from "@/lib/errors";
import { assertWorkspaceAdmin } from "./require-admin";
import { loadTarget, endSessions } from "./target-user";

/** Disabling ends every session and stops API tokens at once; the account and its work stay. */
export async function disableUser({ ctx, userId }: { ctx: Ctx; userId: string }) {
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
