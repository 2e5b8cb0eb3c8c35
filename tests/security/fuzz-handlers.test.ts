// Property-based fuzzing of every zod-validated route, in process: 200 generated inputs per route in npm test
// (FUZZ_RUNS overrides, FUZZ_SEED changes the fixed seed). The route list is the OpenAPI document
// (so a new route is fuzzed without editing this file): every operation with a JSON body gets bodies
// from ./fuzz-arbitraries, every operation with documented query parameters gets query strings.
// The real handler modules (app/api/**/route.ts) are called with real Requests, authenticated by a
// workspace admin's Bearer token, against this file's own PostgreSQL database. No answer may be a
// 5xx; a failure prints the route, the input and the server-side stack. Afterwards another user's
// case is byte-for-byte unchanged. The URL capture routes run with every host resolving to a
// loopback address and no CAPTURE_ALLOW_HOSTS, so a generated URL is refused before any socket opens.
// tests/security/fuzz-routes.spec.ts sends a smaller number of the same inputs over HTTP.
import { randomUUID } from "node:crypto";
import http from "node:http";
import https from "node:https";
import path from "node:path";
import fc from "fast-check";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { buildOpenApiDocument } from "@/lib/http/openapi";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { makeUser } from "../support/factories";
import { bodies, closedQueryValues, FUZZ_SEED, isClosedQuery, queries, seedFor } from "./fuzz-arbitraries";
import { fillPath, operationsFromDocument, type Ids, type Method, type Operation } from "./fuzz-openapi";

const lookups = vi.hoisted(() => ({ count: 0 }));
vi.mock("node:dns/promises", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:dns/promises")>();
  // Every name and literal "resolves" to loopback, which safe-fetch refuses: no capture leaves the machine.
  const lookup = async () => {
    lookups.count++;
    return [{ address: "127.0.0.1", family: 4 }];
  };
  return { ...actual, lookup, default: { ...actual, lookup } };
});

const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
/** Requests in flight at once: enough to overlap database round trips, few enough for 2 cores. */
const CONCURRENCY = 4;
const ROOT = path.resolve(__dirname, "../..");
const ORIGIN = "http://casefile.test";

type Handler = (req: NextRequest, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Result = { status: number; text: string; requestId: string | null };

const handlers = new Map<string, Handler>();

/** app/api/cases/[caseId]/claims/route.ts for /api/cases/{caseId}/claims. */
async function handlerFor(op: Pick<Operation, "method" | "path">): Promise<Handler> {
  const key = `${op.method} ${op.path}`;
  const cached = handlers.get(key);
  if (cached) return cached;
  const segments = op.path
    .replace(/^\/api\//, "")
    .split("/")
    .map((s) => s.replace(/^\{(\w+)\}$/, "[$1]"));
  const mod = (await import(/* @vite-ignore */ path.join(ROOT, "app/api", ...segments, "route.ts"))) as Partial<Record<string, Handler>>;
  const handler = mod[op.method.toUpperCase()];
  if (typeof handler !== "function") throw new Error(`${op.method.toUpperCase()} ${op.path}: the route module exports no such handler`);
  handlers.set(key, handler);
  return handler;
}

async function call(
  op: Pick<Operation, "method" | "path">,
  params: Record<string, string>,
  { token, body, query }: { token: string; body?: string; query?: string },
): Promise<Result> {
  const headers: Record<string, string> = { host: "casefile.test", origin: ORIGIN, authorization: `Bearer ${token}` };
  if (body !== undefined) headers["content-type"] = "application/json";
  const url = `${ORIGIN}${fillPath(op.path, params)}${query ? `?${query}` : ""}`;
  const req = new NextRequest(url, { method: op.method.toUpperCase(), headers, body });
  const res = await (await handlerFor(op))(req, { params: Promise.resolve({ ...params }) });
  return { status: res.status, text: await res.text(), requestId: res.headers.get("x-request-id") };
}

/** A JSON call that must succeed with 201, for building fixtures. */
async function create(token: string, method: Method, p: string, body: unknown): Promise<Record<string, { id: string }>> {
  const params = Object.fromEntries([...p.matchAll(/\{(\w+)=([^}]+)\}/g)].map((m) => [m[1], m[2]]));
  const res = await call({ method, path: p.replace(/\{(\w+)=[^}]+\}/g, "{$1}") }, params, { token, body: JSON.stringify(body) });
  expect(res.status, `${method} ${p}: ${res.text.slice(0, 500)}`).toBe(201);
  return JSON.parse(res.text);
}

