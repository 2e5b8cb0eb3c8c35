import fc from "fast-check";
import type { Ids, JsonSchema, Operation } from "./fuzz-openapi";

// The fast-check generators behind both fuzzers: tests/security/fuzz-handlers.test.ts (1,000 inputs
// per route, in process) and tests/security/fuzz-routes.spec.ts (over HTTP). Whatever they produce,
// a route must answer with a 2xx or a 4xx, never a 5xx (other than the 502/504 a capture route
// documents for upstream failures).

/** The fixed seed (FUZZ_SEED overrides), so a failure is reproducible. */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20261123);

/** A per-route seed: the run's seed plus a hash of "method path", so adding a route does not reshuffle the others' inputs. */
export function seedFor(op: Pick<Operation, "method" | "path">, seed = FUZZ_SEED): number {
  let h = 0;
  for (const ch of `${op.method} ${op.path}`) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
  return (seed + h) | 0;
}

export const HUGE = "A".repeat(200_000);
export const ODD_STRINGS = [
  "",
  " ",
  "\u0000",
  "\uFEFF",
  "\uD800",
  "𝕏".repeat(5000),
  "é".normalize("NFD"),
  "<script>alert(1)</script>",
  "' OR 1=1 --",
  "${7*7}",
  "../../etc/passwd",
  "\r\n\r\n",
  "null",
  "NaN",
  "-0",
  "1e309",
  HUGE,
];
/**
 * URLs a capture must refuse before opening any connection (private, loopback, link-local and
 * metadata hosts, credentials, other schemes), so the capture routes are exercised past validation
 * without reaching the network. 127.0.0.1 itself is left out: the end-to-end server allows it.
 */
export const REFUSED_URLS = [
  "http://localhost/",
  "http://169.254.169.254/latest/meta-data/",
  "http://[::1]:5432/",
  "http://10.0.0.1/admin",
  "https://192.168.1.1/",
  "http://user:pw@example.com/",
  "file:///etc/passwd",
  "gopher://localhost:25/",
  "javascript:alert(1)",
];
const DATES = [
  "2022",
  "2022-07",
  "2022-07-15",
  "2022-02-30",
  "9999-99-99",
  "2022-07-15T10:00:00Z",
  "0000-01-01",
  "0000",
  "0000-00",
  "9999-12-31T23:59:59-14:00",
  "-000001-01-01",
  "+275760-09-13",
];

// Built once and shared: a string arbitrary over all of Unicode builds a large lookup table per instance.
const WRONG: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.constantFrom(...ODD_STRINGS),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
);
const STRINGS: fc.Arbitrary<string>[] = [
  fc.string({ maxLength: 300 }),
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.constantFrom(...ODD_STRINGS),
  fc.constantFrom(...DATES),
  fc.constantFrom(...REFUSED_URLS),
];
const NUMBERS: fc.Arbitrary<number>[] = [fc.integer(), fc.constantFrom(0, -1, 1, 2, 6, 7, 2 ** 31, 2 ** 53 + 1, 1e308, -1e308, 0.5)];
const ANYTHING = fc.anything({ maxDepth: 3, withNullPrototype: true, withObjectString: true });
const MALFORMED = fc.oneof(
  fc.string({ maxLength: 50 }),
  fc.constantFrom(
    "",
    "{",
    '{"a":',
    "[".repeat(5000) + "]".repeat(5000),
    '{"__proto__":{"isAdmin":true}}',
    '{"constructor":{"prototype":{"x":1}}}',
    "\uFEFF{}",
    '{"a":1,"a":2}',
    "1".repeat(400),
  ),
);

/** A value of any JSON type, often not the one the field wants. */
export function wrong(): fc.Arbitrary<unknown> {
  return WRONG;
}

/** Strings for a field: random, binary, odd, date-like and URL-like, plus the known ids for a uuid. */
function strings(schema: JsonSchema, ids: Ids): fc.Arbitrary<string>[] {
  return schema.format === "uuid" ? [fc.constantFrom(...Object.values(ids)), fc.uuid(), ...STRINGS] : STRINGS;
}

