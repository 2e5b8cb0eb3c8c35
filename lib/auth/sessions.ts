import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { isId } from "@/lib/ids/id-schema";
import { cutText } from "@/lib/text/cut-text";

export const SESSION_ABSOLUTE_SECONDS = 7 * 24 * 3600;
export const SESSION_IDLE_SECONDS = 12 * 3600;
const TOUCH_EVERY_MS = 60_000;

export async function createSession({
  userId,
  sessionVersion,
  ip,
  userAgent,
}: {
  userId: string;
  sessionVersion: number;
  ip?: string;
  userAgent?: string;
}) {
  return db.authSession.create({
    data: {
      userId,
      sessionVersion,
      ip,
      userAgent: userAgent && cutText(userAgent, 300),
      expiresAt: new Date(Date.now() + SESSION_ABSOLUTE_SECONDS * 1000),
    },
  });
}

/**
 * The user behind a session id, or null. Fails closed: a revoked, expired, idle, disabled or
 * version-bumped session yields null, whatever the (still signed) JWT says.
 */
export async function actorForSession(sessionId: string | undefined | null, now = new Date()): Promise<Actor | null> {
  if (!isId(sessionId)) return null;
  const s = await db.authSession.findUnique({
    where: { id: sessionId },
    include: { user: { select: { id: true, email: true, name: true, isAdmin: true, sessionVersion: true, disabledAt: true } } },
  });
  if (!s || s.revokedAt || s.expiresAt <= now) return null;
  if (now.getTime() - s.lastSeenAt.getTime() > SESSION_IDLE_SECONDS * 1000) return null;
  if (s.user.disabledAt || s.user.sessionVersion !== s.sessionVersion) return null;
  if (now.getTime() - s.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await db.authSession.update({ where: { id: s.id }, data: { lastSeenAt: now } });
  }
  return { id: s.user.id, email: s.user.email, name: s.user.name, isAdmin: s.user.isAdmin };
}

export async function revokeSession(sessionId: string) {
  await db.authSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}
