// The search statement without the app around it: the SQL text and parameters lib/search/search.ts builds
// (searchSql, not a copy), sent with the `pg` client in a transaction under the same planner settings
// (SEARCH_SETTINGS), one at a time. Only the statement is timed, from send to its last row, so the
// HTTP figure ÷ this one is what the route, session, Prisma and JSON cost on top of PostgreSQL.
import pg from "pg";
import { percentile } from "./http";
import type { Actor } from "@/lib/auth/actor";

export type SqlStats = { n: number; p50: number; p95: number; p99: number; max: number };

const r1 = (x: number) => Math.round(x * 10) / 10;

export async function bareSearchSql({
  databaseUrl,
  n,
  warm,
  statement,
}: {
  databaseUrl: string;
  n: number;
  warm: number;
  /** The i-th request's user and query, as the HTTP scenario sent them. */
  statement: (i: number) => { actor: Actor; q: string };
}): Promise<SqlStats> {
  const { searchSql, SEARCH_SETTINGS } = await import("@/lib/search/search");
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const ms: number[] = [];
  try {
    const once = async (i: number) => {
      const { actor, q } = statement(i);
      const { sql } = searchSql({ actor, query: { q } });
      await client.query("BEGIN");
      await client.query(SEARCH_SETTINGS);
      const t = performance.now();
      await client.query(sql.text, sql.values);
      const elapsed = performance.now() - t;
      await client.query("COMMIT");
      return elapsed;
    };
    for (let i = 0; i < warm; i++) await once(n + i);
    for (let i = 0; i < n; i++) ms.push(await once(i));
  } finally {
    await client.end();
  }
  return {
    n: ms.length,
    p50: r1(percentile(ms, 50)),
    p95: r1(percentile(ms, 95)),
    p99: r1(percentile(ms, 99)),
    max: r1(percentile(ms, 100)),
  };
}
