// Gives every test file a fresh database cloned from the migrated template, and points lib/db at it
// as the app's role (casefile_app), so every test meets the grants and triggers the app meets.
// TEST_ADMIN_DATABASE_URL (superuser) and TEST_OWNER_DATABASE_URL (owner) name the same database for
// the few tests that must act outside the app (tampering with stored bytes, checking the schema).
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, inject } from "vitest";

const adminUrl = inject("testServerUrl");
const name = `casefile_test_${process.env.VITEST_POOL_ID ?? "0"}_${randomBytes(4).toString("hex")}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`CREATE DATABASE "${name}" TEMPLATE casefile_test_template`);
await admin.end();
const withDb = (url: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};
process.env.DATABASE_URL = withDb(inject("testAppUrl"));
process.env.TEST_ADMIN_DATABASE_URL = withDb(adminUrl);
process.env.TEST_OWNER_DATABASE_URL = withDb(inject("testOwnerUrl"));
process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret";

afterAll(async () => {
  const { disconnectDb } = await import("@/lib/db");
  await disconnectDb();
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await c.end();
});
