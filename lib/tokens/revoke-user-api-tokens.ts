import "server-only";
import type { Tx } from "@/lib/db";

/**
 * Revokes every live API token of a user, inside the caller's transaction (a password change or an
 * admin reset: whoever may have had the password may have minted tokens with it). Returns how many,
 * for the caller's audit event.
 */
export async function revokeUserApiTokens({ tx, userId, now = new Date() }: { tx: Tx; userId: string; now?: Date }): Promise<number> {
  const { count } = await tx.apiToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
  return count;
}
