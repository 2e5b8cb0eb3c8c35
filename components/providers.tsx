"use client";
// Client-side context for every page (mounted by the root layout). Kept tiny because it loads on every
// page, /login included: the login page needs neither TanStack Query nor the quick-jump palette, so
// both are left out there; everywhere else the query client comes from a separate chunk that the server
// render preloads (next/dynamic with SSR), and the palette's code waits for its first Ctrl/Cmd-K.
import "@/lib/client/zod-jitless";
import dynamic from "next/dynamic";
import { usePathname } from "next/navigation";
import { PaletteLauncher } from "@/components/search/palette-launcher";

const QueryProvider = dynamic(() => import("./providers-query").then((m) => m.QueryProvider));

/** Paths whose pages use no TanStack Query and no palette (signed-out pages). */
const BARE_PATHS = new Set(["/login"]);

export function Providers({ children }: { children: React.ReactNode }) {
  const pathname = usePathname();
  if (BARE_PATHS.has(pathname)) return children;
  return (
    <QueryProvider>
      {children}
      <PaletteLauncher />
    </QueryProvider>
  );
}
