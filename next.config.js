// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Packages with native or wasm parts stay outside the server bundle.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "bcryptjs", "jsdom", "isomorphic-dompurify"],
  experimental: { authInterrupts: true },
};
module.exports = nextConfig;
