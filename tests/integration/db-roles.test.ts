// An append-only record the app itself cannot rewrite (issue 12). The app connects as casefile_app,
// which owns nothing: every way it could tamper with the record — UPDATE/DELETE/TRUNCATE of the
// append-only tables, disabling or dropping their triggers, switching triggers off for the session —
// is tried on the app's own connection (lib/db, as every test file runs) and on a raw connection as
// the same role, and fails. The owner role, which runs migrations, still meets the triggers.
import { createHash, randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedDemo } from "../../scripts/lib/demo-seed";
import { approveBrief, briefApprovalState, submitBrief } from "@/lib/briefs/brief-review";
import { createRelease } from "@/lib/briefs/releases";
import { NextRequest } from "next/server";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { storeDocument } from "@/lib/documents/create-document";
import { DocumentMetaSchema } from "@/lib/documents/schemas";
import * as releasesRoute from "@/app/api/cases/[caseId]/releases/route";
import * as approveBriefRoute from "@/app/api/cases/[caseId]/brief/approve/route";
import { ctxOfUser } from "../support/factories";

let app: pg.Client;
let owner: pg.Client;
let caseId: string;
let releaseId: string;
let reviewId: string;

beforeAll(async () => {
  await seedDemo({ log: () => {} });
  caseId = (await db.case.findFirstOrThrow({ where: { title: "2022 Albania government cyberattacks" } })).id;
  const analyst = { ctx: await ctxOfUser("analyst@example.com"), access: { caseId, role: "owner" as const } };
  const reviewer = { ctx: await ctxOfUser("reviewer@example.com"), access: { caseId, role: "reviewer" as const } };
  await submitBrief(analyst);
  await approveBrief({ ...reviewer, input: { contentHash: (await briefApprovalState({ access: analyst.access })).hash } });
  const release = await createRelease(analyst);
  releaseId = release.id;
  reviewId = release.reviewId;
  app = new pg.Client({ connectionString: process.env.DATABASE_URL });
  owner = new pg.Client({ connectionString: process.env.TEST_OWNER_DATABASE_URL });
  await app.connect();
  await owner.connect();
}, 180_000);

afterAll(async () => {
  await app?.end();
  await owner?.end();
});

/** The error PostgreSQL gives for one statement, or null when it succeeded (then rolled back). */
async function refusal(c: pg.Client, sql: string, params: unknown[] = []) {
  await c.query("BEGIN");
  try {
    await c.query(sql, params);
    await c.query("SET CONSTRAINTS ALL IMMEDIATE");
    return null;
  } catch (err) {
    return (err as Error).message;
  } finally {
    await c.query("ROLLBACK");
  }
}

const APPEND_ONLY = ["audit_events", "reviews", "hypothesis_versions", "brief_releases", "brief_release_files", "blobs"] as const;

async function fingerprint() {
  const out: Record<string, string> = {};
  for (const t of APPEND_ONLY) {
    const { rows } = await owner.query(
      `SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM ${t} t`,
    );
    out[t] = `${rows[0].n}:${rows[0].digest}`;
  }
  return out;
}

