"use client";
import { useCallback, useState } from "react";
import { api } from "@/lib/client/api";
import type { NotificationView } from "@/lib/domain-types";

/** The user's notifications and unread count, loaded on demand, with mark-one and mark-all read. */
export function useNotifications(initialUnread: number, initialItems: NotificationView[] | null = null) {
  const [items, setItems] = useState<NotificationView[] | null>(initialItems);
  const [unread, setUnread] = useState(initialUnread);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      const r = await api<{ notifications: NotificationView[]; unread: number }>("/api/me/notifications");
      setItems(r.notifications);
      setUnread(r.unread);
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : "Could not load notifications.");
    }
  }, []);

  const mark = useCallback(async (input: { ids: string[] } | { all: true }) => {
    const now = new Date().toISOString();
    const hit = (n: NotificationView) => !n.readAt && ("all" in input || input.ids.includes(n.id));
    setItems((list) => list?.map((n) => (hit(n) ? { ...n, readAt: now } : n)) ?? list);
    setUnread((u) => ("all" in input ? 0 : Math.max(0, u - input.ids.length)));
    try {
      await api("/api/me/notifications/read", { method: "POST", json: input });
    } catch (e) {
      setError(e instanceof Error ? e.message : "Could not mark notifications read.");
    }
  }, []);

  return { items, unread, error, load, mark };
}
