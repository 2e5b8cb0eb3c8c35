// `npm run backup` / `npm run restore` for real (the scripts, as child processes) on a database with
// users, a case, pasted and uploaded documents; restored into an empty database, then row counts and
// document hashes compared. Also: stored originals are verified by hash whenever they are read.
import { execFile } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { NextRequest } from "next/server";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db";
import { createPastedDocument, createUploadedDocument } from "@/lib/documents/create-document";
import { createApiToken } from "@/lib/tokens/create-api-token";
import * as originalRoute from "@/app/api/cases/[caseId]/documents/[documentId]/original/route";
import { makeCase, makeUser } from "../support/factories";
import { expectUnchanged } from "./db-snapshot";

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, "../..");
const TSX = path.join(ROOT, "node_modules/.bin/tsx");
const dir = mkdtempSync(path.join(os.tmpdir(), "casefile-backup-"));
const restoreDbName = `casefile_test_restore_${randomBytes(4).toString("hex")}`;
const restoreUrl = (() => {
  const u = new URL(inject("testServerUrl"));
  u.pathname = `/${restoreDbName}`;
  return u.toString();
})();

async function admin<T>(fn: (c: pg.Client) => Promise<T>) {
  const c = new pg.Client({ connectionString: inject("testServerUrl") });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}
async function query<T extends pg.QueryResultRow>(url: string, sql: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(sql)).rows;
  } finally {
    await c.end();
  }
}
async function countsOf(url: string) {
  const tables = await query<{ t: string }>(
    url,
    "SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1",
  );
  const out: Record<string, number> = {};
  for (const { t } of tables) out[t] = Number((await query<{ n: string }>(url, `SELECT count(*) AS n FROM "${t}"`))[0].n);
  return out;
}
const docHashes = (url: string) =>
  query<{ id: string; sha256: string; actual: string }>(
    url,
    "SELECT d.id::text, d.sha256, encode(sha256(b.bytes), 'hex') AS actual FROM documents d JOIN blobs b ON b.sha256 = d.sha256 ORDER BY d.id",
  );
const script = (name: string, args: string[], env: Record<string, string> = {}) =>
  run(TSX, ["--conditions=react-server", path.join(ROOT, "scripts", name), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    timeout: 120_000,
  });

afterAll(async () => {
  await admin((c) => c.query(`DROP DATABASE IF EXISTS "${restoreDbName}" WITH (FORCE)`));
  rmSync(dir, { recursive: true, force: true });
});

async function seed() {
  const owner = await makeUser({ name: "Backup Owner" });
  const c = await makeCase({ owner, title: "Backup case" });
  const { document: pasted } = await createPastedDocument({
    ctx: owner,
    access: { caseId: c.id, role: "owner" },
    input: { title: "Pasted", text: "A pasted statement — with ünïcode." },
  });
  const html = Buffer.from("<html><body><h1>Report</h1><script>alert(1)</script><p>Body text of the report.</p></body></html>");
  const { document: uploaded } = await createUploadedDocument({
    ctx: owner,
    access: { caseId: c.id, role: "owner" },
    file: { name: "report.html", type: "text/html", bytes: html },
    meta: {},
  });
  return { owner, caseId: c.id, pasted, uploaded, html };
}

