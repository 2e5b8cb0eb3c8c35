// npm run restore <file> [-- --target POSTGRES_URL] — restores a backup made by `npm run backup` into
// an EMPTY database (the target, else DATABASE_URL, else the embedded one), then checks row counts and
// every document's hash against the manifest. Anything wrong rolls the whole restore back.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { restoreBackup, type Manifest } from "./lib/logical-backup";
import { toolDatabase } from "./lib/tool-database";

async function main() {
  const args = process.argv.slice(2);
  const targetAt = args.indexOf("--target");
  const target = targetAt > -1 ? args[targetAt + 1] : undefined;
  const file = args.find((a, i) => !a.startsWith("--") && (targetAt === -1 || i !== targetAt + 1));
  if (!file) throw new Error("usage: npm run restore <backups/….casefile-backup.gz> [-- --target postgresql://…]");
  const backup = path.resolve(file);
  const manifestFile = backup.replace(/\.casefile-backup\.gz$/, ".manifest.json");
  if (!existsSync(backup) || !existsSync(manifestFile)) throw new Error(`need both ${backup} and ${manifestFile}`);
  const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as Manifest;
  const database = target ? { url: target, stop: async () => {} } : await toolDatabase();
  try {
    const result = await restoreBackup({ databaseUrl: database.url, file: backup, manifest, log: (m) => console.log(m) });
    console.log(`restore: verified ${Object.keys(result.counts).length} tables and ${result.documents} document hashes`);
  } finally {
    await database.stop();
  }
}

main().catch((err) => {
  console.error(`restore failed: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
});
