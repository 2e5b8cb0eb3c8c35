"use client";
// Client-side context for every page the App Router renders (mounted by the root layout). The login
// page is not one of them: it is plain HTML with no script (app/login/route.ts). The query client is
// imported statically: loaded through next/dynamic it sat in a chunk group of its own, and the pages'
// useQuery chunks carried a second copy of TanStack Query's core (issue 16). The palette's code waits
// for its first Ctrl/Cmd-K.
import "@/lib/client/zod-jitless";
import { useEffect } from "react";
import { PaletteLauncher } from "@/components/search/palette-launcher";
import { QueryProvider } from "./providers-query";

export function Providers({ children }: { children: React.ReactNode }) {
  // <html data-hydrated> once the page is interactive: a browser test that types before then loses its typing.
  useEffect(() => document.documentElement.setAttribute("data-hydrated", ""), []);
  return (
    <QueryProvider>
      {children}
      <PaletteLauncher />
    </QueryProvider>
  );
}
