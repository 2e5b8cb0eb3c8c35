import "server-only";
import { db } from "@/lib/db";
import type { Ctx } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertWorkspaceAdmin } from "./require-admin";
import { loadTarget } from "./target-user";

export async function enableUser({ ctx, userId }: { ctx: Ctx; userId: string }) {
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