describe("backup and restore", () => {
  it("restores into an empty database with the same row counts and document hashes", async () => {
    await seed();
    const source = process.env.DATABASE_URL!;
    const { stdout } = await script("backup.ts", ["--out", dir], { DATABASE_URL: source });
    expect(stdout).toMatch(/backup: \d+ rows in \d+ tables, 2 documents/);
    const file = readdirSync(dir).find((f) => f.endsWith(".casefile-backup.gz"))!;
    const manifest = JSON.parse(readFileSync(path.join(dir, file.replace(".casefile-backup.gz", ".manifest.json")), "utf8"));
    expect(manifest.tables.documents).toBe(2);
    expect(manifest.sha256).toBe(
      createHash("sha256")
        .update(readFileSync(path.join(dir, file)))
        .digest("hex"),
    );

    await admin((c) => c.query(`CREATE DATABASE "${restoreDbName}"`));
    const restored = await script("restore.ts", [path.join(dir, file), "--target", restoreUrl]);
    expect(restored.stdout).toMatch(/verified \d+ tables and 2 document hashes/);

    expect(await countsOf(restoreUrl)).toEqual(await countsOf(source));
    const before = await docHashes(source);
    const after = await docHashes(restoreUrl);
    expect(after).toEqual(before);
    for (const d of after) expect(d.actual).toBe(d.sha256);
  }, 120_000);

  it("refuses to restore into a database that has data, or from a tampered file, and changes nothing", async () => {
    const file = readdirSync(dir).find((f) => f.endsWith(".casefile-backup.gz"))!;
    const notEmpty = await expectUnchanged(() =>
      script("restore.ts", [path.join(dir, file), "--target", process.env.DATABASE_URL!]).catch((e) => e),
    );
    expect(notEmpty.code).toBe(1);
    expect(notEmpty.stderr).toMatch(/target database is not empty/);

    const tampered = path.join(dir, "tampered.casefile-backup.gz");
    const bytes = readFileSync(path.join(dir, file));
    bytes[bytes.length - 10] ^= 0xff;
    writeFileSync(tampered, bytes);
    writeFileSync(
      tampered.replace(".casefile-backup.gz", ".manifest.json"),
      readFileSync(path.join(dir, file.replace(".casefile-backup.gz", ".manifest.json"))),
    );
    const scratch = `casefile_test_scratch_${randomBytes(3).toString("hex")}`;
    await admin((c) => c.query(`CREATE DATABASE "${scratch}"`));
    const scratchUrl = restoreUrl.replace(restoreDbName, scratch);
    const bad = await script("restore.ts", [tampered, "--target", scratchUrl]).catch((e) => e);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/does not match its manifest/);
    expect(await query(scratchUrl, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).toEqual([]);
    await admin((c) => c.query(`DROP DATABASE "${scratch}" WITH (FORCE)`));
  }, 120_000);
});

describe("GET /api/cases/{caseId}/documents/{documentId}/original", () => {
  it("serves the original as an inert attachment, and refuses (500) once its bytes no longer match the hash", async () => {
    const { owner, caseId, uploaded, html, pasted } = await seed();
    const { token } = await createApiToken({ ctx: owner, name: "dl" });
    const get = (documentId: string) =>
      originalRoute.GET(
        new NextRequest(`http://casefile.test/api/cases/${caseId}/documents/${documentId}/original`, {
          headers: { authorization: `Bearer ${token}` },
        }),
        { params: Promise.resolve({ caseId, documentId }) },
      );

    const ok = await get(uploaded.id);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toBe("text/plain; charset=utf-8"); // never text/html inline
    expect(ok.headers.get("content-disposition")).toMatch(/^attachment; filename="report\.html"/);
    expect(ok.headers.get("x-content-type-options")).toBe("nosniff");
    expect(Buffer.from(await ok.arrayBuffer()).equals(html)).toBe(true);
    expect(ok.headers.get("x-content-sha256")).toBe(createHash("sha256").update(html).digest("hex"));
    expect((await get(pasted.id)).status).toBe(200);

    // Flip one byte of the stored original (same size, so the CHECK constraint still holds). The app's
    // role may not touch blobs and their trigger freezes them, so this is corruption from outside the
    // app: a superuser with triggers off (as a damaged disk or a restored bad backup would leave it).
    const sha = (await db.document.findUniqueOrThrow({ where: { id: uploaded.id } })).sha256;
    const su = new pg.Client({ connectionString: process.env.TEST_ADMIN_DATABASE_URL });
    await su.connect();
    try {
      await su.query("SET session_replication_role = replica");
      await su.query(`UPDATE blobs SET bytes = overlay(bytes placing '\\x58'::bytea from 10 for 1) WHERE sha256 = $1`, [sha]);
    } finally {
      await su.end();
    }
    const refused = await expectUnchanged(() => get(uploaded.id));
    expect(refused.status).toBe(500);
    const body = await refused.json();
    expect(body.error.code).toBe("integrity");
    expect(body.error.message).toMatch(/failed its integrity check/);
    // A backup refuses to carry a corrupted original forward.
    const failed = await script("backup.ts", ["--out", path.join(dir, "corrupt")], { DATABASE_URL: process.env.DATABASE_URL! }).catch(
      (e) => e,
    );
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/fail their hash check/);
  });
});
