import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";
import { MarkNotificationsReadSchema, type MarkNotificationsReadInput } from "./schemas";
import { notificationsVisibleTo } from "./list-notifications";

/**
 * Marks the actor's own notifications read: the ones named, or all. Someone else's notification is a
 * 404, as if it did not exist. Idempotent (already read stays read at its first time).
 *
 * Not audited: whether you have seen a notification is personal UI state, like a review's "unread"
 * mark (lib/review/review-queue.ts), not a change to the case record (CONTRIBUTING.md, audit section).
 */
export async function markNotificationsRead({ actor, input }: { actor: Actor; input: MarkNotificationsReadInput }) {
  const { ids, all } = MarkNotificationsReadSchema.parse(input);
  const where = notificationsVisibleTo(actor);
  if (ids) {
    const unique = [...new Set(ids)];
    const found = await db.notification.count({ where: { ...where, id: { in: unique } } });
    if (found !== unique.length) throw new NotFoundError("Notification");
    const { count } = await db.notification.updateMany({
      where: { ...where, id: { in: unique }, readAt: null },
      data: { readAt: new Date() },
    });
    return { marked: count };
  }
  const { count } = await db.notification.updateMany({ where: { ...where, readAt: null }, data: { readAt: all ? new Date() : undefined } });
  return { marked: count };
}