/** One record of every kind in a new case owned by `token`'s user, through the routes themselves. */
async function buildCase(token: string, title: string): Promise<Ids> {
  const { case: c } = await create(token, "post", "/api/cases", { title, summary: "Fuzz probe.", tlp: "AMBER" });
  const caseId = c.id;
  const at = (p: string) => p.replace("{caseId}", `{caseId=${caseId}}`);
  const text = `Confidential note ${title}. The operator was seen in the harbour on 3 May.`;
  const { document } = await create(token, "post", at("/api/cases/{caseId}/documents"), { title: `Document ${title}`, text });
  const { source } = await create(token, "post", at("/api/cases/{caseId}/sources"), {
    name: `Source ${title}`,
    kind: "person",
    reliability: "C",
    rationale: "r",
  });
  const assigned = await call(
    { method: "put", path: "/api/cases/{caseId}/documents/{documentId}/source" },
    { caseId, documentId: document.id },
    { token, body: JSON.stringify({ sourceId: source.id }) },
  );
  expect(assigned.status).toBe(200);
  const { entity } = await create(token, "post", at("/api/cases/{caseId}/entities"), { kind: "person", name: `Entity ${title}` });
  const claimBody = (statement: string) => ({
    statement,
    claimant: "Claimant",
    kind: "allegation",
    credibility: 3,
    excerpts: [{ documentId: document.id, exact: "The operator was seen in the harbour" }],
    entityIds: [entity.id],
  });
  const { claim } = await create(token, "post", at("/api/cases/{caseId}/claims"), claimBody(`Claim one ${title}`));
  const { claim: other } = await create(token, "post", at("/api/cases/{caseId}/claims"), claimBody(`Claim two ${title}`));
  const { link } = await create(token, "post", at(`/api/cases/{caseId}/claims/{claimId=${claim.id}}/links`), {
    toClaimId: other.id,
    kind: "corroborates",
  });
  const { event } = await create(token, "post", at("/api/cases/{caseId}/events"), {
    title: `Event ${title}`,
    date: "2022-07-15",
    claimIds: [claim.id],
  });
  const { question } = await create(token, "post", at("/api/cases/{caseId}/questions"), { question: `Who is behind ${title}?` });
  const { hypothesis } = await create(token, "post", at("/api/cases/{caseId}/hypotheses"), {
    questionId: question.id,
    title: `Hypothesis ${title}`,
  });
  await create(token, "post", at("/api/cases/{caseId}/comments"), { targetType: "claim", targetId: claim.id, body: `Comment ${title}` });
  const { task } = await create(token, "post", at("/api/cases/{caseId}/tasks"), {
    title: `Task ${title}`,
    linkType: "claim",
    linkId: claim.id,
  });
  const { indicator } = await create(token, "post", at("/api/cases/{caseId}/indicators"), { type: "domain", value: "fixture-evil[.]net" });
  return {
    caseId,
    documentId: document.id,
    sourceId: source.id,
    entityId: entity.id,
    claimId: claim.id,
    otherClaimId: other.id,
    linkId: link.id,
    questionId: question.id,
    id: hypothesis.id,
    number: "1",
    eventId: event.id,
    taskId: task.id,
    indicatorId: indicator.id,
  };
}

const PARENTS: Record<string, string> = {
  claim_id: "claims",
  hypothesis_id: "hypotheses",
  event_id: "events",
  review_id: "reviews",
  release_id: "brief_releases",
};

