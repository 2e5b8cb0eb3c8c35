// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  // Separate build folders let several test servers run side by side (NEXT_DIST_DIR=.next-xyz).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  reactStrictMode: true,
  // Packages with native or wasm parts stay outside the server bundle.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "bcryptjs", "jsdom", "isomorphic-dompurify"],
  experimental: { authInterrupts: true },
  // `npm test` type-checks the whole project (tests included) with tsc; the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
};
module.exports = nextConfig;
