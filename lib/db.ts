import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { NotFoundError } from "@/lib/errors";

export type QueryEvent = { query: string; params: string; duration: number };

/**
 * Benchmark instrumentation, off unless PRISMA_QUERY_COUNT=1 (npm run bench sets it): every SQL
 * statement Prisma sends is counted in `total` and in the per-request `scope` (withUser opens one and
 * reports it as the x-sql-count response header), and handed to `listeners`.
 */
export const queryStats = {
  enabled: process.env.PRISMA_QUERY_COUNT === "1",
  total: 0,
  scope: new AsyncLocalStorage<{ n: number }>(),
  listeners: new Set<(e: QueryEvent) => void>(),
};

/** Runs a request handler in its own statement-counting scope and puts the counts on its response. */
export async function withQueryCount(fn: () => Promise<Response>): Promise<Response> {
  if (!queryStats.enabled) return fn();
  const scope = { n: 0 };
  const res = await queryStats.scope.run(scope, fn);
  try {
    res.headers.set("x-sql-count", String(scope.n));
    res.headers.set("x-sql-total", String(queryStats.total));
  } catch {
    // Immutable headers (a proxied fetch response): no count, the response itself is unaffected.
  }
  return res;
}

function createClient() {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set (npm start sets it for the embedded database)");
  const adapter = new PrismaPg({ connectionString, max: Number(process.env.DB_POOL_SIZE ?? 10) });
  // Secrets are never selected unless a query asks for them by name.
  // Under a burst (50 writers on 2 cores) a transaction waits its turn for a connection instead of
  // failing after Prisma's default 2 s: queueing is slower, an error would lose the analyst's input.
  const client = new PrismaClient({
    adapter,
    omit: { user: { passwordHash: true } },
    transactionOptions: { maxWait: 10_000, timeout: 20_000 },
    log: queryStats.enabled ? [{ emit: "event", level: "query" }] : [],
  });
  if (queryStats.enabled) {
    (client as unknown as { $on: (e: "query", cb: (e: QueryEvent) => void) => void }).$on("query", (e) => {
      queryStats.total++;
      const scope = queryStats.scope.getStore();
      if (scope) scope.n++;
      for (const l of queryStats.listeners) l(e);
    });
  }
  return client.$extends({
    query: {
      async $allOperations({ args, query }) {
        try {
          return await query(args);
        } catch (err) {
          throw notAnIdIsNotFound(err);
        }
      },
    },
  });
}

/**
 * A string that is not a uuid compared with an id column matches no row: PostgreSQL refuses it
 * (22P02, "invalid input syntax for type uuid") and the query throws, so it is turned into the 404 of
 * a record that is not there. Route and page wrappers check path ids before any query
 * (lib/ids/id-schema.ts); this keeps every other caller (a use case called directly, a script) on the
 * same answer instead of a 500.
 */
function notAnIdIsNotFound(err: unknown): unknown {
  const cause = (err as { meta?: { driverAdapterError?: { cause?: { originalCode?: unknown; originalMessage?: unknown } } } })?.meta
    ?.driverAdapterError?.cause;
  if (cause?.originalCode === "22P02" && typeof cause.originalMessage === "string" && /type uuid/.test(cause.originalMessage)) {
    return new NotFoundError("Record");
  }
  return err;
}

const globalForDb = globalThis as unknown as { __casefileDb?: ReturnType<typeof createClient> };

export type Db = ReturnType<typeof createClient>;
/** The client handed to an interactive transaction callback. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export function getDb() {
  globalForDb.__casefileDb ??= createClient();
  return globalForDb.__casefileDb;
}

export const db = new Proxy({} as ReturnType<typeof createClient>, {
  get: (_t, prop) => {
    const client = getDb();
    const value = Reflect.get(client, prop);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

export async function disconnectDb() {
  if (globalForDb.__casefileDb) await globalForDb.__casefileDb.$disconnect();
  globalForDb.__casefileDb = undefined;
}
