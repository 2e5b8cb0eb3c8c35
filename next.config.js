// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  // Separate build folders let several test servers run side by side (NEXT_DIST_DIR=.next-xyz).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // TAXII 2.1 URLs end in a slash (`/taxii2/`, `…/objects/`) and clients call them so: proxy.ts answers them
  // as written and redirects every other trailing slash itself, as Next would (308 to the path without it).
  skipTrailingSlashRedirect: true,
  reactStrictMode: true,
  // Packages with native or wasm parts stay outside the server bundle.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "bcryptjs", "jsdom", "isomorphic-dompurify"],
  experimental: {
    authInterrupts: true,
    // Next's request proxy buffers bodies up to this size and cuts the rest silently (10 MiB by
    // default). 1 MiB above the app's one limit (MAX_REQUEST_BODY_BYTES = 20 MiB in
    // lib/http/body-limit.ts), so an oversized body reaches the route and is refused there with a 413.
    proxyClientMaxBodySize: 21 * 1024 * 1024,
  },
  // `npm test` type-checks the whole project (tests included) with tsc; the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
};
module.exports = nextConfig;
