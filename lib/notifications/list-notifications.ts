import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { NotificationView } from "@/lib/domain-types";
import { NotificationListQuerySchema } from "./schemas";

/**
 * Only the actor's own notifications, and only from cases they are still a member of (someone who
 * left a case no longer hears about it, and what was said there stays in the case).
 */
function visibleTo(actor: Actor): Prisma.NotificationWhereInput {
  return { userId: actor.id, OR: [{ caseId: null }, { case: { members: { some: { userId: actor.id } } } }] };
}

/** The actor's notifications, newest first, with the number still unread. */
export async function listNotifications({ actor, query = {} }: { actor: Actor; query?: unknown }) {
  const { unread, limit } = NotificationListQuerySchema.parse(query);
  const where = visibleTo(actor);
  const [rows, unreadCount] = await Promise.all([
    db.notification.findMany({
      where: unread ? { ...where, readAt: null } : where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: limit,
      include: { case: { select: { title: true } }, actor: { select: { name: true } } },
    }),
    db.notification.count({ where: { ...where, readAt: null } }),
  ]);
  const notifications: NotificationView[] = rows.map((n) => ({
    id: n.id,
    kind: n.kind,
    message: n.message,
    href: n.href,
    caseId: n.caseId,
    caseTitle: n.case?.title ?? null,
    actorName: n.actor?.name ?? null,
    createdAt: n.createdAt.toISOString(),
    readAt: n.readAt?.toISOString() ?? null,
  }));
  return { notifications, unread: unreadCount };
}

/** The bell's number: one count query, for every page's header. */
export async function unreadNotificationCount({ actor }: { actor: Actor }): Promise<number> {
  return db.notification.count({ where: { ...visibleTo(actor), readAt: null } });
}

export { visibleTo as notificationsVisibleTo };
