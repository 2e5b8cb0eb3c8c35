// npm run migrate — apply pending SQL migrations to DATABASE_URL (or the embedded database).
import { migrate } from "./lib/migrator";
import { resolveDatabase } from "./lib/resolve-database";

async function main() {
  const db = await resolveDatabase();
  try {
    await migrate({ databaseUrl: db.url });
  } finally {
    await db.stop();
  }
}
main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
