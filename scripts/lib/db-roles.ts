// The two database roles (README "Database roles"): the owner, which owns every table and runs the
// migrations, and the app, which reads and writes rows but owns nothing — so it can neither alter a
// table or its triggers nor truncate, and, not being a superuser, cannot set session_replication_role.
// The append-only tables take back its UPDATE/DELETE (casefile_grant_app_role() in migration 0010).
import pg from "pg";

export const OWNER_ROLE = "casefile_owner";
export const APP_ROLE = "casefile_app";

const lit = (s: string) => pg.Client.prototype.escapeLiteral(s);

/** A connection string for the same server and database as `url`, as another role. */
export function urlAs(url: string, role: string, password: string) {
  const u = new URL(url);
  u.username = role;
  u.password = password;
  return u.toString();
}

/** Creates (or updates) both login roles. Needs a superuser; idempotent, safe on every start. */
export async function ensureRoles(superuserUrl: string, { ownerPassword, appPassword }: { ownerPassword: string; appPassword: string }) {
  const c = new pg.Client({ connectionString: superuserUrl });
  await c.connect();
  try {
    for (const [role, password] of [
      [OWNER_ROLE, ownerPassword],
      [APP_ROLE, appPassword],
    ] as const) {
      // Two starts at once (tests and the app on one cluster) may race to create the role: the loser
      // sees duplicate_object and just updates it.
      const exists = (await c.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role])).rowCount;
      if (!exists)
        await c.query(`CREATE ROLE ${role} LOGIN`).catch((e: { code?: string }) => {
          if (e.code !== "42710") throw e;
        });
      await c.query(
        `ALTER ROLE ${role} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD ${lit(password)}`,
      );
    }
  } finally {
    await c.end();
  }
}

/**
 * Hands one database to the owner role and sets the app role's default grants. Needs a superuser,
 * connected to that database; idempotent. A database migrated before the roles existed (its tables
 * owned by the superuser) has every object in `public` given to the owner, so later migrations, run as
 * the owner, can alter them; objects belonging to extensions (pg_trgm) stay where they are.
 */
export async function prepareDatabase(client: pg.Client) {
  const { rows } = await client.query<{ db: string }>("SELECT current_database() AS db");
  const db = `"${rows[0].db.replace(/"/g, '""')}"`;
  await client.query(`ALTER DATABASE ${db} OWNER TO ${OWNER_ROLE}`);
  await client.query(`ALTER SCHEMA public OWNER TO ${OWNER_ROLE}`);
  await client.query("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
  await client.query(`GRANT USAGE ON SCHEMA public TO ${APP_ROLE}`);
  await client.query(`GRANT CONNECT, TEMPORARY ON DATABASE ${db} TO ${APP_ROLE}`);
  await client.query(`DO $$
DECLARE
  owner OID := '${OWNER_ROLE}'::regrole;
  r RECORD;
BEGIN
  FOR r IN SELECT c.oid::regclass AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relowner <> owner AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
  LOOP EXECUTE format('ALTER TABLE %s OWNER TO ${OWNER_ROLE}', r.name); END LOOP;
  -- Sequences owned by a column moved with their table; others on their own.
  FOR r IN SELECT c.oid::regclass AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relowner <> owner AND c.relkind = 'S'
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i', 'e'))
  LOOP EXECUTE format('ALTER SEQUENCE %s OWNER TO ${OWNER_ROLE}', r.name); END LOOP;
  FOR r IN SELECT p.oid::regprocedure AS name FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
    WHERE n.nspname = 'public' AND p.proowner <> owner
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
  LOOP EXECUTE format('ALTER ROUTINE %s OWNER TO ${OWNER_ROLE}', r.name); END LOOP;
  FOR r IN SELECT t.oid::regtype AS name FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
    WHERE n.nspname = 'public' AND t.typowner <> owner AND t.typtype IN ('e', 'd')
      AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e')
  LOOP EXECUTE format('ALTER TYPE %s OWNER TO ${OWNER_ROLE}', r.name); END LOOP;
  FOR r IN SELECT c.cfgname AS name FROM pg_ts_config c JOIN pg_namespace n ON n.oid = c.cfgnamespace WHERE n.nspname = 'public' AND c.cfgowner <> owner
  LOOP EXECUTE format('ALTER TEXT SEARCH CONFIGURATION public.%I OWNER TO ${OWNER_ROLE}', r.name); END LOOP;
  FOR r IN SELECT d.dictname AS name FROM pg_ts_dict d JOIN pg_namespace n ON n.oid = d.dictnamespace WHERE n.nspname = 'public' AND d.dictowner <> owner
  LOOP EXECUTE format('ALTER TEXT SEARCH DICTIONARY public.%I OWNER TO ${OWNER_ROLE}', r.name); END LOOP;
END $$`);
  // Tables and sequences the owner creates later (other migrations) are the app's to read and write;
  // migration 0010's casefile_grant_app_role() then takes back what append-only tables must not give.
  await client.query(
    `ALTER DEFAULT PRIVILEGES FOR ROLE ${OWNER_ROLE} IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${APP_ROLE}`,
  );
  await client.query(`ALTER DEFAULT PRIVILEGES FOR ROLE ${OWNER_ROLE} IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${APP_ROLE}`);
}

/** Whether this connection is a superuser and both roles exist (then migrations run as the owner). */
export async function rolesReady(client: pg.Client) {
  const { rows } = await client.query<{ superuser: boolean; roles: number }>(
    "SELECT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser, (SELECT count(*)::int FROM pg_roles WHERE rolname IN ($1, $2)) AS roles",
    [OWNER_ROLE, APP_ROLE],
  );
  return { superuser: rows[0].superuser, roles: rows[0].roles === 2 };
}
