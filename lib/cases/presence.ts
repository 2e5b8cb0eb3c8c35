import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import type { CaseAccess } from "./require-case-access";

const FRESH_SECONDS = 60;

/** Records that the actor has the case open, and returns who else does (seen in the last minute). */
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
