import "server-only";
import { db } from "@/lib/db";
import type { Ctx } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { ForbiddenError } from "@/lib/errors";
import { CreateApiTokenSchema, type CreateApiTokenInput } from "./schemas";
import { generateApiToken } from "./token-secret";

/**
 * Creates a personal API token for the signed-in user. The plaintext is returned once and never
 * stored. A request authenticated by a token may not mint another one: otherwise a leaked token
 * could outlive its own revocation.
 */
export async function createApiToken({
  ctx,
  name,
  viaApiToken = false,
}: {
  ctx: Ctx;
  name: CreateApiTokenInput["name"];
  viaApiToken?: boolean;
}) {
  if (viaApiToken) throw new ForbiddenError("API tokens cannot create other tokens. Create one on the settings page.");
  const input = CreateApiTokenSchema.parse({ name });
  const { token, hash, prefix } = generateApiToken();
  const apiToken = await db.$transaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: { userId: ctx.actor.id, name: input.name, tokenHash: hash, prefix },
      select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true },
    });
    await recordAudit({
      tx,
      ctx,
      action: "api_token.create",
      caseId: null,
      targetType: "api_token",
      targetId: row.id,
      after: { name: row.name, prefix: row.prefix },
    });
    return row;
  });
  return { token, apiToken };
}
