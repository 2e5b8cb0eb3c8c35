import "server-only";
import { db } from "@/lib/db";
import type { Ctx } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { NotFoundError } from "@/lib/errors";

/** Revokes one of the actor's own tokens. Someone else's token, or one already revoked, is a 404. */
export async function revokeApiToken({ ctx, tokenId }: { ctx: Ctx; tokenId: string }) {
  await db.$transaction(async (tx) => {
    const now = new Date();
    // Conditional update: two concurrent revokes cannot both succeed and both write audit rows.
    const { count } = await tx.apiToken.updateMany({
      where: { id: tokenId, userId: ctx.actor.id, revokedAt: null },
      data: { revokedAt: now },
    });
    if (count !== 1) throw new NotFoundError("API token");
    const row = await tx.apiToken.findUniqueOrThrow({ where: { id: tokenId }, select: { name: true, prefix: true } });
    await recordAudit({
      tx,
      ctx,
      action: "api_token.revoke",
      caseId: null,
      targetType: "api_token",
      targetId: tokenId,
      before: row,
      after: { revokedAt: now },
    });
  });
}
