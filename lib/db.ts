import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";


function createClient() {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set (npm start sets it for the embedded database)");
  const adapter = new PrismaPg({ connectionString, max: Number(process.env.DB_POOL_SIZE ?? 10) });
  // Secrets are never selected unless a query asks for them by name.
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } } });
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
