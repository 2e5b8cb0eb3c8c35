"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

const TABS = [
  { href: "", label: "Overview" },
  { href: "/claims", label: "Claims" },
  { href: "/sources", label: "Sources" },
  { href: "/entities", label: "Entities" },
  { href: "/timeline", label: "Timeline" },
  { href: "/graph", label: "Graph" },
  { href: "/attack", label: "ATT&CK" },
  { href: "/indicators", label: "Indicators" },
  { href: "/attribution", label: "Attribution" },
  { href: "/ach", label: "ACH matrix" },
  { href: "/brief", label: "Brief" },
  { href: "/tasks", label: "Tasks" },
  { href: "/activity", label: "Activity" },
  { href: "/team", label: "Team" },
] as const;

export function CaseNav({ caseId }: { caseId: string }) {
  const pathname = usePathname();
  const base = `/cases/${caseId}`;
  return (
    <nav aria-label="Case" className="relative mx-auto flex max-w-7xl gap-1 overflow-x-auto whitespace-nowrap px-4">
      {TABS.map((t) => {
        const href = base + t.href;
        const active = t.href === "" ? pathname === base || pathname.startsWith(`${base}/documents`) : pathname.startsWith(href);
        return (
          <Link
            key={t.label}
            href={href}
            aria-current={active ? "page" : undefined}
            className={`border-b-2 px-3 py-2 text-sm font-medium ${active ? "border-indigo-700 text-indigo-800" : "border-transparent text-slate-600 hover:text-slate-900"}`}
          >
            {t.label}
          </Link>
        );
      })}
    </nav>
  );
}
