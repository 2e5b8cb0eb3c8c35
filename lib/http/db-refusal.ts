// A write the database itself refused because it broke one of the record's rules (a trigger raising
// check_violation, migration 0010: e.g. an approval that no longer covers the content, because someone
// changed it between the service's check and the commit). The services check these rules first, so
// reaching the database means a race: answered 409 with the rule's own words, never 500.

const CHECK_VIOLATION = "23514";

type Found = { code?: unknown; originalCode?: unknown; message?: unknown; originalMessage?: unknown };

function find(err: unknown, depth = 0): Found | null {
  if (err == null || typeof err !== "object" || depth > 6) return null;
  const e = err as Record<string, unknown> & Found;
  if ((e.originalCode ?? e.code) === CHECK_VIOLATION && typeof (e.originalMessage ?? e.message) === "string") return e;
  const meta = e.meta as Record<string, unknown> | undefined;
  return find(e.cause, depth + 1) ?? find(meta?.driverAdapterError, depth + 1) ?? null;
}

/** The refusal's message when `err` is a rule the database enforces (raised by our triggers), else null. */
export function databaseRefusal(err: unknown): string | null {
  const hit = find(err);
  if (!hit) return null;
  const message = String(hit.originalMessage ?? hit.message);
  // A CHECK constraint's own message names internals ("new row for relation … violates check constraint …").
  return /violates check constraint/.test(message)
    ? "The database refused the change: it breaks one of the record's rules."
    : `The database refused the change: ${message}.`;
}
