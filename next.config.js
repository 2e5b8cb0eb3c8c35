// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Packages with native or wasm parts stay outside the server bundle.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "bcryptjs", "jsdom", "isomorphic-dompurify"],
  experimental: { authInterrupts: true },
  // `npm test` type-checks the whole project (tests included) with tsc; the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
};
module.exports = nextConfig;
