"use client";
import type { NotificationView } from "@/lib/domain-types";
import { Button } from "@/components/ui/form";
import { NotificationList } from "./notification-list";
import { useNotifications } from "./use-notifications";

/** The full list (the latest 100), with "Mark all read". */
export function NotificationsView({ initial, initialUnread }: { initial: NotificationView[]; initialUnread: number }) {
  const { items, unread, error, mark } = useNotifications(initialUnread, initial);
  return (
    <section aria-labelledby="notifications-heading" className="rounded-lg border border-slate-200 bg-white">
      <div className="flex items-center justify-between gap-4 border-b border-slate-200 px-4 py-3">
        <h1 id="notifications-heading" className="text-lg font-semibold">
          Notifications <span className="text-sm font-normal text-slate-600">({unread} unread)</span>
        </h1>
        <Button type="button" variant="secondary" disabled={unread === 0} onClick={() => void mark({ all: true })}>
          Mark all read
        </Button>
      </div>
      {error && (
        <p role="alert" className="px-4 py-2 text-sm text-red-800">
          {error}
        </p>
      )}
      <NotificationList items={items ?? []} onOpen={(n) => !n.readAt && void mark({ ids: [n.id] })} />
    </section>
  );
}
