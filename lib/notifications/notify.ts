import "server-only";
import type { Tx } from "@/lib/db";
import type { Ctx } from "@/lib/auth/actor";

export const NOTIFICATION_KINDS = [
  "review.approved",
  "review.changes_requested",
  "brief.approved",
  "brief.changes_requested",
  "comment.created",
  "task.assigned",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * Tells the people whose work this is (`recipients`) what `ctx.actor` just did, inside the caller's
 * transaction: the notification exists exactly when the change it reports does. Nobody is told about
 * their own action; a recipient named twice gets one notification.
 *
 * Not audited by itself: the triggering change writes its own audit event in the same transaction
 * (CONTRIBUTING.md, "Every mutation is audited").
 */
export async function notify(
  tx: Tx,
  ctx: Ctx,
  {
    recipients,
    caseId,
    kind,
    targetType,
    targetId,
    message,
    href,
  }: {
    recipients: (string | null | undefined)[];
    caseId: string;
    kind: NotificationKind;
    targetType: string;
    targetId: string;
    message: string;
    href: string;
  },
) {
  const userIds = [...new Set(recipients.filter((r): r is string => !!r && r !== ctx.actor.id))];
  if (!userIds.length) return;
  await tx.notification.createMany({
    data: userIds.map((userId) => ({ userId, caseId, actorId: ctx.actor.id, kind, targetType, targetId, message, href })),
  });
}

/** "“Operators X”", shortened for a one-line message. */
export function quoted(text: string) {
  const t = text.replace(/\s+/g, " ").trim();
  return `“${t.length > 80 ? `${t.slice(0, 79)}…` : t}”`;
}
