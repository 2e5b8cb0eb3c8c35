// "The data is unchanged": a digest of every table's full contents, compared before and after a
// refused request. Any insert, update or delete anywhere (audit rows included) changes it, except the
// "last used/seen" bookkeeping stamped on a token or session by authenticating at all.
import { db } from "@/lib/db";

export async function dbSnapshot(): Promise<Record<string, string>> {
  const tables = await db.$queryRawUnsafe<{ tablename: string }[]>(
    "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
  );
  const out: Record<string, string> = {};
  for (const { tablename } of tables) {
    const [row] = await db.$queryRawUnsafe<{ digest: string | null; n: bigint }[]>(
      `SELECT md5(coalesce(string_agg(r, E'\\n' ORDER BY r), '')) AS digest, count(*) AS n FROM (SELECT (to_jsonb(t) - 'last_used_at' - 'last_seen_at')::text AS r FROM "${tablename}" t) x`,
    );
    out[tablename] = `${row.n}:${row.digest}`;
  }
  return out;
}

/** Runs `refused` (which must throw or answer an error) and asserts no table changed. */
export async function expectUnchanged<T>(refused: () => Promise<T>): Promise<T> {
  const before = await dbSnapshot();
  const result = await refused();
  const after = await dbSnapshot();
  const changed = Object.keys(after).filter((t) => after[t] !== before[t]);
  if (changed.length) throw new Error(`refused request changed tables: ${changed.join(", ")}`);
  return result;
}
