// An existing database — migrated before the two roles existed, its tables owned by the superuser,
// holding an approval the old code left standing after its judgment was edited — upgrades in place:
// the migrator hands every object to casefile_owner, applies 0010 as that role, and the app's role
// gets its grants. The stale approval reads `withdrawn` (with why), a valid one stays approved.
import { randomBytes, randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { listMigrations, migrate } from "../../scripts/lib/migrator";
import { hypothesisHash, type HypothesisContent } from "@/lib/attribution/content-hash";

const name = `casefile_test_legacy_${randomBytes(4).toString("hex")}`;
const at = (base: string, role?: { user: string; password: string }) => {
  const u = new URL(base);
  u.pathname = `/${name}`;
  if (role) {
    u.username = role.user;
    u.password = role.password;
  }
  return u.toString();
};
const superuserUrl = at(inject("testServerUrl"));
const appUrl = at(inject("testAppUrl"));

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

afterAll(async () => {
  await withClient(inject("testServerUrl"), (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
});

const content = (over: Partial<HypothesisContent>): HypothesisContent => ({
  title: "MOIS",
  description: "",
  actorEntityId: null,
  likelihood: "likely",
  confidence: "moderate",
  rationale: "",
  disposition: "open",
  rejectedReason: null,
  ...over,
});

describe("upgrading a database made before the roles", () => {
  it("hands it to the owner, grants the app, withdraws approvals the old code left standing, and is idempotent", async () => {
    await withClient(inject("testServerUrl"), (c) => c.query(`CREATE DATABASE "${name}"`));
    const ids = {
      user: randomUUID(),
      reviewer: randomUUID(),
      case: randomUUID(),
      question: randomUUID(),
      stale: randomUUID(),
      valid: randomUUID(),
      staleReview: randomUUID(),
      validReview: randomUUID(),
    };
    const approvedContent = content({ title: "Stale" });
    const validContent = content({ title: "Valid" });
    await withClient(superuserUrl, async (c) => {
      // The migrations before this one, applied the old way: as the superuser, recorded like the migrator does.
      await c.query(
        `CREATE TABLE "_prisma_migrations" ("id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ, "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ, "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`,
      );
      for (const m of listMigrations().filter((m) => m.name < "0010")) {
        await c.query(m.sql);
        await c.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, finished_at, applied_steps_count) VALUES ($1, $2, $3, now(), 1)`,
          [randomUUID(), m.checksum, m.name],
        );
      }
      await c.query(
        `INSERT INTO users (id, email, name, password_hash, updated_at) VALUES ($1, 'a@example.test', 'Ana', 'x', now()), ($2, 'r@example.test', 'Rui', 'x', now())`,
        [ids.user, ids.reviewer],
      );
      await c.query(`INSERT INTO cases (id, slug, title, created_by_id, updated_at) VALUES ($1, 'legacy', 'Legacy', $2, now())`, [
        ids.case,
        ids.user,
      ]);
      await c.query(
        `INSERT INTO attribution_questions (id, case_id, question, created_by_id, updated_at) VALUES ($1, $2, 'Who?', $3, now())`,
        [ids.question, ids.case, ids.user],
      );
      // "Stale": approved as "likely", then edited to "very_likely" by the old code, which reset the
      // judgment to draft but left its review reading approved.
      await c.query(
        `INSERT INTO hypotheses (id, case_id, question_id, title, likelihood, confidence, author_id, review_state, approved_hash, version, updated_at)
         VALUES ($1, $2, $3, 'Stale', 'very_likely', 'moderate', $4, 'draft', NULL, 2, now()), ($5, $2, $3, 'Valid', 'likely', 'moderate', $4, 'approved', $6, 1, now())`,
        [ids.stale, ids.case, ids.question, ids.user, ids.valid, hypothesisHash(validContent)],
      );
      await c.query(
        `INSERT INTO hypothesis_versions (id, hypothesis_id, version, snapshot, reason, changed_by_id, at) VALUES
           ($1, $2, 1, '{}', 'Created', $3, now() - interval '2 hours'), ($4, $2, 2, '{}', 'Stronger', $3, now()), ($5, $6, 1, '{}', 'Created', $3, now() - interval '2 hours')`,
        [randomUUID(), ids.stale, ids.user, randomUUID(), randomUUID(), ids.valid],
      );
      await c.query(
        `INSERT INTO reviews (id, case_id, target_type, target_id, content_hash, submitted_by_id, reviewer_id, decision, created_at, decided_at) VALUES
           ($1, $2, 'hypothesis', $3, $4, $5, $6, 'approved', now() - interval '1 hour', now() - interval '1 hour'),
           ($7, $2, 'hypothesis', $8, $9, $5, $6, 'approved', now() - interval '1 hour', now() - interval '1 hour')`,
        [
          ids.staleReview,
          ids.case,
          ids.stale,
          hypothesisHash(approvedContent),
          ids.user,
          ids.reviewer,
          ids.validReview,
          ids.valid,
          hypothesisHash(validContent),
        ],
      );
      expect(
        (await c.query(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public' AND tableowner = 'casefile_owner'`)).rows[0].n,
      ).toBe(0);
    });

    const applied = await migrate({ databaseUrl: superuserUrl, log: () => {} });
    expect(applied).toContain("0010_review_integrity");

    await withClient(superuserUrl, async (c) => {
      const owners = await c.query(`SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'`);
      expect(owners.rows).toEqual([{ tableowner: "casefile_owner" }]);
      const fns = await c.query(
        `SELECT DISTINCT pg_get_userbyid(proowner) AS o FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')`,
      );
      expect(fns.rows).toEqual([{ o: "casefile_owner" }]);
      const reviews = await c.query(`SELECT id::text, decision::text, withdrawn_reason, target_version FROM reviews ORDER BY decision`);
      expect(reviews.rows).toEqual([
        { id: ids.validReview, decision: "approved", withdrawn_reason: null, target_version: 1 },
        {
          id: ids.staleReview,
          decision: "withdrawn",
          withdrawn_reason: expect.stringMatching(/changed after this approval/),
          target_version: 1,
        },
      ]);
      expect((await c.query(`SELECT review_state::text FROM hypotheses WHERE id = $1`, [ids.valid])).rows[0].review_state).toBe("approved");
    });

    // The app's role reads and writes, and meets the append-only rules.
    await withClient(appUrl, async (c) => {
      expect((await c.query("SELECT count(*)::int AS n FROM hypotheses")).rows[0].n).toBe(2);
      await c.query(`INSERT INTO audit_events (id, action, target_type, target_id) VALUES ($1, 'test.upgrade', 'case', $2)`, [
        randomUUID(),
        ids.case,
      ]);
      await expect(c.query("UPDATE audit_events SET reason = 'x'")).rejects.toThrow(/permission denied/);
      await expect(c.query("SET session_replication_role = replica")).rejects.toThrow(/permission denied/);
    });

    // A second run changes nothing and still succeeds (every start runs it).
    expect(await migrate({ databaseUrl: superuserUrl, log: () => {} })).toEqual([]);
  }, 120_000);
});
