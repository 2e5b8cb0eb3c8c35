"use client";
// "Also viewing": who else has this case open. Each poll is also this user's own heartbeat (a POST), every
// `intervalMs` while the tab is visible. Closing the tab or leaving the case's pages sends a goodbye
// (DELETE, keepalive), so colleagues stop seeing this user at once rather than when the heartbeat goes
// stale. A plain timer, not TanStack Query: it is on every case page, and was the case overview's only
// reason to download the query observer (issue 16).
import { useEffect, useState } from "react";
import { api } from "@/lib/client/api";

type Viewer = { userId: string; name: string; lastSeenAt: string };

function initials(name: string) {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return ((parts[0]?.[0] ?? "") + (parts.length > 1 ? parts[parts.length - 1][0] : "")).toUpperCase() || "?";
}

export function PresenceIndicator({ caseId, intervalMs = 15_000 }: { caseId: string; intervalMs?: number }) {
  const [viewers, setViewers] = useState<Viewer[]>([]);
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const beat = async () => {
      if (document.visibilityState === "visible") {
        try {
          const { viewers } = await api<{ viewers: Viewer[] }>(`/api/cases/${caseId}/presence`, { method: "POST" });
          if (!stopped) setViewers(viewers);
        } catch {
          // Shown as before; the next beat tries again.
        }
      }
      if (!stopped) timer = setTimeout(beat, intervalMs);
    };
    void beat();
    const leave = () => {
      void fetch(`/api/cases/${caseId}/presence`, { method: "DELETE", keepalive: true }).catch(() => {});
    };
    window.addEventListener("pagehide", leave);
    return () => {
      stopped = true;
      clearTimeout(timer);
      window.removeEventListener("pagehide", leave);
      leave();
    };
  }, [caseId, intervalMs]);
  return (
    // Polite live region: a colleague arriving is announced without interrupting.
    <div aria-live="polite" className="min-h-0">
      {viewers.length > 0 && (
        <div className="flex items-center justify-end gap-2 pt-2 text-xs text-slate-700" data-testid="presence">
          <span className="font-medium">Also viewing:</span>
          <ul aria-label="Also viewing" className="flex flex-wrap items-center gap-2">
            {viewers.map((v) => (
              <li
                key={v.userId}
                className="flex items-center gap-1.5"
                title={`${v.name}, active ${new Date(v.lastSeenAt).toLocaleTimeString()}`}
              >
                <span
                  aria-hidden
                  className="grid h-6 w-6 place-items-center rounded-full bg-indigo-100 text-[0.65rem] font-semibold text-indigo-900 ring-2 ring-white"
                >
                  {initials(v.name)}
                </span>
                <span>{v.name}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
