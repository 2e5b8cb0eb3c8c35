// Applies prisma/migrations/*/migration.sql in name order, recording each in Prisma's own
// `_prisma_migrations` table (same columns and checksum), so `prisma migrate status` agrees.
// The Prisma CLI's schema engine cannot be downloaded here, hence this small migrator.
import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { OWNER_ROLE, prepareDatabase, rolesReady } from "./db-roles";

const MIGRATIONS_DIR = path.resolve(__dirname, "../../prisma/migrations");
// Any fixed number: only one migrator may run against a database at a time.
const LOCK_KEY = 72707369;

export type Migration = { name: string; sql: string; checksum: string };

export function listMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(dir, e.name, "migration.sql")))
    .map((e) => e.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

export async function migrate({ databaseUrl, log = console.log }: { databaseUrl: string; log?: (m: string) => void }) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [LOCK_KEY]);
    // Connected as a superuser on a server with the two roles (the embedded database, the test
    // server, a restore target): the migrations still run as the owner, so every object they create
    // belongs to it and the app's role gets its default grants.
    const { superuser, roles } = await rolesReady(client);
    if (superuser && roles) {
      await prepareDatabase(client);
      await client.query(`SET ROLE ${OWNER_ROLE}`);
    }
    await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum" VARCHAR(64) NOT NULL,
      "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL,
      "logs" TEXT,
      "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0
    )`);
    const { rows } = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
    );
    const applied = new Map(rows.map((r) => [r.migration_name, r]));
    const appliedNow: string[] = [];
    for (const m of listMigrations()) {
      const done = applied.get(m.name);
      if (done) {
        // Fails closed: an edited migration that already ran means the database and the files disagree.
        if (!done.finished_at) throw new Error(`Migration ${m.name} failed earlier and must be resolved by hand.`);
        if (done.checksum !== m.checksum) throw new Error(`Migration ${m.name} was changed after it was applied.`);
        continue;
      }
      const id = randomUUID();
      await client.query("BEGIN");
      try {
        await client.query(`INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at) VALUES ($1, $2, $3, now())`, [
          id,
          m.checksum,
          m.name,
        ]);
        await client.query(m.sql);
        await client.query(`UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`, [id]);
        await client.query("COMMIT");
      } catch (err) {
        await client.query("ROLLBACK");
        throw new Error(`Migration ${m.name} failed: ${(err as Error).message}`);
      }
      appliedNow.push(m.name);
      log(`migrate: applied ${m.name}`);
    }
    // Grants for the app's role on every table, minus what append-only tables refuse (migration 0010);
    // re-applied each run so tables of later migrations are covered. Does nothing without the role.
    const { rows: grant } = await client.query<{ fn: string | null }>("SELECT to_regprocedure('casefile_grant_app_role()')::text AS fn");
    if (grant[0].fn) await client.query("SELECT casefile_grant_app_role()");
    if (appliedNow.length === 0) log("migrate: database is up to date");
    return appliedNow;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [LOCK_KEY]).catch(() => {});
    await client.end();
  }
}
