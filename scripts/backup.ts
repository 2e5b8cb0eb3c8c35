// npm run backup [-- --out DIR] — a consistent backup of the whole database (stored originals
// included) into backups/<timestamp>.casefile-backup.gz plus <timestamp>.manifest.json (row counts per
// table, every document's SHA-256, the file's own SHA-256). Safe while the app is running.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { writeBackup } from "./lib/logical-backup";
import { toolDatabase } from "./lib/tool-database";

async function main() {
  const outFlag = process.argv.indexOf("--out");
  const dir = path.resolve(outFlag > -1 ? process.argv[outFlag + 1] : path.resolve(__dirname, "../backups"));
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const file = path.join(dir, `${stamp}.casefile-backup.gz`);
  const database = await toolDatabase();
  try {
    const manifest = await writeBackup({ databaseUrl: database.url, file });
    const manifestFile = path.join(dir, `${stamp}.manifest.json`);
    writeFileSync(manifestFile, JSON.stringify({ ...manifest, file: path.basename(file) }, null, 2), { mode: 0o600 });
    const rows = Object.values(manifest.tables).reduce((a, b) => a + b, 0);
    console.log(`backup: ${rows} rows in ${Object.keys(manifest.tables).length} tables, ${manifest.documents.length} documents → ${file}`);
    console.log(`backup: manifest ${manifestFile}`);
  } finally {
    await database.stop();
  }
}

main().catch((err) => {
  console.error(`backup failed: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
});
