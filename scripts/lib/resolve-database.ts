// DATABASE_URL wins; without it the app runs its own embedded PostgreSQL under .data/.
import path from "node:path";
import { startEmbeddedDb } from "./embedded-db";

export type ResolvedDatabase = { url: string; embedded: boolean; stop: () => Promise<void> };

export async function resolveDatabase({ log = console.log }: { log?: (m: string) => void } = {}): Promise<ResolvedDatabase> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, embedded: false, stop: async () => {} };
  const dataDir = path.resolve(process.env.APP_DATA_DIR ?? path.resolve(__dirname, "../../.data"), "postgres");
  const port = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
  const dbName = process.env.EMBEDDED_PG_DATABASE ?? "casefile";
  const db = await startEmbeddedDb({ dataDir, port, log: process.env.DEBUG_PG ? log : () => {} });
  await db.ensureDatabase(dbName);
  log(`database: embedded PostgreSQL on 127.0.0.1:${port} (data in ${path.relative(process.cwd(), dataDir) || dataDir})`);
  return { url: db.url(dbName), embedded: true, stop: db.stop };
}
