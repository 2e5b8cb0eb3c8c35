// npm start — the whole app on one command: database (embedded unless DATABASE_URL is set),
// migrations, demo seed, production build when the sources changed, then `next start`.
// `npm run dev` does the same with `next dev`. SIGTERM/SIGINT stop Next and PostgreSQL cleanly.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { migrate } from "./lib/migrator";
import { resolveDatabase } from "./lib/resolve-database";
import { runDemoSeed } from "./lib/run-demo-seed";

const ROOT = path.resolve(__dirname, "..");
const dev = process.argv.includes("--dev");
const port = process.env.PORT ?? "3000";
const nextBin = path.join(ROOT, "node_modules/next/dist/bin/next");
const distDir = path.join(ROOT, process.env.NEXT_DIST_DIR || ".next");

function ensureSecret() {
  if (process.env.NEXTAUTH_SECRET) return;
  const dir = path.resolve(process.env.APP_DATA_DIR ?? path.join(ROOT, ".data"));
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, "nextauth-secret");
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  process.env.NEXTAUTH_SECRET = readFileSync(file, "utf8").trim();
}

/** A fingerprint of everything that goes into the build, so `npm start` rebuilds only when needed. */
function sourceFingerprint() {
  const hash = createHash("sha256");
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else {
        const s = statSync(p);
        hash.update(`${path.relative(ROOT, p)}:${s.size}:${s.mtimeMs}\n`);
      }
    }
  };
  ["app", "components", "lib", "public"].forEach((d) => walk(path.join(ROOT, d)));
  for (const f of ["next.config.js", "package-lock.json", "postcss.config.mjs", "tsconfig.json"]) {
    if (existsSync(path.join(ROOT, f)))
      hash.update(`${f}:${readFileSync(path.join(ROOT, f)).length}:${statSync(path.join(ROOT, f)).mtimeMs}\n`);
  }
  return hash.digest("hex");
}

function buildIfNeeded() {
  const stamp = path.join(distDir, "casefile-build-fingerprint");
  const fingerprint = sourceFingerprint();
  if (existsSync(path.join(distDir, "BUILD_ID")) && existsSync(stamp) && readFileSync(stamp, "utf8") === fingerprint) return;
  console.log("start: building the app (first start or sources changed)…");
  const result = spawnSync(process.execPath, [nextBin, "build"], { cwd: ROOT, stdio: "inherit", env: process.env });
  if (result.status !== 0) throw new Error("next build failed");
  writeFileSync(stamp, fingerprint);
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
  const child = spawn(process.execPath, [...preload, nextBin, ...args], { cwd: ROOT, stdio: "inherit", env: process.env });
  app.child = child;
  child.on("exit", (code) => void stop(code ?? 0));
  console.log(`start: http://localhost:${port} — demo logins are in README.md`);
}

main();
