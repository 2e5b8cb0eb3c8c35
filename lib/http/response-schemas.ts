import { z } from "zod";

// Building blocks of the response schemas in lib/<domain>/schemas.ts (pure: forms import those files too).
// A response schema describes what the handler returns before serialisation: Prisma gives Date objects,
// which JSON turns into ISO strings, and lib/http/openapi.ts documents z.date() as a date-time string.

export const dateTime = z.date();
export const nullableDateTime = z.date().nullable();

/** `{ ok: true }`: the answer of a deletion or an action with nothing else to say. */
export const OkResponseSchema = z.strictObject({ ok: z.boolean() });
