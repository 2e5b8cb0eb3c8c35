// npm run bench:nodes — two app nodes on one PostgreSQL, as docs/scaling.md describes them. Starts PostgreSQL once
// (the embedded server in its own data dir, .data/bench-nodes on port 55475, reset each run; or your own server when
// DATABASE_URL is set: use a scratch database, the run adds users, a case and claims), migrates, seeds the demo,
// builds the app when the sources changed, then starts two `next start` processes on two loopback ports with the same
// DATABASE_URL and NEXTAUTH_SECRET, and checks over plain HTTP, requests alternating between the nodes:
//   sessions (sign-in, sign-out, a disabled user), login throttling, presence, a stale save (409), 50 concurrent
//   writers on two nodes against the same load on one, and node A killed (SIGKILL) in the middle of the load.
// Every check prints PASS or FAIL; the exit code is non-zero on any FAIL. Results: bench/nodes-results.json.
//
//   BENCH_NODES_PORTS=3215,3216   the two nodes' ports
//   BENCH_NODES_CLAIMS=8          claims per writer in each load run (50 writers)
//   BENCH_NODES_TIMEOUT_S=900     the whole run after start-up (the build is not counted)
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, openSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import pg from "pg";
import { NEXT_BIN, ROOT, buildIfNeeded } from "./lib/build-app";
import { machine, summary } from "./lib/bench-harness";

process.env.APP_DATA_DIR ??= path.join(ROOT, ".data/bench-nodes");
process.env.EMBEDDED_PG_PORT ??= "55475";

const [PORT_A, PORT_B] = (process.env.BENCH_NODES_PORTS ?? "3215,3216").split(",").map(Number);
if (!(PORT_A > 0 && PORT_B > 0 && PORT_A !== PORT_B)) {
  console.error("bench:nodes: BENCH_NODES_PORTS must be two different ports, e.g. 3215,3216");
  process.exit(2);
}
const WRITERS = 50;
const CLAIMS_PER_WRITER = Number(process.env.BENCH_NODES_CLAIMS ?? 8);
const TIMEOUT_MS = Number(process.env.BENCH_NODES_TIMEOUT_S ?? 900) * 1000;
const REQUEST_TIMEOUT_MS = 60_000;
const RESULTS = path.join(ROOT, "bench/nodes-results.json");
const ANALYST = { email: "analyst@example.com", password: "albania-analyst-2022" };
const REVIEWER = { email: "reviewer@example.com", password: "albania-reviewer-2022" };
const ADMIN = { email: "admin@example.com", password: "workspace-admin-2026" };

const log = (m: string) => console.log(`bench:nodes: ${m}`);
const round = (n: number) => Math.round(n * 10) / 10;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Node = { name: "A" | "B"; port: number; base: string; child: ChildProcess; exited: boolean; logFile: string };
type Check = { name: string; pass: boolean; detail: string };

const checks: Check[] = [];
function check(name: string, pass: boolean, detail: string) {
  checks.push({ name, pass, detail });
  console.log(`${pass ? "PASS" : "FAIL"}  ${name} — ${detail}`);
}

// ---------------------------------------------------------------- processes

const nodes: Node[] = [];
let stopDatabase: (() => Promise<void>) | null = null;

function killNode(node: Node, signal: NodeJS.Signals) {
  if (node.exited) return;
  try {
    process.kill(-node.child.pid!, signal); // its own process group: next and anything it started
  } catch {
    /* already gone */
  }
}

async function stopAll() {
  for (const n of nodes) killNode(n, "SIGTERM");
  const until = Date.now() + 10_000;
  while (nodes.some((n) => !n.exited) && Date.now() < until) await sleep(100);
  for (const n of nodes) killNode(n, "SIGKILL");
  const stop = stopDatabase;
  stopDatabase = null;
  if (stop) await stop().catch(() => {});
}
// Last resort (an uncaught error, process.exit): never leave a node behind.
process.on("exit", () => nodes.forEach((n) => killNode(n, "SIGKILL")));
for (const sig of ["SIGINT", "SIGTERM"] as const) {
  process.on(sig, () => {
    log(`${sig}: stopping the nodes and the database`);
    void stopAll().finally(() => process.exit(130));
  });
}

