import "server-only";
import type { Tx } from "@/lib/db";
import type { Ctx } from "@/lib/auth/actor";
import { LINK_TTL_SECONDS, linkPath, newLinkToken } from "./link-token";

/** A one-time link (an invite or a password reset) for the user, valid 72 h; only its hash is stored. */
export async function issueLink({ tx, ctx, userId, purpose }: { tx: Tx; ctx: Ctx; userId: string; purpose: "invite" | "reset" }) {
  const now = new Date();
  // Only the newest link works: earlier unused ones are expired now.
  await tx.userInvite.updateMany({ where: { userId, usedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } });
  const { token, hash } = newLinkToken();
  const expiresAt = new Date(now.getTime() + LINK_TTL_SECONDS * 1000);
  await tx.userInvite.create({ data: { userId, purpose, tokenHash: hash, createdById: ctx.actor.id, expiresAt } });
  return { token, path: linkPath(token), expiresAt };
}
