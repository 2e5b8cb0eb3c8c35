// npm run seed — create the demo workspace if it is not there yet.
import { resolveDatabase } from "./lib/resolve-database";
import { migrate } from "./lib/migrator";
import { runDemoSeed } from "./lib/run-demo-seed";

async function main() {
  const database = await resolveDatabase();
  process.env.DATABASE_URL = database.url;
  try {
    await migrate({ databaseUrl: database.migrationUrl });
    runDemoSeed();
  } finally {
    await database.stop();
  }
}
main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