function startNode(name: "A" | "B", port: number, env: Record<string, string>): Node {
  const dir = process.env.APP_DATA_DIR!;
  const logFile = path.join(dir, `node-${name.toLowerCase()}.log`);
  const out = openSync(logFile, "w");
  // As scripts/start.ts starts it: the TRACE/TRACK preload and a keep-alive longer than a load balancer's.
  const preload = ["--import", pathToFileURL(path.join(ROOT, "scripts/lib/refuse-unsupported-methods.mjs")).href];
  const args = ["start", "-p", String(port), "-H", "127.0.0.1", "--keepAliveTimeout", "65000"];
  const child = spawn(process.execPath, [...preload, NEXT_BIN, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ["ignore", out, out],
    detached: true,
  });
  const node: Node = { name, port, base: `http://127.0.0.1:${port}`, child, exited: false, logFile };
  child.on("exit", () => (node.exited = true));
  nodes.push(node);
  return node;
}

async function waitUp(node: Node, ms: number) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (node.exited) throw new Error(`node ${node.name} exited during start-up (see ${path.relative(ROOT, node.logFile)})`);
    try {
      if ((await fetch(`${node.base}/login`, { signal: AbortSignal.timeout(10_000) })).ok) return;
    } catch {
      /* not up yet */
    }
    await sleep(500);
  }
  throw new Error(`node ${node.name} did not answer within ${ms / 1000} s`);
}

// ---------------------------------------------------------------- HTTP, cookies by hand

type Jar = Map<string, string>;
const cookieHeader = (jar: Jar) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
function keep(jar: Jar, res: Response) {
  for (const c of res.headers.getSetCookie()) {
    const [pair, ...attrs] = c.split(";");
    const i = pair.indexOf("=");
    const [k, v] = [pair.slice(0, i).trim(), pair.slice(i + 1).trim()];
    const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=Thu, 01 Jan 1970/i.test(a));
    if (expired || v === "") jar.delete(k);
    else jar.set(k, v);
  }
}

