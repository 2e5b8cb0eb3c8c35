import { z } from "zod";

/**
 * The one definition of a record id (every table's primary key is a PostgreSQL uuid). Schemas use
 * `IdSchema` (or `idField("…")` for a field with its own message); code that only needs a yes/no uses
 * `isId`. Path ids are checked once, by the route wrappers (lib/http/route.ts) and requireCasePage.
 */
export const IdSchema = z.uuid();

/** `IdSchema` with the message a form shows when the field is not an id. */
export function idField(message: string) {
  return z.uuid(message);
}

/** Whether `value` is a well-formed record id (a string PostgreSQL's uuid type accepts). */
export function isId(value: unknown): value is string {
  return IdSchema.safeParse(value).success;
}