/** Values shaped by a JSON Schema node, mixed with wrong ones, so both validation paths and services are hit. */
export function fromSchema(schema: JsonSchema | undefined, ids: Ids, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 6) return wrong();
  const alternatives = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (alternatives) return fc.oneof(...alternatives.map((s) => fromSchema(s, ids, depth + 1)), wrong());
  if (Array.isArray(schema.enum))
    return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...(schema.enum as unknown[])) }, { weight: 1, arbitrary: wrong() });
  const type = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string | undefined];
  const options: fc.Arbitrary<unknown>[] = [];
  for (const t of type) {
    if (t === "object" || (!t && schema.properties)) {
      const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
      const record = fc.record(Object.fromEntries(Object.entries(props).map(([k, s]) => [k, fromSchema(s, ids, depth + 1)])), {
        requiredKeys: [],
      });
      // An own "__proto__" key (an object literal would set the prototype instead), so it reaches the JSON.
      const polluted = record.map((r) => {
        const o: Record<string, unknown> = { ...r, constructor: { prototype: { polluted: 1 } } };
        Object.defineProperty(o, "__proto__", { value: { isAdmin: true }, enumerable: true, configurable: true, writable: true });
        return o;
      });
      options.push(record, polluted);
    } else if (t === "string") {
      options.push(...strings(schema, ids));
    } else if (t === "integer" || t === "number") {
      options.push(...NUMBERS);
    } else if (t === "boolean") options.push(fc.boolean());
    else if (t === "array") {
      const items = fromSchema(schema.items as JsonSchema | undefined, ids, depth + 1);
      options.push(fc.array(items, { maxLength: 5 }), fc.constant(Array.from({ length: 5000 }, () => "x")));
    } else if (t === "null") options.push(fc.constant(null));
  }
  options.push(wrong());
  return fc.oneof(...options);
}

const INT4 = 2 ** 31 - 1;
const LONGEST = 100_000;
/** Storable text that is unusual in content but not in shape. */
const TEXTS = [
  "x",
  "O'Brien; DROP TABLE claims; --",
  "<img src=x onerror=alert(1)>",
  "مرحبا بالعالم",
  "\u202Egnp.exe",
  "👩‍👩‍👧‍👦🏳️‍🌈",
  "a\u0301",
  "  padded  ",
  "line\nbreak\ttab",
  "%s%n%x",
  "\\",
  "${7*7}{{7*7}}",
  "Ⅻ",
  "𝕏",
];

const DAY = fc
  .date({ min: new Date("1900-01-01"), max: new Date("2100-12-31"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const EMAIL = fc.oneof(
  fc.emailAddress().filter((e) => e.length <= 254),
  fc.constantFrom("nobody@example.test", "NOBODY@Example.TEST", " nobody@example.test "),
);

/**
 * The format a string field really has. Checks zod runs as refinements or pipes (a URL's scheme, a
 * date, an email) do not reach the JSON Schema, so the field's name is the hint.
 */
function formatOf(schema: JsonSchema, name: string | undefined): string | undefined {
  if (typeof schema.format === "string") return schema.format;
  if (!name) return undefined;
  if (/email/i.test(name)) return "email";
  if (/^url$/i.test(name)) return "uri";
  if (/date|publishedAt/i.test(name)) return "partial-date";
  return undefined;
}

function validString(schema: JsonSchema, ids: Ids, name?: string): fc.Arbitrary<string> {
  const min = Number(schema.minLength ?? 0);
  const max = Math.max(min, Number(schema.maxLength ?? 300));
  switch (formatOf(schema, name)) {
    case "uuid":
      return fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...Object.values(ids)) }, { weight: 1, arbitrary: fc.uuid() });
    case "date":
      return DAY;
    case "partial-date":
      return fc.oneof(DAY, fc.constantFrom(...DATES));
    case "date-time":
      return fc.date({ min: new Date("1900-01-01"), max: new Date("2100-12-31"), noInvalidDate: true }).map((d) => d.toISOString());
    case "uri":
      return fc.constantFrom(...REFUSED_URLS);
    case "email":
      return EMAIL;
  }
  if (typeof schema.pattern === "string") {
    try {
      return fc.stringMatching(new RegExp(schema.pattern));
    } catch {
      // A pattern JavaScript cannot compile: fall through to plain text.
    }
  }
  const fits = TEXTS.filter((t) => t.length >= min && t.length <= max);
  return fc.oneof(
    { weight: 4, arbitrary: fc.string({ unit: "grapheme", minLength: min, maxLength: Math.min(max, 60) }).filter((t) => t.length <= max) },
    ...(fits.length ? [{ weight: 2, arbitrary: fc.constantFrom(...fits) }] : []),
    // Exactly at the limit, once in plain letters and once in astral characters (two UTF-16 units
    // each); a limit in the millions (a document's text) is only approached, to keep runs short.
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        "x".repeat(Math.min(max, LONGEST)),
        "𝕏"
          .repeat(Math.floor(Math.min(max, LONGEST) / 2))
          .padEnd(Math.max(min, 1), "x")
          .slice(0, max),
      ),
    },
  );
}