/** A digest of every row that belongs to `caseId` (directly or through its claims, hypotheses, …) and of its owner's account. */
async function caseDigest(caseId: string, ownerId: string): Promise<Record<string, string>> {
  const columns = await db.$queryRawUnsafe<{ table_name: string; column_name: string }[]>(
    "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name IN ('case_id', 'claim_id', 'hypothesis_id', 'event_id', 'review_id', 'release_id')",
  );
  const byTable = new Map<string, Set<string>>();
  for (const c of columns) byTable.set(c.table_name, (byTable.get(c.table_name) ?? new Set()).add(c.column_name));
  for (const id of [caseId, ownerId]) expect(id).toMatch(/^[0-9a-f-]{36}$/);
  const filters: [string, string][] = [
    ["cases", `id = '${caseId}'`],
    ["users", `id = '${ownerId}'`],
    ["api_tokens", `user_id = '${ownerId}'`],
  ];
  for (const [table, cols] of byTable) {
    if (cols.has("case_id")) filters.push([table, `case_id = '${caseId}'`]);
    else {
      const col = [...cols].find((c) => PARENTS[c]);
      if (col) filters.push([table, `${col} IN (SELECT id FROM "${PARENTS[col]}" WHERE case_id = '${caseId}')`]);
    }
  }
  const out: Record<string, string> = {};
  for (const [table, where] of filters) {
    const [row] = await db.$queryRawUnsafe<{ digest: string; n: bigint }[]>(
      `SELECT md5(coalesce(string_agg(r, E'\\n' ORDER BY r), '')) AS digest, count(*) AS n FROM (SELECT (to_jsonb(t) - 'last_used_at' - 'last_seen_at')::text AS r FROM "${table}" t WHERE ${where}) x`,
    );
    out[table] = `${row.n}:${row.digest}`;
  }
  return out;
}

/** FUZZ_ONLY=<regex> fuzzes only the matching "METHOD /path" routes (to reproduce one failure). */
const only = process.env.FUZZ_ONLY ? new RegExp(process.env.FUZZ_ONLY) : null;
const operations = operationsFromDocument(buildOpenApiDocument()).filter(
  (op) => !op.path.startsWith("/api/auth/") && (!only || only.test(`${op.method.toUpperCase()} ${op.path}`)),
);
const withBody = operations.filter((op) => op.jsonBody);
const withQuery = operations.filter((op) => op.query.length > 0);
/** Reads of the probe case that must still answer 200 after a route was fuzzed (every GET that needs no query and no release). */
const reads = operationsFromDocument(buildOpenApiDocument()).filter(
  (op) => op.method === "get" && !op.path.startsWith("/api/auth/") && !op.params.includes("number") && !op.query.some((q) => q.required),
);

// Server-side stacks, by request id: jsonError logs every unexpected error before answering 500.
const logged = new Map<string, string>();
let memberId = "";
let other: { ids: Ids; ownerId: string; digest: Record<string, string> };
const statuses: Record<string, Record<number, number>> = {};
const timings: Record<string, number> = {};
const started = Date.now();

/**
 * A fresh workspace admin (so the admin routes get past authorization) with a Bearer token and a
 * probe case of their own, for one route: its state does not depend on the routes fuzzed before it
 * (FUZZ_ONLY reproduces a failure exactly), and no route works on cases others have multiplied.
 */
async function probe(label: string): Promise<{ token: string; ids: Ids }> {
  const user = await db.user.create({
    data: { email: `fuzz-${randomUUID()}@example.test`, name: "Fuzz admin", isAdmin: true, passwordHash: "!" },
  });
  const ctx = { actor: { id: user.id, email: user.email, name: user.name, isAdmin: true }, requestId: "fuzz" };
  const { token } = await createApiToken({ ctx, name: "fuzz" });
  const ids = await buildCase(token, `Fuzz ${label}`);
  // A member whose role the member routes may change ({userId}); a token the admin may revoke.
  await db.caseMember.create({ data: { caseId: ids.caseId, userId: memberId, role: "viewer" } });
  const spare = await createApiToken({ ctx, name: "spare" });
  return { token, ids: { ...ids, userId: memberId, tokenId: spare.apiToken.id } };
}

