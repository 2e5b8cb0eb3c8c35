"use client";
import Link from "next/link";
import { formatDistanceToNow } from "date-fns";
import type { NotificationView } from "@/lib/domain-types";
import { utcLabel } from "@/components/activity/time-format";

/** Notifications newest first; unread ones bold with a "New" mark. Opening one marks it read (`onOpen`). */
export function NotificationList({ items, onOpen }: { items: NotificationView[]; onOpen: (n: NotificationView) => void }) {
  if (!items.length)
    return (
      <p className="px-4 py-4 text-sm text-slate-600">No notifications. Decisions on your work, comments and tasks for you appear here.</p>
    );
  return (
    <ul aria-label="Notifications" className="divide-y divide-slate-100">
      {items.map((n) => (
        <li key={n.id} className="px-4 py-2.5 text-sm" data-testid="notification" data-unread={!n.readAt}>
          <Link
            href={n.href}
            onClick={() => onOpen(n)}
            className={`block text-slate-900 hover:underline ${n.readAt ? "" : "font-semibold"}`}
          >
            {!n.readAt && <span className="mr-1.5 rounded bg-indigo-700 px-1.5 py-px text-xs font-semibold text-white">New</span>}
            {n.message}
          </Link>
          <p className="mt-0.5 text-xs text-slate-600">
            {n.caseTitle && <span className="mr-2">{n.caseTitle}</span>}
            <time dateTime={n.createdAt} title={utcLabel(n.createdAt)}>
              {formatDistanceToNow(new Date(n.createdAt), { addSuffix: true })}
            </time>
          </p>
        </li>
      ))}
    </ul>
  );
}
