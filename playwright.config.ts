import { defineConfig } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
export const BASE_URL = `http://localhost:${PORT}`;

// End-to-end tests run the real app (production build, embedded PostgreSQL in .data/e2e, reset each run).
export default defineConfig({
  // Browser/API suites: end-to-end journeys and the security suite (tests/security, see SECURITY.md).
  testDir: "tests",
  testMatch: ["e2e/**/*.spec.ts", "security/**/*.spec.ts"],
  fullyParallel: true,
  workers: 2,
  // One retry in CI: on a loaded 2-core runner a few journeys (the Ctrl-K palette, search) time out now and then; a
  // retried test is reported as flaky in the list output, so it stays visible.
  retries: process.env.CI ? 1 : 0,
  timeout: 45_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: BASE_URL,
    // A trace is recorded when a failed test is run again (CI retries once): recording every test cost about a
    // tenth of the suite's CPU (DOM snapshots and screencast frames for every action). PW_TRACE=on records all.
    trace: (process.env.PW_TRACE as "on" | undefined) ?? (process.env.CI ? "on-first-retry" : "retain-on-failure"),
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: {
    command: "npx tsx --conditions=react-server scripts/start.ts",
    url: `${BASE_URL}/login`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    env: {
      PORT: String(PORT),
      APP_DATA_DIR: process.env.E2E_DATA_DIR ?? ".data/e2e",
      EMBEDDED_PG_PORT: process.env.E2E_PG_PORT ?? "54349",
      E2E_RESET: "1",
      TRUST_PROXY: "1",
      NEXTAUTH_URL: BASE_URL,
      CAPTURE_ALLOW_HOSTS: "127.0.0.1",
      DATABASE_URL: process.env.E2E_DATABASE_URL ?? "",
    },
  },
});
