// npm run migrate — apply pending SQL migrations to MIGRATION_DATABASE_URL, else DATABASE_URL (or the
// embedded database, as its owner role).
import { migrate } from "./lib/migrator";
import { resolveDatabase } from "./lib/resolve-database";

async function main() {
  const db = await resolveDatabase();
  try {
    await migrate({ databaseUrl: db.migrationUrl });
  } finally {
    await db.stop();
  }
}
main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