describe("the app's database role", () => {
  it("is casefile_app: not a superuser, owns no table, cannot create in the schema", async () => {
    const { rows } = await app.query(
      "SELECT current_user AS me, (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS su, (SELECT count(*)::int FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user) AS owned",
    );
    expect(rows[0]).toEqual({ me: "casefile_app", su: false, owned: 0 });
    expect((await db.$queryRaw<{ me: string }[]>`SELECT current_user AS me`)[0].me).toBe("casefile_app");
    expect(await refusal(app, "CREATE TABLE public.sneaky (id int)")).toMatch(/permission denied for schema public/);
    expect(await refusal(app, "CREATE FUNCTION public.sneaky() RETURNS int LANGUAGE sql AS 'SELECT 1'")).toMatch(
      /permission denied for schema public/,
    );
  });

  it("cannot UPDATE, DELETE or TRUNCATE any append-only table, through Prisma or raw SQL", async () => {
    const before = await fingerprint();
    const key: Record<(typeof APPEND_ONLY)[number], string> = {
      audit_events: `case_id = '${caseId}'`,
      reviews: `case_id = '${caseId}'`,
      hypothesis_versions: "true",
      brief_releases: `id = '${releaseId}'`,
      brief_release_files: `release_id = '${releaseId}'`,
      blobs: "true",
    };
    const set: Record<(typeof APPEND_ONLY)[number], string> = {
      audit_events: "reason = 'covered up'",
      reviews: "content_hash = repeat('0', 64)",
      hypothesis_versions: "reason = 'rewritten'",
      brief_releases: "content_hash = repeat('0', 64)",
      brief_release_files: "bytes = 'forged'::bytea",
      blobs: "mime_type = 'text/forged'",
    };
    for (const t of APPEND_ONLY) {
      expect(await refusal(app, `UPDATE ${t} SET ${set[t]} WHERE ${key[t]}`), `UPDATE ${t}`).toMatch(/permission denied/);
      expect(await refusal(app, `DELETE FROM ${t} WHERE ${key[t]}`), `DELETE ${t}`).toMatch(/permission denied/);
      expect(await refusal(app, `TRUNCATE ${t} CASCADE`), `TRUNCATE ${t}`).toMatch(/permission denied/);
    }
    // The columns a decision writes stay writable, but the trigger refuses changing a decided review.
    expect(await refusal(app, `UPDATE reviews SET comment = 'edited later' WHERE id = $1`, [reviewId])).toMatch(/reviews is append-only/);
    await expect(db.auditEvent.deleteMany({ where: { caseId } })).rejects.toThrow(/permission denied/);
    await expect(db.hypothesisVersion.updateMany({ data: { reason: "rewritten" } })).rejects.toThrow(/permission denied/);
    await expect(db.briefRelease.deleteMany({ where: { caseId } })).rejects.toThrow(/permission denied/);
    await expect(
      db.$executeRawUnsafe("TRUNCATE audit_events, reviews, hypothesis_versions, brief_releases, brief_release_files, blobs CASCADE"),
    ).rejects.toThrow(/permission denied/);
    expect(await fingerprint()).toEqual(before);
  });

  it("cannot switch the triggers off: no ALTER TABLE … DISABLE TRIGGER, DROP TRIGGER, session_replication_role or REPLACE of a trigger function", async () => {
    for (const t of APPEND_ONLY) {
      expect(await refusal(app, `ALTER TABLE ${t} DISABLE TRIGGER ALL`), t).toMatch(/must be owner/);
    }
    expect(await refusal(app, "ALTER TABLE hypotheses DISABLE TRIGGER hypotheses_reset_review")).toMatch(/must be owner/);
    expect(await refusal(app, "DROP TRIGGER audit_events_no_update ON audit_events")).toMatch(/must be owner/);
    expect(
      await refusal(
        app,
        "CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN OLD; END $$",
      ),
    ).toMatch(/must be owner|permission denied/);
    expect(await refusal(app, "SET session_replication_role = replica")).toMatch(
      /permission denied to set parameter "session_replication_role"/,
    );
    expect(await refusal(app, "ALTER TABLE audit_events OWNER TO casefile_app")).toMatch(/must be owner/);
    expect(await refusal(app, "SET ROLE casefile_owner")).toMatch(/permission denied to set role/);
    await expect(db.$executeRawUnsafe("SET session_replication_role = replica")).rejects.toThrow(/permission denied/);
  });

  it("the owner, which runs migrations, meets the triggers too: UPDATE, DELETE and TRUNCATE are refused", async () => {
    const before = await fingerprint();
    expect(await refusal(owner, "UPDATE audit_events SET reason = 'covered up'")).toMatch(/audit_events is append-only \(UPDATE refused\)/);
    expect(await refusal(owner, "DELETE FROM hypothesis_versions")).toMatch(/hypothesis_versions is append-only \(DELETE refused\)/);
    expect(await refusal(owner, "TRUNCATE hypothesis_versions")).toMatch(/append-only \(TRUNCATE refused\)/);
    expect(await refusal(owner, "DELETE FROM reviews")).toMatch(/reviews is append-only \(DELETE refused\)/);
    expect(await refusal(owner, "TRUNCATE reviews CASCADE")).toMatch(/(append-only|immutable) \(TRUNCATE refused\)/);
    expect(await refusal(owner, "TRUNCATE brief_release_files")).toMatch(/brief_release_files is immutable \(TRUNCATE refused\)/);
    expect(await refusal(owner, "TRUNCATE brief_releases CASCADE")).toMatch(/is immutable \(TRUNCATE refused\)/);
    expect(await refusal(owner, "UPDATE blobs SET mime_type = 'x'")).toMatch(/blobs is immutable \(UPDATE refused\)/);
    expect(await refusal(owner, "TRUNCATE blobs CASCADE")).toMatch(/immutable \(TRUNCATE refused\)/);
    expect(await fingerprint()).toEqual(before);
  });

  it("tables a later migration creates are the app's to read and write (default privileges), never to truncate; rights a migration takes back stay taken back", async () => {
    const table = `later_${randomBytes(3).toString("hex")}`;
    await owner.query(`CREATE TABLE ${table} (id int PRIMARY KEY, note text)`);
    await owner.query("SELECT casefile_grant_app_role()");
    await app.query(`INSERT INTO ${table} VALUES (1, 'a')`);
    await app.query(`UPDATE ${table} SET note = 'b'`);
    expect((await app.query(`SELECT note FROM ${table}`)).rows).toEqual([{ note: "b" }]);
    await app.query(`DELETE FROM ${table}`);
    expect(await refusal(app, `TRUNCATE ${table}`)).toMatch(/permission denied/);
    expect(await refusal(app, `ALTER TABLE ${table} ADD COLUMN x int`)).toMatch(/must be owner/);
    // A later append-only table takes back UPDATE/DELETE in its migration; the migrator's next run
    // (casefile_grant_app_role) must not give them back.
    await owner.query(`REVOKE UPDATE, DELETE ON ${table} FROM casefile_app`);
    await owner.query("SELECT casefile_grant_app_role()");
    await app.query(`INSERT INTO ${table} VALUES (2, 'kept')`);
    expect(await refusal(app, `UPDATE ${table} SET note = 'rewritten'`)).toMatch(/permission denied/);
    expect(await refusal(app, `DELETE FROM ${table}`)).toMatch(/permission denied/);
    await owner.query(`DROP TABLE ${table}`);
  });
});