/**
 * Values that satisfy a JSON Schema node (required keys present, lengths, ranges, enums, formats and
 * patterns respected, ids of real records), so most of them get past validation into the services.
 */
export function valid(schema: JsonSchema | undefined, ids: Ids, depth = 0, name?: string): fc.Arbitrary<unknown> {
  if (!schema || depth > 6) return fc.jsonValue({ maxDepth: 1 });
  const alternatives = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (alternatives) return fc.oneof(...alternatives.map((s) => valid(s, ids, depth + 1, name)));
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  if ("const" in schema) return fc.constant(schema.const);
  const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string | undefined];
  const options = types.map((t): fc.Arbitrary<unknown> => {
    if (t === "object" || (!t && schema.properties)) {
      const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
      const required = ((schema.required ?? []) as string[]).filter((k) => k in props);
      return fc.record(Object.fromEntries(Object.entries(props).map(([k, s]) => [k, valid(s, ids, depth + 1, k)])), {
        requiredKeys: required,
      });
    }
    if (t === "string") return validString(schema, ids, name);
    if (t === "integer" || t === "number") {
      // int4 at most: larger integers are refused as unstorable (lib/http/json-guard.ts) before the schema is consulted.
      const lo = Math.max(
        -INT4,
        Number(schema.minimum ?? -1000),
        typeof schema.exclusiveMinimum === "number" ? schema.exclusiveMinimum + 1 : -INT4,
      );
      const hi = Math.max(lo, Math.min(INT4, Number(schema.maximum ?? 1000)));
      return fc.oneof({ weight: 3, arbitrary: fc.integer({ min: lo, max: hi }) }, { weight: 1, arbitrary: fc.constantFrom(lo, hi) });
    }
    if (t === "boolean") return fc.boolean();
    if (t === "null") return fc.constant(null);
    if (t === "array") {
      const items = valid(schema.items as JsonSchema | undefined, ids, depth + 1);
      const minLength = Number(schema.minItems ?? 0);
      const most = Number(schema.maxItems ?? 3);
      return fc.oneof(
        { weight: 4, arbitrary: fc.array(items, { minLength, maxLength: Math.max(minLength, Math.min(most, 3)) }) },
        // As many as allowed (duplicates included), when that is a reasonable number.
        { weight: 1, arbitrary: fc.array(items, { minLength: Math.min(most, 100), maxLength: Math.min(most, 100) }) },
      );
    }
    return fc.jsonValue({ maxDepth: 1 });
  });
  return options.length === 1 ? options[0] : fc.oneof(...options);
}

