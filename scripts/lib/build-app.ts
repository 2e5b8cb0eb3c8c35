// The production build, made only when the sources changed: `npm start` and `npm run bench:nodes` share it.
// A fingerprint of the sources (path, size, mtime) is stamped into the dist directory after a build.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(__dirname, "../..");
export const NEXT_BIN = path.join(ROOT, "node_modules/next/dist/bin/next");

export const distDir = () => path.join(ROOT, process.env.NEXT_DIST_DIR || ".next");

/** A fingerprint of everything that goes into the build, so the app is rebuilt only when needed. */
export function sourceFingerprint(root = ROOT) {
  const hash = createHash("sha256");
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else {
        const s = statSync(p);
        hash.update(`${path.relative(root, p)}:${s.size}:${s.mtimeMs}\n`);
      }
    }
  };
  ["app", "components", "lib", "public"].forEach((d) => walk(path.join(root, d)));
  // proxy.ts is compiled into the build too: it was missing here, so a change to it alone kept serving the old proxy.
  for (const f of ["next.config.js", "proxy.ts", "package-lock.json", "postcss.config.mjs", "tsconfig.json"]) {
    if (existsSync(path.join(root, f)))
      hash.update(`${f}:${readFileSync(path.join(root, f)).length}:${statSync(path.join(root, f)).mtimeMs}\n`);
  }
  return hash.digest("hex");
}

/** Runs `next build` unless the dist directory holds a build of these exact sources. Returns whether it built. */
export function buildIfNeeded({ log = console.log, label = "start" }: { log?: (m: string) => void; label?: string } = {}) {
  const dir = distDir();
  const stamp = path.join(dir, "casefile-build-fingerprint");
  const fingerprint = sourceFingerprint();
  if (existsSync(path.join(dir, "BUILD_ID")) && existsSync(stamp) && readFileSync(stamp, "utf8") === fingerprint) return false;
  log(`${label}: building the app (first start or sources changed)…`);
  const result = spawnSync(process.execPath, [NEXT_BIN, "build"], { cwd: ROOT, stdio: "inherit", env: process.env });
  if (result.status !== 0) throw new Error("next build failed");
  writeFileSync(stamp, fingerprint);
  return true;
}
