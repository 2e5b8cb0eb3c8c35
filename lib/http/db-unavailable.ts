import { AppError } from "@/lib/errors";

// Signs that PostgreSQL itself is down or restarting (not that a query was wrong): refused or reset
// connections, an admin/fast shutdown, a server still starting, and Prisma's "can't reach" codes.
const SIGNS = [
  /ECONNREFUSED/,
  /ECONNRESET/,
  /EPIPE/,
  /terminating connection due to administrator command/i,
  /the database system is (shutting down|starting up|in recovery mode|not yet accepting connections)/i,
  /Connection terminated/i,
  /Client has encountered a connection error/i,
  /Can't reach database server/i,
  /Server has closed the connection/i,
  /connection (is )?closed/i,
  /\bP10(01|02|08|17)\b/,
  /\b(57P01|57P02|57P03|08000|08001|08003|08004|08006)\b/,
  /DatabaseNotReachable|ConnectionClosed|SocketTimeout|DatabaseUnavailable/,
];

function texts(err: unknown, depth = 0, out: string[] = []): string[] {
  if (err == null || depth > 6) return out;
  if (typeof err === "string") {
    out.push(err);
    return out;
  }
  if (typeof err !== "object") return out;
  const e = err as Record<string, unknown>;
  for (const k of ["message", "code", "kind", "originalCode", "originalMessage", "name"])
    if (typeof e[k] === "string") out.push(e[k] as string);
  if (e.cause) texts(e.cause, depth + 1, out);
  if (e.meta && typeof e.meta === "object") texts(e.meta, depth + 1, out);
  if (Array.isArray(e.errors)) for (const inner of e.errors) texts(inner, depth + 1, out);
  return out;
}

/** True when the error means the database cannot be reached right now (so the answer is 503, not 500). */
export function isDatabaseUnavailable(err: unknown): boolean {
  if (err instanceof AppError) return false;
  const all = texts(err).join("\n");
  return SIGNS.some((re) => re.test(all));
}

export const DATABASE_UNAVAILABLE_MESSAGE = "The database is unavailable; try again shortly.";
