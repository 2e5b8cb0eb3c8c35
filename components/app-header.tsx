import Link from "next/link";
import { reviewUnreadCount } from "@/lib/review/review-queue";
import type { Actor } from "@/lib/auth/actor";
import { SignOutButton } from "./sign-out-button";
import { SearchButton } from "./search/search-button";
import { SKIP_LINK_SLOT } from "./ui/skip-link-slot";
import { unreadNotificationCount } from "@/lib/notifications/list-notifications";
import { NotificationBell } from "./notifications/notification-bell";

/**
 * The top bar. Server-rendered with the user's unread review count; a page that has already loaded the
 * review queue (the dashboard) passes `reviewUnread` so the queue is read once per request.
 */
export async function AppHeader({ user, reviewUnread }: { user: Actor; reviewUnread?: number }) {
  const unread = reviewUnread ?? (await reviewUnreadCount({ actor: user }));
  const notificationsUnread = await unreadNotificationCount({ actor: user });
  return (
    <header className="border-b border-slate-200 bg-white">
      {/* A page's skip link (components/ui/skip-link.tsx) lands here, first in the Tab order. */}
      <div id={SKIP_LINK_SLOT} />
      <div className="mx-auto flex h-14 max-w-7xl items-center gap-6 px-4">
        <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight text-slate-900">
          <span aria-hidden className="grid h-7 w-7 place-items-center rounded bg-indigo-700 text-xs font-bold text-white">
            CF
          </span>
          Casefile
        </Link>
        <nav aria-label="Main" className="flex gap-4 text-sm text-slate-600">
          <Link href="/" className="hover:text-slate-900">
            Cases
          </Link>
          <Link
            href="/reviews"
            className="inline-flex items-center gap-1.5 hover:text-slate-900"
            data-testid="review-queue-link"
            data-unread={unread}
          >
            Reviews
            {unread > 0 && (
              <span
                className="rounded-full bg-indigo-700 px-1.5 py-px text-xs font-semibold text-white tabular-nums"
                data-testid="review-badge"
              >
                {unread}
                <span className="sr-only"> unread</span>
              </span>
            )}
          </Link>
          <Link href="/settings/tokens" className="hover:text-slate-900">
            API tokens
          </Link>
          <Link href="/settings/password" className="hover:text-slate-900">
            Password
          </Link>
          {user.isAdmin && (
            <Link href="/admin" className="hover:text-slate-900">
              Admin
            </Link>
          )}
        </nav>
        <div className="ml-auto flex items-center gap-3 text-sm">
          <SearchButton />
          <NotificationBell initialUnread={notificationsUnread} />
          <span className="text-slate-600" title={user.email}>
            {user.name}
          </span>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