/** One request to one node; mutating methods carry that node's Origin (lib/http/same-origin.ts). */
async function call(
  node: Node,
  jar: Jar | null,
  url: string,
  init: { method?: string; json?: unknown; form?: Record<string, string> } = {},
) {
  const method = init.method ?? "GET";
  const headers: Record<string, string> = {};
  if (jar) headers.cookie = cookieHeader(jar);
  if (method !== "GET") headers.origin = node.base;
  let body: string | undefined;
  if (init.json !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(init.json);
  } else if (init.form) {
    headers["content-type"] = "application/x-www-form-urlencoded";
    body = new URLSearchParams(init.form).toString();
  }
  const res = await fetch(node.base + url, { method, headers, body, redirect: "manual", signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  if (jar) keep(jar, res);
  const text = await res.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = text.slice(0, 300);
  }
  return { status: res.status, data: data as Record<string, unknown> & { [k: string]: any } }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** next-auth's credentials sign-in (as tests/e2e/fixtures.ts signIn): CSRF token, then the callback. */
async function signIn(node: Node, who: { email: string; password: string }) {
  const jar: Jar = new Map();
  const { data } = await call(node, jar, "/api/auth/csrf");
  const res = await call(node, jar, "/api/auth/callback/credentials", {
    method: "POST",
    form: { email: who.email, password: who.password, csrfToken: String(data.csrfToken), json: "true" },
  });
  return { jar, status: res.status, url: typeof res.data?.url === "string" ? res.data.url : null };
}
const sessionCookie = (jar: Jar) => [...jar.keys()].some((k) => k.endsWith("casefile.session"));

async function signOut(node: Node, jar: Jar) {
  const { data } = await call(node, jar, "/api/auth/csrf");
  return call(node, jar, "/api/auth/signout", { method: "POST", form: { csrfToken: String(data.csrfToken), json: "true" } });
}

// ---------------------------------------------------------------- the load

type LoadResult = {
  nodes: string;
  writers: number;
  requests: number;
  created: number;
  errors: number;
  errorSamples: string[];
  seconds: number;
  claimsPerSecond: number;
  latencyMs: ReturnType<typeof summary>;
  perNode: Record<string, { created: number; errors: number }>;
  ids: string[];
};

/**
 * WRITERS concurrent writers, each creating `perWriter` claims one after another (closed loop); writer w sends its
 * r-th request to targets[(w + r) % targets.length]. `onAck` sees each acknowledged claim; `route` may redirect a
 * request (the kill test: a load balancer stops sending to a dead node).
 */
async function runLoad({
  targets,
  jars,
  caseId,
  body,
  perWriter,
  route = (n) => n,
  onAck,
}: {
  targets: Node[];
  jars: Jar[];
  caseId: string;
  body: (w: number, r: number) => unknown;
  perWriter: number;
  route?: (n: Node) => Node;
  onAck?: (count: number) => void;
}): Promise<LoadResult> {
  const ids: string[] = [];
  const ms: number[] = [];
  const errorSamples: string[] = [];
  const perNode: Record<string, { created: number; errors: number }> = {};
  let errors = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: WRITERS }, async (_, w) => {
      for (let r = 0; r < perWriter; r++) {
        const node = route(targets[(w + r) % targets.length]);
        const stats = (perNode[node.name] ??= { created: 0, errors: 0 });
        const t = performance.now();
        try {
          const res = await call(node, jars[w % jars.length], `/api/cases/${caseId}/claims`, { method: "POST", json: body(w, r) });
          if (res.status === 201) {
            ids.push(String(res.data.claim.id));
            ms.push(performance.now() - t);
            stats.created++;
            onAck?.(ids.length);
            continue;
          }
          throw new Error(`${res.status} ${JSON.stringify(res.data).slice(0, 200)}`);
        } catch (err) {
          errors++;
          stats.errors++;
          if (errorSamples.length < 5) errorSamples.push(`node ${node.name}: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  return {
    nodes: targets.map((n) => n.name).join("+"),
    writers: WRITERS,
    requests: WRITERS * perWriter,
    created: ids.length,
    errors,
    errorSamples,
    seconds: round(seconds),
    claimsPerSecond: round(ids.length / seconds),
    latencyMs: summary(ms),
    perNode,
    ids,
  };
}

// ---------------------------------------------------------------- main

const results: Record<string, unknown> = {};
const started = { at: Date.now(), load: os.loadavg().map(round), external: Boolean(process.env.DATABASE_URL) };

async function main() {
  const external = started.external;
  const { resolveDatabase } = await import("./lib/resolve-database");
  const { migrate } = await import("./lib/migrator");
  // Our own embedded server is reset; someone else's database never is.
  const database = await resolveDatabase({ reset: !external, log });
  stopDatabase = database.stop;
  await migrate({ databaseUrl: database.migrationUrl, log: () => {} });
  process.env.DATABASE_URL = database.url;
  const { seedDemo } = await import("./lib/demo-seed");
  await seedDemo({ log });
  buildIfNeeded({ log, label: "bench:nodes" });

  // The same environment for both nodes, as a load balancer's pool would have it: one DATABASE_URL (the documented
  // path, not the embedded shortcut), one NEXTAUTH_SECRET, one public NEXTAUTH_URL.
  const secret = process.env.NEXTAUTH_SECRET || randomBytes(32).toString("base64url");
  const env = {
    DATABASE_URL: database.url,
    NEXTAUTH_SECRET: secret,
    NEXTAUTH_URL: process.env.NEXTAUTH_URL || `http://127.0.0.1:${PORT_A}`,
  };
  const A = startNode("A", PORT_A, env);
  const B = startNode("B", PORT_B, env);
  await Promise.all([waitUp(A, 180_000), waitUp(B, 180_000)]);
  // A node that lost the race for its port exits just after the other answered: make sure both are still there.
  await sleep(1000);
  for (const n of [A, B]) if (n.exited) throw new Error(`node ${n.name} exited during start-up (see ${path.relative(ROOT, n.logFile)})`);
  log(
    `nodes up: A ${A.base} (pid ${A.child.pid}), B ${B.base} (pid ${B.child.pid}); logs in ${path.relative(ROOT, process.env.APP_DATA_DIR!)}`,
  );
  const deadline = setTimeout(() => {
    check("run finished in time", false, `still running after ${TIMEOUT_MS / 1000} s`);
    void finish(1);
  }, TIMEOUT_MS);
  deadline.unref();

  const pool = new pg.Pool({ connectionString: database.url, max: 2 });
  const { hashPassword } = await import("@/lib/auth/passwords");
  const { db } = await import("@/lib/db");
  const run = randomBytes(4).toString("hex");
  /** A throwaway account for the destructive checks (so a shared database keeps its demo users working). */
  const throwaway = async (label: string) => {
    const email = `bench-nodes-${run}-${label}@example.com`;
    const password = `bench-${randomBytes(9).toString("base64url")}`;
    const user = await db.user.create({ data: { email, name: `Bench ${label}`, passwordHash: await hashPassword(password) } });
    return { id: user.id, email, password };
  };

  // 1. A session signed in on A works on B.
  const analystA = await signIn(A, ANALYST);
  const casesOnB = await call(B, analystA.jar, "/api/cases");
  const albania = (casesOnB.data?.cases as { id: string; title: string }[] | undefined)?.find(
    (c) => c.title === "2022 Albania government cyberattacks",
  );
  check(
    "session from A works on B",
    sessionCookie(analystA.jar) && casesOnB.status === 200 && Boolean(albania),
    `sign-in on A ${analystA.status}, GET /api/cases on B ${casesOnB.status}`,
  );
  if (!albania) throw new Error("cannot go on without a session (see the node logs)");

  // 2. Sign-out on A is refused on B at once (the session row is revoked, the JWT is still validly signed).
  const outA = await signIn(A, ANALYST);
  const before = await call(B, outA.jar, "/api/cases");
  const stolen = new Map(outA.jar); // the cookie as it was before sign-out, as a copied cookie would be
  const out = await signOut(A, outA.jar);
  const afterOnB = await call(B, stolen, "/api/cases");
  const sessionOnB = await call(B, stolen, "/api/auth/session");
  check(
    "sign-out on A refused on B at once",
    before.status === 200 && afterOnB.status === 401 && JSON.stringify(sessionOnB.data) === "{}",
    `B before ${before.status}; sign-out on A ${out.status}; B right after: /api/cases ${afterOnB.status}, /api/auth/session ${JSON.stringify(sessionOnB.data)}`,
  );

  // 3. A user disabled by an admin on A is refused on B at once.
  const doomed = await throwaway("disabled");
  const doomedB = await signIn(B, doomed);
  const doomedBefore = await call(B, doomedB.jar, "/api/cases");
  const adminA = await signIn(A, ADMIN);
  const disabled = await call(A, adminA.jar, `/api/admin/users/${doomed.id}/disable`, { method: "POST" });
  const doomedAfter = await call(B, doomedB.jar, "/api/cases");
  const doomedAgain = await signIn(B, doomed);
  check(
    "user disabled on A refused on B at once",
    doomedBefore.status === 200 && disabled.status === 200 && doomedAfter.status === 401 && !sessionCookie(doomedAgain.jar),
    `B before ${doomedBefore.status}; disable on A ${disabled.status}; B right after ${doomedAfter.status}; new sign-in on B ${sessionCookie(doomedAgain.jar) ? "accepted" : "refused"}`,
  );

  // 4. Login throttling counts the failures of both nodes (lib/auth/login-throttle.ts keeps them in PostgreSQL).
  // After 10 free failures each further one makes the account wait 1, 2, 4, 8, 16 s; a failure during a wait is
  // refused before it is counted, so the loop waits out each lock (read from the table) before the next attempt.
  const target = await throwaway("throttled");
  const FAILURES = 15;
  const viaNode: Record<string, number> = { A: 0, B: 0 };
  const throttleRow = async () =>
    (
      await pool.query<{ failures: number; locked_until: Date | null }>(
        "SELECT failures, locked_until FROM login_throttles WHERE key = $1",
        [`acct:${target.email}`],
      )
    ).rows[0];
  for (let i = 0; i < FAILURES; i++) {
    const row = await throttleRow();
    if (row?.locked_until) await sleep(Math.max(0, row.locked_until.getTime() - Date.now()) + 100);
    const node = i % 2 === 0 ? A : B;
    await signIn(node, { email: target.email, password: "wrong password" });
    viaNode[node.name]++;
  }
  const row = await throttleRow();
  // B saw only 7 failures, fewer than the 10 free ones: refused only if it counts A's too.
  const rightOnB = await signIn(B, target);
  check(
    "login throttling counts failures across both nodes",
    row?.failures === FAILURES && !sessionCookie(rightOnB.jar) && Boolean(rightOnB.url?.includes("Too")),
    `${viaNode.A} failures via A + ${viaNode.B} via B → counter ${row?.failures}; the right password on B then: ${sessionCookie(rightOnB.jar) ? "signed in" : `refused (${decodeURIComponent((rightOnB.url ?? String(rightOnB.status)).replace(/\+/g, " ")).replace(/^.*error=/, "")})`}`,
  );
  results.throttle = { failuresViaA: viaNode.A, failuresViaB: viaNode.B, counter: row?.failures ?? null };

  // 5. Presence: the analyst has the case open on A; the reviewer, on B, sees them.
  const reviewerB = await signIn(B, REVIEWER);
  const here = await call(A, analystA.jar, `/api/cases/${albania.id}/presence`, { method: "POST" });
  const seen = await call(B, reviewerB.jar, `/api/cases/${albania.id}/presence`, { method: "POST" });
  const viewers = (seen.data?.viewers as { name: string }[] | undefined) ?? [];
  check(
    "presence on A shown on B",
    here.status === 200 && seen.status === 200 && viewers.some((v) => v.name === "Ana Analyst"),
    `analyst's heartbeat on A ${here.status}; reviewer on B sees [${viewers.map((v) => v.name).join(", ")}]`,
  );
  await call(A, analystA.jar, `/api/cases/${albania.id}/presence`, { method: "DELETE" });

  // The writers' case: its own case and pasted document, made through the API on A.
  const made = await call(A, analystA.jar, "/api/cases", { method: "POST", json: { title: `Benchmark: two app nodes (${run})` } });
  const caseId = String(made.data?.case?.id);
  const lines = Array.from({ length: 200 }, (_, i) => `Line ${i + 1}: the bench observed event number ${i + 1} on the wire.`);
  const text = lines.join("\n");
  const doc = await call(B, analystA.jar, `/api/cases/${caseId}/documents`, {
    method: "POST",
    json: { title: "Bench wire log", text },
  });
  if (made.status !== 201 || doc.status !== 201) throw new Error(`setup failed: case ${made.status}, document ${doc.status}`);
  const documentId = String(doc.data.document.id);
  const claimBody = (w: number, r: number, tag = "") => {
    const exact = lines[(w * 7 + r) % lines.length];
    const start = text.indexOf(exact);
    return {
      statement: `Bench${tag} claim by writer ${w}, #${r + 1}`,
      claimant: `Writer ${w}`,
      kind: "fact",
      credibility: (r % 6) + 1,
      excerpts: [{ documentId, start, end: start + exact.length, exact }],
    };
  };

  // 6. A stale save: saved on A, then the same version saved on B → 409.
  const claim = await call(A, analystA.jar, `/api/cases/${caseId}/claims`, { method: "POST", json: claimBody(0, 0, " stale-save") });
  const version = Number(claim.data?.claim?.version);
  const claimId = String(claim.data?.claim?.id);
  const saveA = await call(A, analystA.jar, `/api/cases/${caseId}/claims/${claimId}`, {
    method: "PATCH",
    json: { version, statement: "Edited on node A" },
  });
  const saveB = await call(B, analystA.jar, `/api/cases/${caseId}/claims/${claimId}`, {
    method: "PATCH",
    json: { version, statement: "Edited on node B from the same version" },
  });
  const kept = await call(B, analystA.jar, `/api/cases/${caseId}/claims/${claimId}`);
  check(
    "stale save on B after a save on A is a 409",
    saveA.status === 200 && saveB.status === 409 && kept.data?.claim?.statement === "Edited on node A",
    `save on A (version ${version}) ${saveA.status}; same version on B ${saveB.status}; statement kept: "${kept.data?.claim?.statement}"`,
  );

  // 7. 50 concurrent writers: one node, then both (same load, same sessions), each checked for lost writes.
  // A few sessions, signed in on both nodes: each works on either.
  const jars = [analystA.jar, (await signIn(B, ANALYST)).jar, (await signIn(A, ANALYST)).jar, (await signIn(B, ANALYST)).jar];
  const countIn = async (ids: string[]) =>
    Number((await pool.query("SELECT count(*)::int AS n FROM claims WHERE id = ANY($1::uuid[])", [ids])).rows[0].n);
  const countCase = async () => Number((await pool.query("SELECT count(*)::int AS n FROM claims WHERE case_id = $1", [caseId])).rows[0].n);
  // Warm both nodes' routes first (the first request to a route compiles and caches it).
  await runLoad({ targets: [A, B], jars, caseId, body: (w, r) => claimBody(w, r, " warm-up"), perWriter: 1 });
  const loads: LoadResult[] = [];
  for (const targets of [[A], [A, B], [B], [A, B]]) {
    const n0 = await countCase();
    const load = await runLoad({
      targets,
      jars,
      caseId,
      body: (w, r) => claimBody(w, r, ` load-${targets.length}`),
      perWriter: CLAIMS_PER_WRITER,
    });
    const present = await countIn(load.ids);
    const lost = load.created - present + (n0 + load.created - (await countCase()));
    log(
      `load on ${load.nodes}: ${load.created}/${load.requests} created in ${load.seconds} s (${load.claimsPerSecond}/s, p95 ${load.latencyMs.p95} ms), ${load.errors} errors, ${lost} lost`,
    );
    loads.push({ ...load, lost } as LoadResult & { lost: number });
  }
  const one = loads.filter((l) => l.nodes.length === 1);
  const two = loads.filter((l) => l.nodes.length > 1);
  const rate = (ls: LoadResult[]) => round(ls.reduce((a, l) => a + l.created, 0) / ls.reduce((a, l) => a + l.seconds, 0));
  const ratio = Math.round((rate(two) / rate(one)) * 100) / 100;
  const lostTotal = loads.reduce((a, l) => a + (l as LoadResult & { lost: number }).lost, 0);
  check(
    "50 concurrent writers over both nodes: 0 lost, 0 errors",
    !A.exited &&
      !B.exited &&
      two.every((l) => l.errors === 0 && (l as LoadResult & { lost: number }).lost === 0 && l.created === l.requests) &&
      lostTotal === 0,
    `two nodes: ${two.map((l) => `${l.created}/${l.requests} created (A ${l.perNode.A?.created ?? 0}, B ${l.perNode.B?.created ?? 0}), ${l.errors} errors`).join("; ")}; ${lostTotal} lost over all runs`,
  );
  check(
    "same load on one node: 0 lost, 0 errors (the baseline)",
    one.every((l) => l.errors === 0 && l.created === l.requests),
    one.map((l) => `node ${l.nodes}: ${l.created}/${l.requests}, ${l.errors} errors`).join("; "),
  );
  log(`throughput: one node ${rate(one)} claims/s, two nodes ${rate(two)} claims/s, ratio ${ratio} (${os.cpus().length} cores)`);
  results.load = {
    writers: WRITERS,
    claimsPerWriter: CLAIMS_PER_WRITER,
    runs: loads.map(({ ids: _ids, ...l }) => l),
    oneNodeClaimsPerSecond: rate(one),
    twoNodesClaimsPerSecond: rate(two),
    ratio,
  };

  // 8. Node A killed (SIGKILL) mid-load: no acknowledged write is lost, B keeps serving. Writers alternate between
  // the nodes; once A is gone they send to B, as a load balancer's health check would (the requests in flight to A
  // fail, unacknowledged: the client never heard a 201 for them).
  let killedAt: number | null = null;
  const killAfter = Math.floor((WRITERS * CLAIMS_PER_WRITER) / 3);
  const n0 = await countCase();
  const kill = await runLoad({
    targets: [A, B],
    jars,
    caseId,
    body: (w, r) => claimBody(w, r, " kill"),
    perWriter: CLAIMS_PER_WRITER,
    route: (n) => (n === A && A.exited ? B : n),
    onAck: (count) => {
      if (killedAt === null && count >= killAfter) {
        killedAt = count;
        killNode(A, "SIGKILL");
        log(`SIGKILL to node A after ${count} acknowledged claims`);
      }
    },
  });
  await sleep(500);
  const present = await countIn(kill.ids);
  const nAfter = await countCase();
  const bServes = await call(B, analystA.jar, `/api/cases/${caseId}/claims?page=1`);
  const aDown = await fetch(`${A.base}/login`, { signal: AbortSignal.timeout(5000) }).then(
    () => false,
    () => true,
  );
  check(
    "node A killed mid-load: every acknowledged write kept",
    killedAt !== null && aDown && present === kill.ids.length,
    `killed after ${killedAt} acks; ${kill.ids.length} acknowledged, ${present} of them in the database (${nAfter - n0} new rows: ${nAfter - n0 - kill.ids.length} committed but never acknowledged); ${kill.errors} requests failed, all to A: ${kill.perNode.B?.errors === 0}`,
  );
  check(
    "node B keeps serving after A is killed",
    (kill.perNode.B?.errors ?? 0) === 0 && bServes.status === 200 && (kill.perNode.B?.created ?? 0) > 0,
    `B: ${kill.perNode.B?.created ?? 0} claims created during the run, ${kill.perNode.B?.errors ?? 0} errors; a read on B afterwards ${bServes.status}`,
  );
  const { ids: _killIds, ...killSummary } = kill;
  results.kill = {
    killedAfterAcks: killedAt,
    acknowledged: kill.ids.length,
    acknowledgedInDatabase: present,
    newRows: nAfter - n0,
    ...killSummary,
  };

  await pool.end();
  await db.$disconnect();
  clearTimeout(deadline);
  await finish(checks.every((c) => c.pass) ? 0 : 1);
}

function writeResults() {
  mkdirSync(path.dirname(RESULTS), { recursive: true });
  const out = {
    generatedAt: new Date().toISOString(),
    machine: { ...machine(), loadAverageAtStart: started.load, loadAverageAtEnd: os.loadavg().map(round) },
    database: started.external ? "DATABASE_URL (external)" : `embedded PostgreSQL on 127.0.0.1:${process.env.EMBEDDED_PG_PORT}`,
    nodes: { A: `127.0.0.1:${PORT_A}`, B: `127.0.0.1:${PORT_B}` },
    seconds: Math.round((Date.now() - started.at) / 1000),
    passed: checks.every((c) => c.pass),
    checks,
    ...results,
  };
  writeFileSync(RESULTS, JSON.stringify(out, null, 2) + "\n");
  log(`results in ${path.relative(ROOT, RESULTS)}`);
}

let finishing = false;
async function finish(code: number) {
  if (finishing) return;
  finishing = true;
  if (checks.length) writeResults(); // also after a failure: what ran is reported
  await stopAll();
  const failed = checks.filter((c) => !c.pass).length;
  log(`${checks.length - failed} passed, ${failed} failed`);
  process.exit(code);
}

main().catch(async (err) => {
  console.error(`bench:nodes: ${err instanceof Error ? (err.stack ?? err.message) : err}`);
  check("run completed", false, err instanceof Error ? err.message : String(err));
  await finish(1);
});
