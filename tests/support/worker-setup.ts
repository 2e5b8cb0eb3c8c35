// Gives every test file a fresh database cloned from the migrated template, and points lib/db at it.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, inject } from "vitest";

const adminUrl = inject("testServerUrl");
const name = `casefile_test_${process.env.VITEST_POOL_ID ?? "0"}_${randomBytes(4).toString("hex")}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`CREATE DATABASE "${name}" TEMPLATE casefile_test_template`);
await admin.end();
const dbUrl = new URL(adminUrl);
dbUrl.pathname = `/${name}`;
process.env.DATABASE_URL = dbUrl.toString();
process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret";

afterAll(async () => {
  const { disconnectDb } = await import("@/lib/db");
  await disconnectDb();
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await c.end();
});
