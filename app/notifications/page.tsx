import { requireActorOrRedirect } from "@/lib/auth/current-user";
import { listNotifications } from "@/lib/notifications/list-notifications";
import { AppHeader } from "@/components/app-header";
import { NotificationsView } from "@/components/notifications/notifications-page";

export const dynamic = "force-dynamic";
export const metadata = { title: "Notifications" };

export default async function NotificationsPage() {
  const actor = await requireActorOrRedirect("/notifications");
  const { notifications, unread } = await listNotifications({ actor, query: { limit: 100 } });
  return (
    <>
      <AppHeader user={actor} />
      <main className="mx-auto max-w-3xl px-4 py-8">
        <NotificationsView initial={notifications} initialUnread={unread} />
      </main>
    </>
  );
}
