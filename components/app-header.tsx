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
  // Both counts at once: every page renders this bar, and one waited for the other.
  const [unread, notificationsUnread] = await Promise.all([
    reviewUnread ?? reviewUnreadCount({ actor: user }),
    unreadNotificationCount({ actor: user }),
  ]);
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
        {/* Wide screens: the links in a row. */}
        <nav aria-label="Main" className="hidden gap-4 text-sm text-slate-600 md:flex">
          <MainLinks unread={unread} isAdmin={user.isAdmin} />
        </nav>
        <div className="ml-auto flex items-center gap-3 text-sm">
          <SearchButton />
          <NotificationBell initialUnread={notificationsUnread} />
          <span className="hidden text-slate-600 sm:inline" title={user.email}>
            {user.name}
          </span>
          <span className="hidden md:inline">
            <SignOutButton />
          </span>
          {/* Phones: the same links behind a menu button. <details> opens without JavaScript and keeps its own
              expanded state for assistive technology. */}
          <details className="group relative md:hidden" data-testid="main-menu">
            <summary className="flex cursor-pointer list-none items-center gap-1 rounded px-2 py-1 font-medium text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50 [&::-webkit-details-marker]:hidden">
              <span aria-hidden>☰</span> Menu
            </summary>
            <div className="absolute right-0 z-40 mt-2 w-56 rounded-md border border-slate-200 bg-white p-3 shadow-lg">
              <p className="mb-2 truncate text-xs text-slate-500" title={user.email}>
                Signed in as {user.name}
              </p>
              <nav aria-label="Main menu" className="flex flex-col gap-2 text-sm text-slate-700">
                <MainLinks unread={unread} isAdmin={user.isAdmin} inMenu />
              </nav>
              <div className="mt-3 border-t border-slate-100 pt-3">
                <SignOutButton />
              </div>
            </div>
          </details>
        </div>
      </div>
    </header>
  );
}

/** The app's main links, in the wide header row and in the phone menu. */
function MainLinks({ unread, isAdmin, inMenu = false }: { unread: number; isAdmin: boolean; inMenu?: boolean }) {
  // Test ids on one copy only: the other is in the DOM too (hidden by width), and a test must find exactly one.
  const id = (name: string) => (inMenu ? undefined : name);
  return (
    <>
      <Link href="/" className="hover:text-slate-900">
        Cases
      </Link>
      <Link
        href="/reviews"
        className="inline-flex items-center gap-1.5 hover:text-slate-900"
        data-testid={id("review-queue-link")}
        data-unread={unread}
      >
        Reviews
        {unread > 0 && (
          <span
            className="rounded-full bg-indigo-700 px-1.5 py-px text-xs font-semibold text-white tabular-nums"
            data-testid={id("review-badge")}
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
      {isAdmin && (
        <Link href="/admin" className="hover:text-slate-900">
          Admin
        </Link>
      )}
    </>
  );
}
