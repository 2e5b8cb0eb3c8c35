// The real `npm start` (scripts/start.ts: embedded PostgreSQL, migrations, seed, production build,
// next start) on its own ports. Proves: a PostgreSQL restart under a running app gives 503s and then
// recovers in the same process; SIGTERM stops the app and PostgreSQL cleanly (no recovery next start).
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POSTGRES_FLAGS } from "../../scripts/lib/embedded-db";
import { clusterRunning, clusterState, pgTool, stopCluster } from "../../scripts/lib/pg-ctl";

const ROOT = path.resolve(__dirname, "../..");
const PORT = Number(process.env.RELIABILITY_PORT ?? 3219);
const PG_PORT = Number(process.env.RELIABILITY_PG_PORT ?? 54438);
const DATA_DIR = path.resolve(ROOT, process.env.RELIABILITY_DATA_DIR ?? ".data/reliability");
const CLUSTER = path.join(DATA_DIR, "postgres", "cluster");
const BASE = `http://localhost:${PORT}`;
const MINUTE = 60_000;

let app: ChildProcess | null = null;

/** A log file PostgreSQL (running as the postgres user) can write. */
function pgLog(name: string) {
  const file = path.join(os.tmpdir(), `casefile-reliability-${PG_PORT}-${name}.log`);
  rmSync(file, { force: true });
  return file;
}
let output = "";

function startApp() {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(PORT),
    APP_DATA_DIR: DATA_DIR,
    EMBEDDED_PG_PORT: String(PG_PORT),
    E2E_RESET: "1",
    NEXTAUTH_URL: BASE,
    NEXT_DIST_DIR: process.env.NEXT_DIST_DIR || ".next",
  };
  // The test worker points DATABASE_URL at its own database; the app must run its embedded one.
  delete env.DATABASE_URL;
  const child = spawn(path.join(ROOT, "node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/start.ts"], {
    cwd: ROOT,
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  return child;
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`timed out waiting for ${what}\n--- app output (tail) ---\n${output.slice(-3000)}`);
}

const exited = (child: ChildProcess) =>
  new Promise<void>((r) => (child.exitCode !== null || child.signalCode !== null ? r() : child.once("exit", () => r())));

/** Signs in through next-auth's endpoints with a hand-kept cookie jar; returns the Cookie header. */
async function signIn(email: string, password: string) {
  const jar = new Map<string, string>();
  const keep = (res: Response) =>
    res.headers.getSetCookie().forEach((c) => {
      const [pair] = c.split(";");
      const i = pair.indexOf("=");
      jar.set(pair.slice(0, i), pair.slice(i + 1));
    });
  const header = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrf = await fetch(`${BASE}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = await csrf.json();
  const res = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: header() },
    body: new URLSearchParams({ email, password, csrfToken, json: "true" }),
  });
  keep(res);
  expect([...jar.keys()]).toContain("casefile.session");
  return header();
}

beforeAll(async () => {
  rmSync(DATA_DIR, { recursive: true, force: true });
  app = startApp();
  // First start builds the app (several minutes on a busy 2-core machine).
  await waitFor(async () => (await fetch(`${BASE}/login`)).status === 200, 12 * MINUTE, "the app to answer /login");
}, 13 * MINUTE);

afterAll(async () => {
  if (app && app.exitCode === null && app.signalCode === null) {
    process.kill(-app.pid!, "SIGTERM");
    await Promise.race([exited(app), new Promise((r) => setTimeout(r, 30_000))]);
  }
  if (existsSync(CLUSTER)) stopCluster(CLUSTER);
}, 2 * MINUTE);

describe("reliability of the running app", () => {
  it(
    "answers 503 while PostgreSQL is down and recovers when it is back, without restarting the app",
    async () => {
      const cookie = await signIn("analyst@example.com", "albania-analyst-2022");
      const cases = () => fetch(`${BASE}/api/cases`, { headers: { cookie } });
      expect((await cases()).status).toBe(200);
      const pid = app!.pid;

      const stop = pgTool("pg_ctl", ["stop", "-D", CLUSTER, "-m", "fast", "-w"]);
      expect(stop.status, stop.stderr).toBe(0);
      const down = await cases();
      expect(down.status).toBe(503);
      expect(down.headers.get("retry-after")).toBeTruthy();
      expect((await down.json()).error).toEqual({
        code: "database_unavailable",
        message: "The database is unavailable; try again shortly.",
      });
      expect(app!.exitCode).toBeNull();

      const opts = POSTGRES_FLAGS.map((f) => (f.endsWith("=") ? `${f}''` : f)).join(" ");
      const start = pgTool("pg_ctl", ["start", "-D", CLUSTER, "-w", "-t", "60", "-l", pgLog("restart"), "-o", `-p ${PG_PORT} ${opts}`]);
      expect(start.status, start.stderr + start.stdout).toBe(0);
      await waitFor(async () => (await cases()).status === 200, 30_000, "GET /api/cases to recover");
      const again = await cases();
      expect(again.status).toBe(200);
      expect((await again.json()).cases.length).toBeGreaterThan(0);
      expect(app!.pid).toBe(pid);
      expect(app!.exitCode).toBeNull();
    },
    3 * MINUTE,
  );

  it(
    "stops the app and PostgreSQL cleanly on SIGTERM: all gone within 30 s, no recovery on the next start",
    async () => {
      const child = app!;
      const t0 = Date.now();
      process.kill(-child.pid!, "SIGTERM");
      await Promise.race([exited(child), new Promise((r) => setTimeout(r, 30_000))]);
      expect(child.exitCode ?? child.signalCode, "start script exited").not.toBeNull();
      expect(Date.now() - t0).toBeLessThan(30_000);
      // Nothing of the process group is left (kill -0 on the group fails once every member is gone).
      await waitFor(
        async () => {
          try {
            process.kill(-child.pid!, 0);
            return false;
          } catch {
            return true;
          }
        },
        10_000,
        "the process group to exit",
      );
      expect(clusterRunning(CLUSTER)).toBe(false);
      // What pg_controldata calls "Database cluster state" (read from global/pg_control).
      expect(clusterState(CLUSTER)).toBe("shut down");

      // The next start of that cluster performs no crash recovery.
      const log = pgLog("next-start");
      const opts = POSTGRES_FLAGS.map((f) => (f.endsWith("=") ? `${f}''` : f)).join(" ");
      expect(pgTool("pg_ctl", ["start", "-D", CLUSTER, "-w", "-t", "60", "-l", log, "-o", `-p ${PG_PORT} ${opts}`]).status).toBe(0);
      stopCluster(CLUSTER);
      const text = readFileSync(log, "utf8");
      expect(text).toMatch(/database system is ready to accept connections/);
      expect(text).not.toMatch(/not properly shut down|automatic recovery in progress|redo starts/);
      app = null;
    },
    2 * MINUTE,
  );
});
