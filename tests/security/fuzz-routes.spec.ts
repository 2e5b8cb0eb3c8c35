import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { ORIGIN } from "../e2e/fixtures";
import { buildCaseFixture, createCase, fillPath, listOperations, pool, send, type Ids, type JsonSchema, type Operation } from "./support";

// Property-based fuzzing of every route that takes a JSON body (from the OpenAPI document, so new
// routes are fuzzed without editing this file): fast-check's `anything`, malformed JSON, and inputs
// derived from each route's JSON Schema with wrong types, huge and odd strings, deep nesting and
// __proto__ keys. Whatever arrives, the answer is a 2xx or a 4xx — never a 5xx other than the
// upstream failures (502/504) a capture route documents.

// 200 per route keeps the run near 2.5 minutes on a 2-core machine (SECURITY.md); FUZZ_RUNS=1000 for the full count.
const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const SEED = Number(process.env.FUZZ_SEED ?? 20261123);
const HUGE = "A".repeat(200_000);
const ODD_STRINGS = ["", " ", "\u0000", "\uFEFF", "\uD800", "𝕏".repeat(5000), "é".normalize("NFD"), "<script>alert(1)</script>", "' OR 1=1 --", "${7*7}", "../../etc/passwd", "\r\n\r\n", "null", "NaN", "-0", "1e309", HUGE];

function wrong(): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.double({ noNaN: true }),
    fc.constantFrom(...ODD_STRINGS),
    fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
    fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
  );
}

/** Values shaped by a JSON Schema node, mixed with wrong ones, so both validation paths and services are hit. */
function fromSchema(schema: JsonSchema | undefined, ids: Ids, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 6) return wrong();
  const alternatives = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (alternatives) return fc.oneof(...alternatives.map((s) => fromSchema(s, ids, depth + 1)), wrong());
  if (Array.isArray(schema.enum)) return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...(schema.enum as unknown[])) }, { weight: 1, arbitrary: wrong() });
  const type = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string | undefined];
  const options: fc.Arbitrary<unknown>[] = [];
  for (const t of type) {
    if (t === "object" || (!t && schema.properties)) {
      const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
      const record = fc.record(Object.fromEntries(Object.entries(props).map(([k, s]) => [k, fromSchema(s, ids, depth + 1)])), { requiredKeys: [] });
      // An own "__proto__" key (an object literal would set the prototype instead), so it reaches the JSON.
      const polluted = record.map((r) => {
        const o: Record<string, unknown> = { ...r, constructor: { prototype: { polluted: 1 } } };
        Object.defineProperty(o, "__proto__", { value: { isAdmin: true }, enumerable: true, configurable: true, writable: true });
        return o;
      });
      options.push(record, polluted);
    } else if (t === "string") {
      if (schema.format === "uuid") options.push(fc.constantFrom(...Object.values(ids)), fc.uuid());
      options.push(fc.string({ maxLength: 300 }), fc.string({ unit: "binary", maxLength: 200 }), fc.constantFrom(...ODD_STRINGS), fc.constantFrom("2022", "2022-07", "2022-07-15", "2022-02-30", "9999-99-99"));
    } else if (t === "integer" || t === "number") {
      options.push(fc.integer(), fc.constantFrom(0, -1, 1, 2, 6, 7, 2 ** 31, 2 ** 53 + 1, 1e308, -1e308, 0.5));
    } else if (t === "boolean") options.push(fc.boolean());
    else if (t === "array") {
      const items = fromSchema(schema.items as JsonSchema | undefined, ids, depth + 1);
      options.push(fc.array(items, { maxLength: 5 }), fc.constant(Array.from({ length: 5000 }, () => "x")));
    } else if (t === "null") options.push(fc.constant(null));
  }
  options.push(wrong());
  return fc.oneof(...options);
}

/** Request bodies as raw text: JSON of generated values, plus malformed and pathological JSON. */
function bodies(op: Operation, ids: Ids): fc.Arbitrary<string> {
  const json = (a: fc.Arbitrary<unknown>) => a.map((v) => JSON.stringify(v) ?? "null");
  return fc.oneof(
    { weight: 2, arbitrary: json(fc.anything({ maxDepth: 3, withNullPrototype: true, withObjectString: true })) },
    { weight: 5, arbitrary: json(fromSchema(op.jsonBody ?? undefined, ids)) },
    {
      weight: 1,
      arbitrary: fc.oneof(
        fc.string({ maxLength: 50 }),
        fc.constantFrom("", "{", "{\"a\":", "[".repeat(5000) + "]".repeat(5000), "{\"__proto__\":{\"isAdmin\":true}}", "{\"constructor\":{\"prototype\":{\"x\":1}}}", "\uFEFF{}", "{\"a\":1,\"a\":2}", "1".repeat(400)),
      ),
    },
  );
}

async function signInAdmin(api: APIRequestContext) {
  const { csrfToken } = await (await api.get("/api/auth/csrf")).json();
  const res = await api.post("/api/auth/callback/credentials", {
    form: { email: "admin@example.com", password: "workspace-admin-2026", csrfToken, json: "true" },
    headers: { "x-forwarded-for": "10.7.7.7" },
  });
  expect(res.status()).toBe(200);
}

test("every route with a JSON body answers generated input without a server error", async ({ playwright, baseURL }) => {
  test.setTimeout(600_000);
  // The workspace admin has no cases of its own, so whatever valid input creates stays out of other tests' way.
  const api = await playwright.request.newContext({ baseURL });
  await signInAdmin(api);
  const ops = (await listOperations(api)).filter((op) => op.jsonBody && !op.public && !op.path.startsWith("/api/auth/"));
  const marker = `FUZZ${randomUUID().slice(0, 8)}`;
  const caseId = await createCase(api, `Fuzz probe ${marker}`);
  const ids = await buildCaseFixture(api, caseId, marker);

  const started = Date.now();
  const failures: string[] = [];
  const statuses: Record<number, number> = {};
  let sent = 0;
  for (const [n, op] of ops.entries()) {
    const inputs = fc.sample(bodies(op, ids), { numRuns: RUNS, seed: SEED + n });
    await pool(inputs, 8, async (body) => {
      const res = await send(api, op.method, fillPath(op.path, ids), { data: body, headers: { ...ORIGIN, "content-type": "application/json" } });
      const status = res.status();
      statuses[status] = (statuses[status] ?? 0) + 1;
      sent++;
      // 502/504 are documented upstream failures of URL capture, not our own errors.
      if (status >= 500 && !(status === 502 || status === 504)) failures.push(`${op.method.toUpperCase()} ${op.path} → ${status} for ${body.slice(0, 300)}: ${(await res.text()).slice(0, 300)}`);
    });
  }
  // The server is still healthy afterwards.
  expect((await api.get("/api/cases")).status()).toBe(200);
  console.log(`fuzz: ${ops.length} routes × ${RUNS} inputs = ${sent} requests in ${Math.round((Date.now() - started) / 1000)} s (seed ${SEED}); statuses ${JSON.stringify(statuses)}`);
  expect(failures.slice(0, 20)).toEqual([]);
  await api.dispose();
});
