// DATABASE_URL wins; without it the app runs its own embedded PostgreSQL under .data/.
// Two connections: `url` for the app (the casefile_app role with the embedded database) and
// `migrationUrl` for migrations (the casefile_owner role; MIGRATION_DATABASE_URL, else DATABASE_URL,
// with your own server). See README "Database roles".
import path from "node:path";
import { startEmbeddedDb } from "./embedded-db";

export type ResolvedDatabase = {
  url: string;
  migrationUrl: string;
  /** A superuser connection (embedded only): restores, which load rows with triggers off. */
  adminUrl?: string;
  embedded: boolean;
  stop: () => Promise<void>;
};

export async function resolveDatabase({
  log = console.log,
  reset = false,
}: { log?: (m: string) => void; reset?: boolean } = {}): Promise<ResolvedDatabase> {
  if (process.env.DATABASE_URL) {
    return {
      url: process.env.DATABASE_URL,
      migrationUrl: process.env.MIGRATION_DATABASE_URL || process.env.DATABASE_URL,
      embedded: false,
      stop: async () => {},
    };
  }
  const dataDir = path.resolve(process.env.APP_DATA_DIR ?? path.resolve(__dirname, "../../.data"), "postgres");
  const port = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
  const dbName = process.env.EMBEDDED_PG_DATABASE ?? "casefile";
  const db = await startEmbeddedDb({ dataDir, port, log: process.env.DEBUG_PG ? log : () => {} });
  // Test runs only (E2E_RESET): a fresh, empty database each time.
  if (reset) await db.dropDatabase(dbName);
  await db.ensureDatabase(dbName);
  log(
    `database: embedded PostgreSQL on 127.0.0.1:${port} (data in ${path.relative(process.cwd(), dataDir) || dataDir}); the app connects as casefile_app, migrations as casefile_owner`,
  );
  return { url: db.appUrl(dbName), migrationUrl: db.ownerUrl(dbName), adminUrl: db.url(dbName), embedded: true, stop: db.stop };
}
