import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { hashApiToken, TOKEN_PATTERN } from "./token-secret";

const TOUCH_EVERY_MS = 60_000;

/**
 * The user behind a Bearer token, or null. Fails closed: a malformed, unknown or revoked token, or
 * one whose user is disabled, yields null. lastUsedAt is written at most once a minute per token.
 */
export async function actorForApiToken(token: string | null | undefined, now = new Date()): Promise<Actor | null> {
  if (!token || !TOKEN_PATTERN.test(token)) return null;
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hashApiToken(token) },
    select: {
      id: true,
      revokedAt: true,
      lastUsedAt: true,
      user: { select: { id: true, email: true, name: true, isAdmin: true, disabledAt: true } },
    },
  });
  if (!row || row.revokedAt || row.user.disabledAt) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
    const stale = new Date(now.getTime() - TOUCH_EVERY_MS);
    // The condition is in the WHERE so concurrent requests do not all write.
    await db.apiToken.updateMany({
      where: { id: row.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: stale } }] },
      data: { lastUsedAt: now },
    });
  }
  return { id: row.user.id, email: row.user.email, name: row.user.name, isAdmin: row.user.isAdmin };
}