describe("original bytes and captured provenance", () => {
  it("a blob is stored only under the SHA-256 of its bytes, and then never changes", async () => {
    const bytes = Buffer.from(`original ${randomBytes(4).toString("hex")}`);
    const sha = createHash("sha256").update(bytes).digest("hex");
    const other = createHash("sha256").update("something else").digest("hex");
    expect(
      await refusal(app, "INSERT INTO blobs (sha256, bytes, size, mime_type) VALUES ($1, $2, $3, 'text/plain')", [
        other,
        bytes,
        bytes.length,
      ]),
    ).toMatch(/does not match its SHA-256/);
    await app.query("INSERT INTO blobs (sha256, bytes, size, mime_type) VALUES ($1, $2, $3, 'text/plain')", [sha, bytes, bytes.length]);
    expect(await refusal(app, "UPDATE blobs SET bytes = $2 WHERE sha256 = $1", [sha, Buffer.from("forged")])).toMatch(/permission denied/);
    expect(await refusal(owner, "UPDATE blobs SET bytes = $2 WHERE sha256 = $1", [sha, Buffer.from("forged")])).toMatch(/immutable/);
    expect((await app.query("SELECT encode(sha256(bytes), 'hex') AS h FROM blobs WHERE sha256 = $1", [sha])).rows[0].h).toBe(sha);
  });

  it("a document's MIME type and kind freeze with its text, and a URL capture's URL; its title stays editable", async () => {
    // A URL capture's URL is where its bytes came from (migration 0013 keeps it frozen); a pasted or
    // uploaded document's URL is typed metadata, correctable like its title.
    const { document: doc } = await storeDocument({
      ctx: await ctxOfUser("analyst@example.com"),
      access: { caseId, role: "editor" },
      captured: {
        kind: "url",
        bytes: Buffer.from(`<p>A captured page ${randomBytes(4).toString("hex")}</p>`),
        mimeType: "text/html",
        text: "A captured page.",
        meta: { ...DocumentMetaSchema.parse({ url: "https://news.example/a", confirmDuplicate: true }), title: "Captured page" },
      },
    });
    await expect(db.document.update({ where: { id: doc.id }, data: { url: "https://evil.example/forged" } })).rejects.toThrow(/immutable/);
    await expect(db.document.update({ where: { id: doc.id }, data: { mimeType: "text/plain" } })).rejects.toThrow(/immutable/);
    await expect(db.document.update({ where: { id: doc.id }, data: { kind: "paste" } })).rejects.toThrow(/immutable/);
    expect(await refusal(app, "UPDATE documents SET url = NULL WHERE id = $1", [doc.id])).toMatch(/immutable/);
    const typed = await db.document.findFirstOrThrow({ where: { caseId, kind: { not: "url" } } });
    expect(await refusal(app, "UPDATE documents SET mime_type = 'x', kind = 'url' WHERE id = $1", [typed.id])).toMatch(/immutable/);
    await db.document.update({ where: { id: typed.id }, data: { url: "https://corrected.example/report" } });
    await db.document.update({ where: { id: doc.id }, data: { title: `${doc.title} (retitled)` } });
    expect(await db.document.findUniqueOrThrow({ where: { id: doc.id } })).toMatchObject({
      url: doc.url,
      mimeType: doc.mimeType,
      kind: doc.kind,
    });
  });
});

