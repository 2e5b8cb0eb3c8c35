// A verified logical backup of every table (stored originals included: they live in `blobs`), taken
// in one REPEATABLE READ snapshot so it is consistent while the app keeps writing. The embedded
// PostgreSQL package ships no pg_dump, so this is plain SQL over the normal connection: gzip'd
// NDJSON, one header line, then per table a {table, columns} line followed by one JSON row per line.
import { createHash } from "node:crypto";
import { createReadStream, createWriteStream, readFileSync } from "node:fs";
import { once } from "node:events";
import { createGunzip, createGzip } from "node:zlib";
import readline from "node:readline";
import pg from "pg";
import { listMigrations, migrate } from "./migrator";

export const FORMAT = "casefile-logical-backup/1";
const BATCH = 200;

export type Manifest = {
  format: string;
  createdAt: string;
  file: string;
  sha256: string;
  migrations: string[];
  tables: Record<string, number>;
  documents: { id: string; sha256: string }[];
};

const q = (ident: string) => `"${ident.replace(/"/g, '""')}"`;

async function userTables(c: pg.Client) {
  const { rows } = await c.query<{ table: string }>(
    "SELECT tablename AS table FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
  );
  return rows.map((r) => r.table);
}

/** Columns a row can be written to (generated columns are recomputed on restore). */
async function writableColumns(c: pg.Client, table: string) {
  const { rows } = await c.query<{ name: string }>(
    `SELECT a.attname AS name FROM pg_attribute a JOIN pg_class t ON t.oid = a.attrelid JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE n.nspname = 'public' AND t.relname = $1 AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '' ORDER BY a.attnum`,
    [table],
  );
  return rows.map((r) => r.name);
}

/** Parents before children, so rows can be inserted with foreign keys checked. */
async function dependencyOrder(c: pg.Client, tables: string[]) {
  const { rows } = await c.query<{ child: string; parent: string }>(
    `SELECT DISTINCT c.relname AS child, p.relname AS parent FROM pg_constraint k
       JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE k.contype = 'f' AND n.nspname = 'public' AND c.relname <> p.relname`,
  );
  const done: string[] = [];
  const pending = new Set(tables);
  while (pending.size) {
    const ready = [...pending].filter((t) => rows.every((r) => r.child !== t || !pending.has(r.parent)));
    if (ready.length === 0) throw new Error(`foreign keys form a cycle among: ${[...pending].join(", ")}`);
    for (const t of ready.sort()) {
      done.push(t);
      pending.delete(t);
    }
  }
  return done;
}

function sha256File(file: string) {
  return createHash("sha256").update(readFileSync(file)).digest("hex");
}

