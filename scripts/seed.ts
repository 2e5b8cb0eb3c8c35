// npm run seed — create the demo workspace if it is not there yet.
import { resolveDatabase } from "./lib/resolve-database";
import { migrate } from "./lib/migrator";

async function main() {
  const database = await resolveDatabase();
  process.env.DATABASE_URL = database.url;
  try {
    await migrate({ databaseUrl: database.migrationUrl });
    const { seedDemo } = await import("./lib/demo-seed");
    await seedDemo();
    const { disconnectDb } = await import("@/lib/db");
    await disconnectDb();
  } finally {
    await database.stop();
  }
}
main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