describe("a brief release and its approval", () => {
  it("references the approved review of this brief, for this hash, by its approver: anything else is refused in SQL", async () => {
    const release = await db.briefRelease.findUniqueOrThrow({ where: { id: releaseId } });
    const insert = (over: Record<string, unknown>) => {
      const row = {
        ...{
          id: "gen_random_uuid()",
          case_id: `'${release.caseId}'`,
          number: 99,
          content_hash: `'${release.contentHash}'`,
          manifest: "'{}'",
          released_by_id: `'${release.releasedById}'`,
          approved_by_id: `'${release.approvedById}'`,
          review_id: `'${release.reviewId}'`,
        },
        ...over,
      };
      return `INSERT INTO brief_releases (${Object.keys(row).join(", ")}) VALUES (${Object.values(row).join(", ")})`;
    };
    // The real approval is accepted (proving the refusals below are about the review, not the row).
    expect(await refusal(app, insert({}))).toBeNull();
    expect(await refusal(app, insert({ review_id: "gen_random_uuid()" }))).toMatch(
      /brief_releases_review_id_fkey|approved review of this brief/,
    );
    expect(await refusal(app, insert({ content_hash: `'${"0".repeat(64)}'` }))).toMatch(
      /approved review of this brief, for this content hash/,
    );
    expect(
      await refusal(app, insert({ approved_by_id: `'${release.releasedById}'`, released_by_id: `'${release.approvedById}'` })),
    ).toMatch(/approved review of this brief|two_people/);
    const judgmentApproval = await db.review.findFirstOrThrow({ where: { caseId, targetType: "hypothesis", decision: "approved" } });
    expect(
      await refusal(
        app,
        insert({
          review_id: `'${judgmentApproval.id}'`,
          content_hash: `'${judgmentApproval.contentHash}'`,
          approved_by_id: `'${judgmentApproval.reviewerId}'`,
        }),
      ),
    ).toMatch(/approved review of this brief/);
    const other = await db.case.findFirstOrThrow({ where: { id: { not: caseId } } });
    expect(await refusal(app, insert({ case_id: `'${other.id}'` }))).toMatch(/approved review of this brief/);
    // A pending (or withdrawn) brief review is no approval.
    const analyst = { ctx: await ctxOfUser("analyst@example.com"), access: { caseId, role: "owner" as const } };
    const pending = await submitBrief(analyst);
    expect(await refusal(app, insert({ review_id: `'${pending.id}'`, content_hash: `'${pending.contentHash}'` }))).toMatch(
      /approved review of this brief/,
    );
    expect(await refusal(app, insert({}))).toMatch(/approved review of this brief/);
    expect((await db.review.findUniqueOrThrow({ where: { id: release.reviewId } })).withdrawnReason).toMatch(
      /Replaced by a new submission by/,
    );
    const submitted = await db.auditEvent.findFirstOrThrow({ where: { caseId, action: "brief.submit" }, orderBy: { at: "desc" } });
    expect(submitted.after).toMatchObject({ reviewId: pending.id, withdrawnReviewIds: [release.reviewId] });

    // Through the API: the withdrawn approval releases nothing, and the submitter cannot approve.
    const { token } = await createApiToken({ ctx: analyst.ctx, name: "release" });
    const post = (route: { POST: unknown }, body?: unknown) =>
      (route.POST as (req: NextRequest, c: { params: Promise<Record<string, string>> }) => Promise<Response>)(
        new NextRequest(`http://casefile.test/api/cases/${caseId}/x`, {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: JSON.stringify(body ?? {}),
        }),
        { params: Promise.resolve({ caseId }) },
      );
    const refused = await post(releasesRoute);
    expect(refused.status).toBe(409);
    expect((await refused.json()).error.missing).toContain("The brief has not been approved by a reviewer.");
    expect((await post(approveBriefRoute, { contentHash: pending.contentHash })).status).toBe(403);
    // The demo's release 1 and this file's release 2, nothing more.
    expect(await db.briefRelease.count({ where: { caseId } })).toBe(2);
  });
});