/** Writes the backup file and returns its manifest (the caller saves it beside the file). */
export async function writeBackup({ databaseUrl, file }: { databaseUrl: string; file: string }): Promise<Manifest> {
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  const gzip = createGzip();
  const out = createWriteStream(file, { mode: 0o600 });
  gzip.pipe(out);
  const write = async (line: unknown) => {
    if (!gzip.write(JSON.stringify(line) + "\n")) await once(gzip, "drain");
  };
  const tables: Record<string, number> = {};
  let documents: Manifest["documents"] = [];
  let migrations: string[] = [];
  try {
    await c.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    migrations = (
      await c.query<{ name: string }>(
        `SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
      )
    ).rows.map((r) => r.name);
    // Every stored original must still match its address before it is written into a backup.
    const bad = await c.query<{ sha256: string }>(
      "SELECT sha256 FROM blobs WHERE encode(sha256(bytes), 'hex') <> sha256 OR octet_length(bytes) <> size",
    );
    if (bad.rowCount) throw new Error(`stored originals fail their hash check: ${bad.rows.map((r) => r.sha256).join(", ")}`);
    documents = (await c.query<{ id: string; sha256: string }>("SELECT id::text, sha256 FROM documents ORDER BY id")).rows;
    await write({ format: FORMAT, createdAt: new Date().toISOString(), migrations });
    for (const table of (await userTables(c)).filter((t) => t !== "_prisma_migrations")) {
      const columns = await writableColumns(c, table);
      await write({ table, columns });
      const cols = columns.map(q).join(", ");
      await c.query(`DECLARE rows_cursor NO SCROLL CURSOR FOR SELECT to_jsonb(r) AS j FROM (SELECT ${cols} FROM ${q(table)}) r`);
      let n = 0;
      for (;;) {
        const { rows } = await c.query<{ j: Record<string, unknown> }>(`FETCH ${BATCH} FROM rows_cursor`);
        for (const r of rows) await write(columns.map((col) => r.j[col] ?? null));
        n += rows.length;
        if (rows.length < BATCH) break;
      }
      await c.query("CLOSE rows_cursor");
      tables[table] = n;
    }
    await c.query("COMMIT");
  } finally {
    gzip.end();
    await once(out, "close");
    await c.end();
  }
  return { format: FORMAT, createdAt: new Date().toISOString(), file, sha256: sha256File(file), migrations, tables, documents };
}

export async function countRows(c: pg.Client) {
  const counts: Record<string, number> = {};
  for (const t of (await userTables(c)).filter((x) => x !== "_prisma_migrations")) {
    counts[t] = Number((await c.query<{ n: string }>(`SELECT count(*) AS n FROM ${q(t)}`)).rows[0].n);
  }
  return counts;
}

/**
 * Restores a backup into an EMPTY database: creates the schema with the migrations, loads every row
 * in one transaction, then verifies row counts against the manifest and every document's hash
 * against its stored bytes. Refuses a non-empty target, a tampered file, or a mismatch (rolled back).
 */
export async function restoreBackup({
  databaseUrl,
  file,
  manifest,
  log = () => {},
}: {
  databaseUrl: string;
  file: string;
  manifest: Manifest;
  log?: (m: string) => void;
}) {
  if (manifest.format !== FORMAT) throw new Error(`unknown backup format ${manifest.format}`);
  if (sha256File(file) !== manifest.sha256)
    throw new Error("the backup file does not match its manifest (sha256 differs): refusing to restore it");
  const known = new Set(listMigrations().map((m) => m.name));
  const unknown = manifest.migrations.filter((m) => !known.has(m));
  if (unknown.length) throw new Error(`the backup was made by a newer version (migrations ${unknown.join(", ")}); upgrade first`);

  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    const existing = (await userTables(c)).filter((t) => t !== "_prisma_migrations");
    if (existing.length) {
      const counts = await countRows(c);
      const nonEmpty = Object.entries(counts)
        .filter(([, n]) => n > 0)
        .map(([t]) => t);
      if (nonEmpty.length)
        throw new Error(
          `the target database is not empty (rows in ${nonEmpty.slice(0, 5).join(", ")}${nonEmpty.length > 5 ? ", …" : ""}); restore into an empty database`,
        );
    }
    await migrate({ databaseUrl, log });

    const order = await dependencyOrder(c, Object.keys(manifest.tables));
    const chunks = new Map<string, { columns: string[]; rows: unknown[][] }>();
    const lines = readline.createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
    let current: { columns: string[]; rows: unknown[][] } | null = null;
    let header = true;
    for await (const line of lines) {
      if (!line) continue;
      const value = JSON.parse(line);
      if (header) {
        header = false;
        continue;
      }
      if (!Array.isArray(value)) {
        current = { columns: value.columns, rows: [] };
        chunks.set(value.table, current);
      } else current!.rows.push(value);
    }

    await c.query("BEGIN");
    // Triggers (e.g. append-only audit, derived rows) must not fire while rows are copied back verbatim.
    await c.query("SAVEPOINT replica");
    try {
      await c.query("SET LOCAL session_replication_role = replica");
    } catch {
      await c.query("ROLLBACK TO SAVEPOINT replica");
      log("restore: not a superuser; triggers stay on");
    }
    for (const table of order) {
      const chunk = chunks.get(table);
      if (!chunk) continue;
      const cols = chunk.columns.map(q).join(", ");
      for (let i = 0; i < chunk.rows.length; i += BATCH) {
        const batch = chunk.rows.slice(i, i + BATCH).map((r) => Object.fromEntries(chunk.columns.map((col, k) => [col, r[k]])));
        await c.query(`INSERT INTO ${q(table)} (${cols}) SELECT ${cols} FROM jsonb_populate_recordset(NULL::${q(table)}, $1::jsonb)`, [
          JSON.stringify(batch),
        ]);
      }
      log(`restore: ${table} ${chunk.rows.length}`);
    }
    const counts = await countRows(c);
    const wrong = Object.entries(manifest.tables).filter(([t, n]) => counts[t] !== n);
    if (wrong.length) throw new Error(`row counts differ after restore: ${wrong.map(([t, n]) => `${t} ${counts[t]} ≠ ${n}`).join(", ")}`);
    const bad = await c.query<{ id: string }>(
      "SELECT d.id::text FROM documents d JOIN blobs b ON b.sha256 = d.sha256 WHERE encode(sha256(b.bytes), 'hex') <> d.sha256",
    );
    if (bad.rowCount) throw new Error(`restored documents fail their hash check: ${bad.rows.map((r) => r.id).join(", ")}`);
    const docs = (await c.query<{ id: string; sha256: string }>("SELECT id::text, sha256 FROM documents ORDER BY id")).rows;
    if (JSON.stringify(docs) !== JSON.stringify(manifest.documents)) throw new Error("restored document hashes differ from the manifest");
    await c.query("COMMIT");
    return { counts, documents: docs.length };
  } catch (err) {
    await c.query("ROLLBACK").catch(() => {});
    throw err;
  } finally {
    await c.end();
  }
}
