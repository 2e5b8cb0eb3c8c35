// For a missed target: run the same service the route runs, in this process, capture every SQL statement
// it sends (lib/db queryStats listeners, PRISMA_QUERY_COUNT=1), and EXPLAIN (ANALYZE, BUFFERS) the
// slowest one with its real parameters. The plan goes into bench/explain/<name>.txt and the README.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import type { QueryEvent } from "@/lib/db";

export type Explained = { name: string; statements: number; slowestMs: number; sql: string; plan: string; file: string };

export async function explainSlowest({
  name,
  databaseUrl,
  outDir,
  run,
  setup,
}: {
  name: string;
  databaseUrl: string;
  outDir: string;
  run: () => Promise<unknown>;
  /** A statement the service runs first in the same transaction (planner settings), skipped as a candidate and run before EXPLAIN. */
  setup?: string;
}): Promise<Explained> {
  const { queryStats } = await import("@/lib/db");
  const seen: QueryEvent[] = [];
  const listener = (e: QueryEvent) => seen.push(e);
  queryStats.listeners.add(listener);
  try {
    await run(); // warm
    seen.length = 0;
    await run();
  } finally {
    queryStats.listeners.delete(listener);
  }
  const candidates = seen.filter((e) => /^\s*(SELECT|WITH|INSERT|UPDATE|DELETE)\b/i.test(e.query) && e.query !== setup);
  if (!candidates.length) throw new Error(`bench: ${name} sent no explainable statement`);
  const slowest = candidates.reduce((a, b) => (Number(b.duration) > Number(a.duration) ? b : a));
  const params = JSON.parse(slowest.params || "[]") as unknown[];
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let plan: string;
  try {
    // EXPLAIN ANALYZE executes the statement: a write is rolled back.
    await client.query("BEGIN");
    if (setup) await client.query(setup);
    const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${slowest.query}`, params);
    await client.query("ROLLBACK");
    plan = rows.map((r: Record<string, string>) => r["QUERY PLAN"]).join("\n");
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    plan = `EXPLAIN failed: ${err instanceof Error ? err.message : String(err)}`;
  } finally {
    await client.end();
  }
  mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, `${name}.txt`);
  writeFileSync(
    file,
    `-- ${name}: slowest of ${candidates.length} statements (${Number(slowest.duration)} ms as sent by Prisma)\n-- params: ${JSON.stringify(params).slice(0, 2000)}\n${slowest.query}\n\n${plan}\n`,
  );
  return { name, statements: seen.length, slowestMs: Number(slowest.duration), sql: slowest.query, plan, file };
}
