// The demo seed's own process (see run-demo-seed.ts): DATABASE_URL comes from the parent.
import path from "node:path";
import { installImportOnlyResolver } from "./import-only-resolver";

async function main() {
  installImportOnlyResolver(path.resolve(__dirname, "../.."));
  const { seedDemo } = await import("./demo-seed");
  await seedDemo();
  const { disconnectDb } = await import("@/lib/db");
  await disconnectDb();
}
main().catch((err) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
