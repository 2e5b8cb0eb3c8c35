// Shared plumbing for the benchmark scripts: start the production app on its own port, data dir and
// embedded PostgreSQL; sign in over HTTP; time requests; summarise latencies.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export const ROOT = path.resolve(__dirname, "../..");

export function percentile(xs: number[], p: number) {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] * 10) / 10;
}
export const summary = (xs: number[]) => ({
  n: xs.length,
  p50: percentile(xs, 50),
  p95: percentile(xs, 95),
  p99: percentile(xs, 99),
  max: percentile(xs, 100),
});
export const machine = () => ({
  cpus: os.cpus().length,
  cpu: os.cpus()[0]?.model,
  memGiB: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
});

export async function waitFor(url: string, ms: number) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`${url} did not answer within ${ms / 1000} s`);
}

/**
 * Starts scripts/start.ts (production build, fresh embedded database, demo seed) and points this
 * process's DATABASE_URL at the same database, so data can be generated in-process with lib/ services.
 */
export async function startBenchApp({
  port,
  pgPort,
  dataDir,
  env = {},
}: {
  port: number;
  pgPort: number;
  dataDir: string;
  env?: Record<string, string>;
}) {
  const base = `http://localhost:${port}`;
  const absData = path.join(ROOT, dataDir);
  const server = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(ROOT, "scripts/start.ts")], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      APP_DATA_DIR: absData,
      EMBEDDED_PG_PORT: String(pgPort),
      E2E_RESET: "1",
      DATABASE_URL: "",
      NEXTAUTH_URL: base,
      ...env,
    },
    stdio: ["ignore", "inherit", "inherit"],
    detached: true,
  });
  const stop = () => {
    try {
      process.kill(-server.pid!, "SIGTERM");
    } catch {
      /* already gone */
    }
  };
  process.on("exit", stop);
  await waitFor(`${base}/login`, 900_000);
  const password = readFileSync(path.join(absData, "postgres/password"), "utf8").trim();
  process.env.DATABASE_URL = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${pgPort}/casefile`;
  return { base, stop, pid: server.pid! };
}

/** Signs in through next-auth's endpoints and returns the cookie header to send. */
export async function signIn({ base, email, password }: { base: string; email: string; password: string }) {
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  const jar = (csrfRes.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0]);
  const { csrfToken } = await csrfRes.json();
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ email, password, csrfToken, json: "true" }),
    redirect: "manual",
  });
  const all = [...jar, ...(res.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0])].join("; ");
  const check = await fetch(`${base}/api/cases`, { headers: { cookie: all } });
  if (!check.ok) throw new Error(`bench: sign-in as ${email} failed (${res.status}, then ${check.status})`);
  return all;
}

/** A cookie-authenticated request, timed; throws on a non-2xx answer. */
export function timer({ base, cookie }: { base: string; cookie: string }) {
  const timed = async (url: string, init: RequestInit = {}) => {
    const t = performance.now();
    const res = await fetch(base + url, {
      ...init,
      headers: { cookie, ...(init.method && init.method !== "GET" ? { origin: base } : {}), ...init.headers },
    });
    const body = await res.arrayBuffer();
    if (!res.ok) throw new Error(`${init.method ?? "GET"} ${url} → ${res.status}: ${Buffer.from(body).toString("utf8").slice(0, 300)}`);
    return { ms: performance.now() - t, bytes: body.byteLength, res };
  };
  const repeat = async (n: number, run: (i: number) => Promise<{ ms: number; bytes: number }>) => {
    const out: { ms: number; bytes: number }[] = [];
    for (let i = 0; i < n; i++) out.push(await run(i));
    return { ...summary(out.map((o) => o.ms)), bytes: Math.round(out.reduce((a, o) => a + o.bytes, 0) / n) };
  };
  return { timed, repeat };
}
