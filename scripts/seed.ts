// npm run seed — create the demo workspace if it is not there yet.
import path from "node:path";
import { resolveDatabase } from "./lib/resolve-database";
import { migrate } from "./lib/migrator";
import { installImportOnlyResolver } from "./lib/import-only-resolver";

async function main() {
  const database = await resolveDatabase();
  process.env.DATABASE_URL = database.url;
  try {
    await migrate({ databaseUrl: database.migrationUrl });
    // The demo's release renders a PDF in this (plain Node) process: let it load @react-pdf as Next would.
    installImportOnlyResolver(path.resolve(__dirname, ".."));
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
