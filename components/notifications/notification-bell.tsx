"use client";
// The header's bell: the number of unread notifications; opens a list of the latest. Without
// JavaScript it is a link to /notifications.
import Link from "next/link";
import { lazy, Suspense, useEffect, useRef, useState } from "react";
import { useNotifications } from "./use-notifications";

// The list (with date-fns for "3 hours ago") loads when the bell is first opened: the header is on every
// page, the open list is not.
const NotificationList = lazy(() => import("./notification-list").then((m) => ({ default: m.NotificationList })));

export function NotificationBell({ initialUnread }: { initialUnread: number }) {
  const [open, setOpen] = useState(false);
  const { items, unread, error, load, mark } = useNotifications(initialUnread);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent | KeyboardEvent) => {
      if (e instanceof KeyboardEvent ? e.key === "Escape" : !root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("mousedown", close);
      document.removeEventListener("keydown", close);
    };
  }, [open]);

  return (
    <div ref={root} className="relative">
      <Link
        href="/notifications"
        role="button"
        aria-expanded={open}
        aria-controls="notification-panel"
        aria-label={unread ? `Notifications, ${unread} unread` : "Notifications"}
        data-testid="notification-bell"
        data-unread={unread}
        onClick={(e) => {
          if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
          e.preventDefault();
          if (!open) void load();
          setOpen(!open);
        }}
        className="relative inline-flex items-center rounded-md p-1.5 text-slate-600 ring-1 ring-slate-300 hover:bg-slate-50 hover:text-slate-900"
      >
        <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className="h-4 w-4">
          <path d="M10 2a6 6 0 0 0-6 6v2.6l-1.3 2.6A1 1 0 0 0 3.6 15h12.8a1 1 0 0 0 .9-1.4L16 10.6V8a6 6 0 0 0-6-6Zm0 16a2.5 2.5 0 0 1-2.45-2h4.9A2.5 2.5 0 0 1 10 18Z" />
        </svg>
        {unread > 0 && (
          <span
            className="absolute -top-1.5 -right-1.5 rounded-full bg-red-700 px-1.5 py-px text-xs leading-4 font-semibold text-white tabular-nums"
            data-testid="notification-count"
          >
            {unread}
          </span>
        )}
      </Link>
      {open && (
        <div
          id="notification-panel"
          role="region"
          aria-label="Notifications"
          className="absolute right-0 z-20 mt-2 w-96 max-w-[90vw] rounded-lg border border-slate-200 bg-white shadow-lg"
        >
          <div className="flex items-center justify-between gap-3 border-b border-slate-200 px-4 py-2.5">
            <h2 className="text-sm font-semibold">Notifications</h2>
            <button
              type="button"
              disabled={unread === 0}
              onClick={() => void mark({ all: true })}
              className="text-xs font-medium text-indigo-800 hover:underline disabled:text-slate-400 disabled:no-underline"
            >
              Mark all read
            </button>
          </div>
          {error && (
            <p role="alert" className="px-4 py-2 text-sm text-red-800">
              {error}
            </p>
          )}
          <div className="max-h-96 overflow-y-auto">
            {items ? (
              <Suspense fallback={<Loading />}>
                <NotificationList
                  items={items}
                  onOpen={(n) => {
                    if (!n.readAt) void mark({ ids: [n.id] });
                    setOpen(false);
                  }}
                />
              </Suspense>
            ) : (
              <Loading />
            )}
          </div>
          <div className="border-t border-slate-200 px-4 py-2 text-right">
            <Link href="/notifications" className="text-xs font-medium text-indigo-800 hover:underline" onClick={() => setOpen(false)}>
              All notifications
            </Link>
          </div>
        </div>
      )}
    </div>
  );
}

function Loading() {
  return <p className="px-4 py-4 text-sm text-slate-600">Loading…</p>;
}
