import { InvalidError } from "@/lib/errors";

// Values JSON can carry but PostgreSQL cannot store: a NUL character or a lone UTF-16 surrogate in
// text, and integers beyond int4 (our version and count columns). Without this check they pass zod
// and fail inside the database as a 500; found by tests/security/fuzz-routes.spec.ts.

const MAX_INT4 = 2_147_483_647;
// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export type JsonIssue = { path: string; message: string };

/** Every unstorable value in a parsed JSON body, with its dotted path (iterative: bodies may nest deeply). */
export function unstorableValues(body: unknown, limit = 20): JsonIssue[] {
  const issues: JsonIssue[] = [];
  const stack: { value: unknown; path: string }[] = [{ value: body, path: "" }];
  const text = (s: string, path: string) => {
    if (s.includes("\u0000")) issues.push({ path, message: "Text may not contain NUL characters." });
    else if (LONE_SURROGATE.test(s)) issues.push({ path, message: "Text contains an invalid Unicode character (a lone surrogate)." });
  };
  while (stack.length && issues.length < limit) {
    const { value, path } = stack.pop()!;
    if (typeof value === "string") text(value, path);
    else if (typeof value === "number") {
      if (Number.isInteger(value) && Math.abs(value) > MAX_INT4)
        issues.push({ path, message: `Number must be between -${MAX_INT4} and ${MAX_INT4}.` });
    } else if (Array.isArray(value)) value.forEach((v, i) => stack.push({ value: v, path: path ? `${path}.${i}` : String(i) }));
    else if (value && typeof value === "object") {
      for (const [k, v] of Object.entries(value)) {
        const p = path ? `${path}.${k}` : k;
        text(k, p);
        stack.push({ value: v, path: p });
      }
    }
  }
  return issues;
}

/** 422 with one issue per offending field, before zod or the database see the body. */
export function assertStorableJson(body: unknown): void {
  const issues = unstorableValues(body);
  if (issues.length) throw new InvalidError("Some fields are not valid.", issues);
}
