import "server-only";
import { NextResponse } from "next/server";
import type { z, ZodType } from "zod";

/** A route answered with something its documented response schema does not describe: a 500 with a request id, never a 422. */
export class ResponseShapeError extends Error {
  constructor(issues: z.core.$ZodIssue[]) {
    const list = issues
      .slice(0, 10)
      .map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`)
      .join("; ");
    super(`The response does not match its documented schema: ${list}`);
    this.name = "ResponseShapeError";
  }
}

/**
 * Answers JSON parsed with the same zod schema lib/http/openapi.ts documents the route's success with,
 * so the document cannot drift from the answers. Response schemas are strict objects: a field the
 * handler returns but the schema does not describe fails as loudly as a missing one (500, logged with
 * the request id; the tests call every route), instead of being dropped silently. Only the DTO
 * schemas that exist to keep database columns out of the API (CaseSchema, SourceSchema…) strip.
 */
export function respond<S extends ZodType>(schema: S, value: z.input<S>, init?: ResponseInit): NextResponse {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new ResponseShapeError(parsed.error.issues);
  return NextResponse.json(parsed.data, init);
}
