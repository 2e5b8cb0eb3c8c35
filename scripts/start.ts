// npm start — the whole app on one command: database (embedded unless DATABASE_URL is set),
// migrations, demo seed, production build when the sources changed, then `next start`.
// `npm run dev` does the same with `next dev`. SIGTERM/SIGINT stop Next and PostgreSQL cleanly.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { NEXT_BIN, ROOT, buildIfNeeded } from "./lib/build-app";
import { migrate } from "./lib/migrator";
import { resolveDatabase } from "./lib/resolve-database";
import { runDemoSeed } from "./lib/run-demo-seed";

const dev = process.argv.includes("--dev");
const port = process.env.PORT ?? "3000";

function ensureSecret() {
  if (process.env.NEXTAUTH_SECRET) return;
  const dir = path.resolve(process.env.APP_DATA_DIR ?? path.join(ROOT, ".data"));
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "nextauth-secret");
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  process.env.NEXTAUTH_SECRET = readFileSync(file, "utf8").trim();
}

async function main() {
  const database = await resolveDatabase({ reset: process.env.E2E_RESET === "1" });
  process.env.DATABASE_URL = database.url;
  const app: { child?: ChildProcess } = {};
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    const child = app.child;
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    }
    await database.stop();
    process.exit(code);
  };
  process.on("SIGTERM", () => void stop(0));
  process.on("SIGINT", () => void stop(0));
  try {
    await migrate({ databaseUrl: database.migrationUrl });
    if (process.env.SEED_DEMO !== "0") runDemoSeed();
    ensureSecret();
    process.env.NEXTAUTH_URL ??= `http://localhost:${port}`;
    if (!dev) buildIfNeeded();
  } catch (err) {
    console.error(`start: ${err instanceof Error ? err.message : err}`);
    await stop(1);
    return;
  }
  // Idle keep-alive sockets stay open 65 s (Node's default is 5 s): a client reusing a socket the
  // server has just closed gets ECONNRESET on a POST, seen as a flaky reset under the security suite.
  const args = dev ? ["dev", "-p", port] : ["start", "-p", port, "--keepAliveTimeout", "65000"];
  // TRACE/TRACK are a 405 before Next turns them into a 500 (scripts/lib/refuse-unsupported-methods.mjs).
  const preload = ["--import", pathToFileURL(path.join(ROOT, "scripts/lib/refuse-unsupported-methods.mjs")).href];
  const child = spawn(process.execPath, [...preload, NEXT_BIN, ...args], { cwd: ROOT, stdio: "inherit", env: process.env });
  app.child = child;
  child.on("exit", (code) => void stop(code ?? 0));
  console.log(`start: http://localhost:${port} — demo logins are in README.md`);
}

main();