const connections = { http: vi.spyOn(http, "request"), https: vi.spyOn(https, "request") };

beforeAll(async () => {
  delete process.env.CAPTURE_ALLOW_HOSTS;
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    const id = typeof args[0] === "string" ? /^\[([0-9a-f-]{36})\]/.exec(args[0])?.[1] : undefined;
    const text = args.map((a) => (a instanceof Error ? a.stack : String(a))).join(" ");
    if (id) logged.set(id, text);
    else process.stderr.write(`${text}\n`);
  });
  memberId = (await makeUser({ name: "Fuzz member" })).actor.id;
  // The address the generators use for "an existing account" (members, invites).
  await db.user.create({ data: { email: "nobody@example.test", name: "Nobody", passwordHash: "!" } });
  // Another user's case: its ids are offered to the generators too, and it must come out unchanged.
  const owner = await makeUser({ name: "Other owner" });
  const otherIds = await buildCase((await createApiToken({ ctx: owner, name: "other" })).token, "Other case");
  other = { ids: otherIds, ownerId: owner.actor.id, digest: await caseDigest(otherIds.caseId, owner.actor.id) };
}, 120_000);

afterAll(() => {
  const total = Object.values(statuses).reduce((n, s) => n + Object.values(s).reduce((a, b) => a + b, 0), 0);
  const overall: Record<number, number> = {};
  for (const s of Object.values(statuses)) for (const [k, v] of Object.entries(s)) overall[Number(k)] = (overall[Number(k)] ?? 0) + v;
  console.log(
    `fuzz (in process): ${withBody.length} body routes + ${withQuery.length} query routes × ${RUNS} inputs = ${total} calls in ${Math.round((Date.now() - started) / 1000)} s (seed ${FUZZ_SEED}); statuses ${JSON.stringify(overall)}`,
  );
  if (process.env.FUZZ_VERBOSE)
    for (const [k, s] of Object.entries(statuses)) console.log(`  ${k}: ${JSON.stringify(s)} in ${timings[k]} ms`);
});

/** Sends every generated input to `op`; returns the 5xx answers with their inputs and stacks. */
async function fuzz(op: Operation, kind: "body" | "query"): Promise<string[]> {
  const key = `${op.method.toUpperCase()} ${op.path}${kind === "query" ? " ?query" : ""}`;
  const { token, ids } = await probe(key);
  const bodyIds = { ...ids, ...Object.fromEntries(Object.entries(other.ids).map(([k, v]) => [`other_${k}`, v])) };
  const params = Object.fromEntries(op.params.map((name) => [name, ids[name] ?? randomUUID()]));
  const generated = fc.sample(kind === "body" ? bodies(op, bodyIds) : queries(op, bodyIds), {
    numRuns: RUNS,
    seed: seedFor(op) + (kind === "query" ? 1 : 0),
  });
  // A closed query (?format=md|pdf|docx|stix) gets each documented value once, then only other values.
  const inputs = kind === "query" && isClosedQuery(op) ? [...closedQueryValues(op), ...generated] : generated;
  const counts: Record<number, number> = (statuses[key] = {});
  const failures: string[] = [];
  const t0 = Date.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < inputs.length) {
        const input = inputs[next++];
        const res = await call(op, params, kind === "body" ? { token, body: input } : { token, query: input });
        counts[res.status] = (counts[res.status] ?? 0) + 1;
        // 502/504 are the documented upstream failures of URL capture (unreachable here: every host is refused).
        if (res.status >= 500 && res.status !== 502 && res.status !== 504) {
          const stack = (res.requestId && logged.get(res.requestId)) || "(no server log)";
          failures.push(
            `${key} → ${res.status} (reproduce: FUZZ_ONLY='^${op.method.toUpperCase()} ${op.path}$' FUZZ_SEED=${FUZZ_SEED} FUZZ_RUNS=${RUNS}) for ${kind} ${JSON.stringify(input.slice(0, 300))}${input.length > 300 ? ` (${input.length} chars)` : ""}\n  answer: ${res.text.slice(0, 300)}\n  ${stack.split("\n").slice(0, 12).join("\n  ")}`,
          );
        }
      }
    }),
  );
  timings[key] = Date.now() - t0;
  // Whatever was accepted or refused, the probe case is still readable: no write left a record the
  // reads cannot serve (a 422 or 500 on every later read is worse than one refused request).
  for (const read of reads) {
    const res = await call(read, Object.fromEntries(read.params.map((name) => [name, ids[name]])), { token });
    if (res.status !== 200) failures.push(`${key}: afterwards GET ${read.path} → ${res.status}: ${res.text.slice(0, 300)}`);
  }
  return failures;
}

