import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";

/** The actor's own active tokens, newest first (never the hash). */
export async function listApiTokens({ actor }: { actor: Actor }) {
  return db.apiToken.findMany({
    where: { userId: actor.id, revokedAt: null },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true },
    orderBy: { createdAt: "desc" },
  });
}
