import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import type { CaseAccess } from "./require-case-access";

// The client beats every 15 s while the tab is visible and says goodbye on pagehide (leavePresence); a
// tab closed without a goodbye (a crash, a lost network) drops out after this many seconds.
export const FRESH_SECONDS = 40;

/** Records that the actor has the case open, and returns who else does (seen in the last 40 seconds). */
export async function touchPresence({ actor, access }: { actor: Actor; access: CaseAccess }) {
  const now = new Date();
  await db.casePresence.upsert({
    where: { caseId_userId: { caseId: access.caseId, userId: actor.id } },
    create: { caseId: access.caseId, userId: actor.id, lastSeenAt: now },
    update: { lastSeenAt: now },
  });
  const others = await db.casePresence.findMany({
    where: { caseId: access.caseId, userId: { not: actor.id }, lastSeenAt: { gte: new Date(now.getTime() - FRESH_SECONDS * 1000) } },
    include: { user: { select: { id: true, name: true } } },
    orderBy: { lastSeenAt: "desc" },
  });
  return others.map((o) => ({ userId: o.user.id, name: o.user.name, lastSeenAt: o.lastSeenAt.toISOString() }));
}

/** The actor closed the case (pagehide, or left its pages): others stop seeing them at once. Not audited, like the heartbeat. */
export async function leavePresence({ actor, access }: { actor: Actor; access: CaseAccess }) {
  await db.casePresence.deleteMany({ where: { caseId: access.caseId, userId: actor.id } });
  return { ok: true as const };
}
