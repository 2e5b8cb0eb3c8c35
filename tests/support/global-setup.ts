// One PostgreSQL for the whole run (embedded unless TEST_DATABASE_URL is set), with a migrated
// template database that each test file clones into a database of its own.
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedDb } from "../../scripts/lib/embedded-db";
import { migrate } from "../../scripts/lib/migrator";

export const TEMPLATE_DB = "casefile_test_template";

export default async function setup(project: TestProject) {
  let serverUrl: URL;
  let stop = async () => {};
  if (process.env.TEST_DATABASE_URL) {
    serverUrl = new URL(process.env.TEST_DATABASE_URL);
  } else {
    const db = await startEmbeddedDb({ dataDir: path.resolve(__dirname, "../..", process.env.TEST_PG_DIR ?? ".data/test-postgres"), port: Number(process.env.TEST_PG_PORT ?? 54339) });
    serverUrl = new URL(db.url("postgres"));
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
  await migrate({ databaseUrl: templateUrl.toString(), log: () => {} });
  project.provide("testServerUrl", adminUrl.toString());
  return async () => {
    await stop();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    testServerUrl: string;
  }
}