/** Request bodies as raw text: JSON of arbitrary, schema-shaped and valid values, plus malformed and pathological JSON. */
export function bodies(op: Operation, ids: Ids): fc.Arbitrary<string> {
  const json = (a: fc.Arbitrary<unknown>) => a.map((v) => JSON.stringify(v) ?? "null");
  return fc.oneof(
    { weight: 2, arbitrary: json(ANYTHING) },
    { weight: 4, arbitrary: json(fromSchema(op.jsonBody ?? undefined, ids)) },
    { weight: 3, arbitrary: json(valid(op.jsonBody ?? undefined, ids)) },
    { weight: 1, arbitrary: MALFORMED },
  );
}

/** A generated value as it travels in a query string (arrays repeat the key, objects become JSON). */
function queryText(v: unknown): string[] {
  if (v === undefined) return [];
  if (Array.isArray(v)) return v.slice(0, 5).flatMap((x) => (x !== null && typeof x === "object" ? [JSON.stringify(x)] : [String(x)]));
  if (v !== null && typeof v === "object") return [JSON.stringify(v)];
  return [String(v)];
}

/**
 * True when every query parameter of `op` takes one of a few documented values (an export format):
 * those values are sent once each by the caller (each may render a file), and the generated inputs
 * are everything else.
 */
export function isClosedQuery(op: Operation): boolean {
  return op.query.length > 0 && op.query.every((q) => Array.isArray(q.schema.enum));
}

/** Every combination of a closed query's documented values, as query strings. */
export function closedQueryValues(op: Operation): string[] {
  let combos: [string, string][][] = [[]];
  for (const q of op.query)
    combos = combos.flatMap((c) => (q.schema.enum as unknown[]).map((v): [string, string][] => [...c, [q.name, String(v)]]));
  return combos.map((c) => new URLSearchParams(c).toString());
}

/**
 * Query strings for a route that validates its query: documented parameters left out or given
 * schema-shaped (often wrong) values, or all required ones given valid values and optional ones
 * sometimes; an unknown extra parameter now and then; raw strings with broken percent-encoding. For
 * a closed query (isClosedQuery) the documented values themselves are never generated.
 */
export function queries(op: Operation, ids: Ids): fc.Arbitrary<string> {
  const closed = isClosedQuery(op);
  const schemaOf = (q: Operation["query"][number]) => (closed ? { type: "string" } : q.schema);
  const mixed = fc.record(Object.fromEntries(op.query.map((q) => [q.name, fromSchema(schemaOf(q), ids)])), { requiredKeys: [] });
  const required = op.query.filter((q) => q.required).map((q) => q.name);
  const proper = closed
    ? mixed
    : fc.record(Object.fromEntries(op.query.map((q) => [q.name, valid(q.schema, ids, 0, q.name)])), { requiredKeys: required });
  const extra = fc.option(fc.tuple(fc.constantFrom("__proto__", "constructor", "x", "page[0]", "q[]"), fc.string({ maxLength: 20 })), {
    nil: undefined,
    freq: 3,
  });
  const build = ([values, more]: [Record<string, unknown>, [string, string] | undefined]) => {
    const params = new URLSearchParams();
    for (const [name, v] of Object.entries(values)) for (const text of queryText(v)) params.append(name, text);
    if (more) params.append(more[0], more[1]);
    return params.toString();
  };
  const names = op.query.map((q) => q.name);
  const raw = fc.oneof(
    fc.constantFrom("%", "%zz", "%E0%A4%A", "&&&", "=", "==x", "%00", "%ED%A0%80"),
    fc
      .tuple(
        fc.constantFrom(...(names.length ? names : ["q"])),
        fc.constantFrom("%", "%zz", "%00", "%ED%A0%80", "%FF", "+", "%2B", "1e999", "-1", "99999999999999999999"),
      )
      .map(([k, v]) => `${k}=${v}`),
  );
  return fc.oneof(
    { weight: 4, arbitrary: fc.tuple(mixed, extra).map(build) },
    { weight: 4, arbitrary: fc.tuple(proper, extra).map(build) },
    { weight: 1, arbitrary: raw },
  );
}
