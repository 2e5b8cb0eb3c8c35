import type { Metadata } from "next";
import { connection } from "next/server";
import "./globals.css";
import { Providers } from "@/components/providers";

export const metadata: Metadata = {
  title: { default: "Casefile", template: "%s · Casefile" },
  description: "OSINT case management with a chain of evidence.",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page renders per request so Next can stamp this request's CSP nonce (proxy.ts) on its
  // scripts; a prerendered page (e.g. the 404) would carry none and be blocked.
  await connection();
  return (
    <html lang="en">
      <body>
        {/* Providers also mounts the Ctrl/Cmd-K palette's listener (the palette itself loads on use). */}
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
