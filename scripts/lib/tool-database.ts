// The database a command-line tool (backup, restore) works on: DATABASE_URL, else the embedded
// PostgreSQL under .data/ (as its superuser) — reused when `npm start` is already running it, started for
// the tool otherwise.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { resolveDatabase } from "./resolve-database";

export async function toolDatabase(): Promise<{ url: string; stop: () => Promise<void> }> {
  // With your own server, the owner connection when there is one (a restore loads rows with triggers
  // off, which needs a superuser: pass `--target` with one); backups only read.
  if (process.env.DATABASE_URL) return { url: process.env.MIGRATION_DATABASE_URL || process.env.DATABASE_URL, stop: async () => {} };
  const dataDir = path.resolve(process.env.APP_DATA_DIR ?? path.resolve(__dirname, "../../.data"), "postgres");
  const passwordFile = path.join(dataDir, "password");
  if (existsSync(passwordFile)) {
    const port = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
    const url = `postgresql://postgres:${encodeURIComponent(readFileSync(passwordFile, "utf8").trim())}@127.0.0.1:${port}/${process.env.EMBEDDED_PG_DATABASE ?? "casefile"}`;
    const probe = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
    try {
      await probe.connect();
      await probe.end();
      return { url, stop: async () => {} };
    } catch {
      await probe.end().catch(() => {});
    }
  }
  const db = await resolveDatabase({ log: () => {} });
  return { url: db.adminUrl ?? db.url, stop: db.stop };
}