describe("every route with a JSON body answers generated bodies without a server error", () => {
  it.skipIf(only)("lists plenty of routes", () => expect(withBody.length).toBeGreaterThan(30));
  it.each(withBody.map((op) => [`${op.method.toUpperCase()} ${op.path}`, op] as const))(
    "%s",
    async (_name, op) => {
      const failures = await fuzz(op, "body");
      expect(failures.slice(0, 5), `${failures.length} server errors`).toEqual([]);
    },
    600_000,
  );
});

describe.skipIf(withQuery.length === 0)("every route with query parameters answers generated query strings without a server error", () => {
  it.each(withQuery.map((op) => [`${op.method.toUpperCase()} ${op.path}`, op] as const))(
    "%s",
    async (_name, op) => {
      const failures = await fuzz(op, "query");
      expect(failures.slice(0, 5), `${failures.length} server errors`).toEqual([]);
    },
    600_000,
  );
});

// What this fuzzer found, pinned so a change of seed or generator cannot lose them.
describe("server errors found by the fuzzer stay fixed", () => {
  it("a NUL character in a query parameter is a 422, not a database error", async () => {
    const { token, ids } = await probe("NUL in query");
    for (const [path, query] of [
      ["/api/search/quick", "q=%00"],
      ["/api/search", "q=a%00b"],
      ["/api/cases/{caseId}/audit", "action=%00"],
      ["/api/cases/{caseId}/claims", "q=ok&q=%00"],
    ] as const) {
      const res = await call({ method: "get", path }, { caseId: ids.caseId }, { token, query });
      expect(res.status, `${path}?${query}: ${res.text}`).toBe(422);
    }
  });

  it("a published date outside years 1–9999 is a 422 and stores nothing that breaks the document list", async () => {
    const { token, ids } = await probe("dates");
    for (const publishedAt of ["0000-01-01", "9999-12-31T23:59:59-14:00"]) {
      const res = await call(
        { method: "post", path: "/api/cases/{caseId}/documents" },
        { caseId: ids.caseId },
        { token, body: JSON.stringify({ title: "t", text: "x", publishedAt }) },
      );
      expect(res.status, `${publishedAt}: ${res.text}`).toBe(422);
      expect(JSON.parse(res.text).error.issues[0].path).toBe("publishedAt");
    }
    const ok = await call(
      { method: "post", path: "/api/cases/{caseId}/documents" },
      { caseId: ids.caseId },
      { token, body: JSON.stringify({ title: "t", text: "y", publishedAt: "0001-01-01" }) },
    );
    expect(ok.status, ok.text).toBe(201);
    const list = await call({ method: "get", path: "/api/cases/{caseId}/documents" }, { caseId: ids.caseId }, { token });
    expect(list.status, list.text).toBe(200);
  });
});

describe("afterwards", () => {
  it.skipIf(only)("URL captures got past validation, and none opened a connection", () => {
    expect(lookups.count).toBeGreaterThan(0);
    expect(connections.http).not.toHaveBeenCalled();
    expect(connections.https).not.toHaveBeenCalled();
  });

  it("still serves requests, and another user's case is unchanged", async () => {
    const { token } = await probe("afterwards");
    expect((await call({ method: "get", path: "/api/cases" }, {}, { token })).status).toBe(200);
    expect(await caseDigest(other.ids.caseId, other.ownerId)).toEqual(other.digest);
  });
});
