// Claim creation under load, for scripts/bench/run.ts (scenario group "writes", BENCH_ONLY=writes):
//
//   claimCreateSequential   one user, one request at a time: the service time without queueing.
//   claimCreateOpenLoop     50 virtual users, each creating a claim on average every 2 s (Poisson arrivals:
//                           exponential gaps from a seeded generator, 25 requests/s together), for
//                           BENCH_OPEN_LOOP_S seconds (default 120). Each request is sent at its scheduled
//                           time whether or not earlier ones have answered, and its latency is counted from
//                           that scheduled time, so a stalled server or load generator shows up in the
//                           figures instead of thinning the load (no coordinated omission).
//   claimCreate             closed loop: 50 requests always in flight (each writer POSTs again as soon as its
//                           answer arrives): the saturation throughput, with the server's CPU per request.
//   claimCreateTwoNodes     the same closed loop spread over two `next start` processes on one PostgreSQL
//                           (the first node and a second one started here), writers alternating between them.
//
// CPU per request is read from /proc/<pid>/stat (utime + stime) of the `next start` process (and, apart, of
// the PostgreSQL processes) before and after each run; nothing is added to the app. Lost writes = claims
// acknowledged with a 201 that are not in the database afterwards, plus any change in the claim count of the
// writers' cases that the 201s do not explain.
//
//   BENCH_OPEN_LOOP_S=120   open-loop duration in seconds (e.g. 20 for a quick development run)
//   BENCH_WRITES_NODES=0    skip the two-node run
//   BENCH_WRITES_NODE2_PORT the second node's port (default BENCH_PORT + 1)
//   BENCH_CPU_PROF=1        one more closed-loop run against a second node alone under `node --cpu-prof`; its
//                           profile (self time by category, top functions) goes to bench/profile-claim-create.txt
import { spawn } from "node:child_process";
import { mkdirSync, openSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type pg from "pg";
import { NEXT_BIN, ROOT } from "../lib/build-app";
import { APP_ROLE, urlAs } from "../lib/db-roles";
import { docIndex, memberships, rngFor, type CorpusConfig } from "./corpus";
import type { corpusIds } from "./generate";
import { Http, histogram, stats, type Sample, type Stats } from "./http";

const VIRTUAL_USERS = 50;
const CLAIMS_PER_USER = 20;
const OPEN_LOOP_MEAN_GAP_S = 2;
const QUOTE_ROTATION = 2 * CLAIMS_PER_USER;

export const WRITE_TARGETS = { claimCreateP95Ms: 250, openLoopP95Ms: 100, saturationPerSecond: 250 };

type Log = (m: string) => void;
type Writer = { v: number; u: number; c: number };
type Target = { target: string; value: number; limit: number; scenario: string; atLeast?: boolean };
export type WriteScenario = Stats & {
  requests?: number;
  created?: number;
  lost?: number;
  concurrency?: number;
  throughputPerSecond?: number;
  cpu?: CpuPerRequest;
  [k: string]: unknown;
};

// ---------------------------------------------------------------- CPU time from /proc

const CLK_TCK = 100; // `getconf CLK_TCK` on Linux
type Proc = { pid: number; ppid: number; comm: string; cpuMs: number };

function readProcs(): Proc[] {
  const out: Proc[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const s = readFileSync(`/proc/${name}/stat`, "utf8");
      const close = s.lastIndexOf(")");
      const f = s.slice(close + 2).split(" "); // f[0] is field 3 (state)
      out.push({
        pid: Number(name),
        ppid: Number(f[1]),
        comm: s.slice(s.indexOf("(") + 1, close),
        // utime + stime, plus cutime + cstime: the time of children it has reaped (PostgreSQL backends that
        // closed during the run are counted at the postmaster), so the sum over a tree never goes down.
        cpuMs: ((Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) * 1000) / CLK_TCK,
      });
    } catch {
      /* gone meanwhile */
    }
  }
  return out;
}

function descendants(root: number, procs: Proc[]) {
  const out = new Set([root]);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of procs)
      if (!out.has(p.pid) && out.has(p.ppid)) {
        out.add(p.pid);
        grew = true;
      }
  }
  return procs.filter((p) => out.has(p.pid));
}

/** CPU time (ms) of the Node processes and of the PostgreSQL processes under each root, and of this process. */
function cpuSnapshot(roots: number[]) {
  const procs = readProcs();
  const tree = roots.flatMap((r) => descendants(r, procs));
  const sum = (xs: Proc[]) => xs.reduce((a, p) => a + p.cpuMs, 0);
  const own = process.cpuUsage();
  return {
    node: sum(tree.filter((p) => p.comm !== "postgres")),
    postgres: sum(tree.filter((p) => p.comm === "postgres")),
    loadGenerator: (own.user + own.system) / 1000,
  };
}
type CpuPerRequest = { nodeMs: number; postgresMs: number; loadGeneratorMs: number; nodeCoreShare: number };

function cpuPerRequest(a: ReturnType<typeof cpuSnapshot>, b: ReturnType<typeof cpuSnapshot>, requests: number, seconds: number) {
  const r2 = (x: number) => Math.round(x * 100) / 100;
  return {
    nodeMs: r2((b.node - a.node) / requests),
    postgresMs: r2((b.postgres - a.postgres) / requests),
    loadGeneratorMs: r2((b.loadGenerator - a.loadGenerator) / requests),
    /** Cores the Node server(s) kept busy on average (1 = one core at 100 %). */
    nodeCoreShare: r2((b.node - a.node) / 1000 / seconds),
  };
}

// ---------------------------------------------------------------- a second `next start`

function startSecondNode({
  port,
  dataDir,
  databaseUrl,
  cpuProfDir,
}: {
  port: number;
  dataDir: string;
  databaseUrl: string;
  cpuProfDir?: string;
}) {
  const logFile = path.join(dataDir, "server-node2.log");
  const out = openSync(logFile, "w");
  // As scripts/start.ts starts Next (the TRACE/TRACK preload, a long keep-alive); the same database (as the
  // app role), secret and build as the first node.
  const preload = ["--import", pathToFileURL(path.join(ROOT, "scripts/lib/refuse-unsupported-methods.mjs")).href];
  const prof = cpuProfDir ? ["--cpu-prof", `--cpu-prof-dir=${cpuProfDir}`] : [];
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(
    process.execPath,
    [...prof, ...preload, NEXT_BIN, "start", "-p", String(port), "-H", "127.0.0.1", "--keepAliveTimeout", "65000"],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: String(port),
        APP_DATA_DIR: dataDir,
        DATABASE_URL: urlAs(databaseUrl, APP_ROLE, readFileSync(path.join(dataDir, "postgres/app-password"), "utf8").trim()),
        NEXTAUTH_SECRET: readFileSync(path.join(dataDir, "nextauth-secret"), "utf8").trim(),
        NEXTAUTH_URL: base,
        PRISMA_QUERY_COUNT: "1",
      },
      stdio: ["ignore", out, out],
    },
  );
  const state = { exited: false };
  child.on("exit", () => (state.exited = true));
  const stop = async () => {
    if (state.exited) return;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGTERM"); // Next exits on SIGTERM, which lets --cpu-prof write its profile
    await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
    if (!state.exited) child.kill("SIGKILL");
  };
  return { base, pid: child.pid!, state, stop, logFile };
}

async function waitUp(url: string, state: { exited: boolean }, ms: number) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (state.exited) throw new Error(`the second node exited during start-up`);
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(10_000) })).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${url} did not answer within ${ms / 1000} s`);
}

// ---------------------------------------------------------------- CPU profile summary

type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

function where(url: string) {
  if (!url) return "";
  const u = url.replace(/^file:\/\//, "");
  const nm = u.lastIndexOf("node_modules/");
  if (nm >= 0) return u.slice(nm + "node_modules/".length);
  return path.relative(ROOT, u) || u;
}

function category(fn: string, url: string) {
  if (fn === "(garbage collector)") return "garbage collection";
  if (fn === "(program)") return "V8/native (program)";
  if (!url) return "native/builtins";
  if (url.startsWith("node:")) return "Node core (node:*)";
  if (/@prisma|generated\/prisma|query_compiler|query_engine/.test(url)) return "Prisma";
  if (/node_modules\/(pg|pg-protocol|pg-pool)\//.test(url)) return "pg driver";
  if (/node_modules\/next\//.test(url)) return "Next.js (node_modules/next)";
  if (/node_modules\/(jose|next-auth|@panva|openid-client)\//.test(url)) return "next-auth/jose";
  if (/node_modules\/zod\//.test(url)) return "zod";
  if (/node_modules\//.test(url)) return "other packages";
  if (/\/\.next[^/]*\/server\//.test(url)) return "app bundle (our routes + bundled packages)";
  return "other";
}

/** Self time per function and per category, idle excluded; one request = one 201 answered by this node. */
export function summariseProfile(file: string, requests: number) {
  const p = JSON.parse(readFileSync(file, "utf8")) as Profile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
  const fns = new Map<string, number>();
  const cats = new Map<string, number>();
  let busy = 0;
  for (const [id, us] of self) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    if (functionName === "(idle)") continue;
    busy += us;
    const key = `${functionName || "(anonymous)"}  ${where(url)}${url ? `:${lineNumber + 1}` : ""}`;
    fns.set(key, (fns.get(key) ?? 0) + us);
    const cat = category(functionName, url);
    cats.set(cat, (cats.get(cat) ?? 0) + us);
  }
  const row = (us: number) => ({ ms: Math.round(us / 100) / 10, share: Math.round((us / busy) * 1000) / 10 });
  return {
    busyMs: Math.round(busy / 1000),
    requests,
    busyMsPerRequest: Math.round((busy / 1000 / Math.max(1, requests)) * 100) / 100,
    categories: [...cats].sort((a, b) => b[1] - a[1]).map(([name, us]) => ({ name, ...row(us) })),
    top: [...fns]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 30)
      .map(([fn, us]) => ({ fn, ...row(us) })),
  };
}

// ---------------------------------------------------------------- the scenarios

export async function benchWrites({
  cfg,
  ids,
  seed,
  base,
  port,
  cookies,
  pool,
  dataDir,
  databaseUrl,
  serverPid,
  log,
}: {
  cfg: CorpusConfig;
  ids: ReturnType<typeof corpusIds>;
  seed: number;
  base: string;
  port: number;
  cookies: string[];
  pool: pg.Pool;
  dataDir: string;
  databaseUrl: string;
  serverPid: number;
  log: Log;
}) {
  // 50 virtual users over the corpus's sessions: virtual user v writes as user v mod users, to a case that
  // user owns. At full size (50 users) every writer has its own user and its own case, as analysts would;
  // the small corpus (5 users, 10 cases) shares each case among 5 writers.
  const owned = (u: number) =>
    memberships(cfg)
      .filter((m) => m.userIndex === u && m.role === "owner")
      .map((m) => m.caseIndex);
  const writers: Writer[] = Array.from({ length: VIRTUAL_USERS }, (_, v) => {
    const u = v % cfg.users;
    const cs = owned(u);
    return { v, u, c: cs[Math.floor(v / cfg.users) % cs.length] };
  });
  const writerCases = [...new Set(writers.map((w) => ids.case(w.c)))];
  const docOf = (w: Writer, r: number) => ids.document(docIndex(cfg, w.c, (w.v * 7 + (r % QUOTE_ROTATION)) % cfg.docsPerCase));
  // The quotes come from the stored texts (not regenerated), so a reused corpus is quoted exactly.
  const storedText = new Map<string, string>(
    (
      await pool.query("SELECT id::text, text FROM documents WHERE id = ANY($1::uuid[])", [
        [...new Set(writers.flatMap((w) => Array.from({ length: QUOTE_ROTATION }, (_, r) => docOf(w, r))))],
      ])
    ).rows.map((r: { id: string; text: string }) => [r.id, r.text]),
  );
  const claimBody = (w: Writer, r: number, label: string) => {
    const documentId = docOf(w, r);
    const text = storedText.get(documentId) ?? "";
    const start = text.indexOf(" ", (r * 997) % Math.max(1, text.length - 300)) + 1;
    const end = text.indexOf(" ", start + 80);
    return JSON.stringify({
      statement: `Bench ${label} claim by user ${w.v}, #${r + 1}`,
      claimant: `Load generator ${w.v}`,
      kind: "fact",
      credibility: (r % 6) + 1,
      excerpts: [{ documentId, start, end, exact: text.slice(start, end) }],
    });
  };
  const clients = new Map<string, Http>();
  const postClaim = async (w: Writer, r: number, label: string, to = base): Promise<Sample & { body: Buffer }> => {
    if (!clients.has(to)) clients.set(to, new Http(to));
    const t = performance.now();
    try {
      return await clients.get(to)!.timed(cookies[w.u], `/api/cases/${ids.case(w.c)}/claims`, {
        method: "POST",
        headers: { origin: to, "content-type": "application/json" },
        body: claimBody(w, r, label),
      });
    } catch (err) {
      // A refused or reset connection is an error of the run, not a crash of the benchmark.
      const body = Buffer.from(err instanceof Error ? err.message : String(err));
      return { ms: performance.now() - t, status: 0, sql: null, sqlTotal: null, bytes: 0, body };
    }
  };
  const countClaims = async () =>
    Number((await pool.query("SELECT count(*)::int AS n FROM claims WHERE case_id = ANY($1::uuid[])", [writerCases])).rows[0].n);
  const lostWrites = async (before: number, created: string[]) => {
    const after = await countClaims();
    const present = Number((await pool.query("SELECT count(*)::int AS n FROM claims WHERE id = ANY($1::uuid[])", [created])).rows[0].n);
    // Acknowledged but absent, plus rows the acknowledgements do not account for (either way a write went astray).
    return { before, after, lost: created.length - present + Math.abs(before + created.length - after) };
  };
  let shown = 0;
  const collect = (s: Sample & { body: Buffer }, created: string[]) => {
    if (s.status === 201) created.push((JSON.parse(s.body.toString("utf8")) as { claim: { id: string } }).claim.id);
    else if (shown++ < 3) log(`bench: POST claim → ${s.status} ${s.body.toString("utf8").slice(0, 300)}`);
  };
  const ok201 = (s: Sample) => s.status === 201;
  const scenarios: Record<string, WriteScenario> = {};

  // Baseline without contention: one user, one request at a time (service time, not queueing).
  log("bench: claim creation, one user, sequential…");
  const sequential: Sample[] = [];
  for (let r = 0; r < CLAIMS_PER_USER; r++) sequential.push(await postClaim(writers[0], CLAIMS_PER_USER + r, "sequential"));
  scenarios.claimCreateSequential = stats(sequential, ok201);

  // Open loop.
  const openSeconds = Number(process.env.BENCH_OPEN_LOOP_S ?? 120);
  const rng = rngFor(seed, "open-loop", 0);
  const arrivals: { at: number; w: Writer; r: number }[] = [];
  for (const w of writers) {
    let r = 0;
    for (
      let at = -Math.log(1 - rng()) * OPEN_LOOP_MEAN_GAP_S * 1000;
      at < openSeconds * 1000;
      at += -Math.log(1 - rng()) * OPEN_LOOP_MEAN_GAP_S * 1000
    )
      arrivals.push({ at, w, r: r++ });
  }
  arrivals.sort((a, b) => a.at - b.at);
  log(
    `bench: claim creation, open loop: ${VIRTUAL_USERS} users × one claim per ${OPEN_LOOP_MEAN_GAP_S} s on average (Poisson), ${openSeconds} s, ${arrivals.length} requests…`,
  );
  {
    const before = await countClaims();
    const created: string[] = [];
    const samples: (Sample & { serviceMs: number; sendLagMs: number })[] = [];
    const inFlight: Promise<void>[] = [];
    let maxInFlight = 0;
    let open = 0;
    const cpu0 = cpuSnapshot([serverPid]);
    const t0 = performance.now() + 100;
    await new Promise<void>((done) => {
      let i = 0;
      const tick = () => {
        const now = performance.now() - t0;
        while (i < arrivals.length && arrivals[i].at <= now) {
          const a = arrivals[i++];
          const scheduled = t0 + a.at;
          const sent = performance.now();
          maxInFlight = Math.max(maxInFlight, ++open);
          inFlight.push(
            postClaim(a.w, a.r, "open-loop").then((s) => {
              open--;
              const end = performance.now();
              collect(s, created);
              // Latency from the scheduled send time; the service time from the actual send is kept apart.
              samples.push({ ...s, ms: end - scheduled, serviceMs: end - sent, sendLagMs: sent - scheduled });
            }),
          );
        }
        if (i < arrivals.length) setTimeout(tick, Math.max(0, arrivals[i].at - (performance.now() - t0)));
        else done();
      };
      setTimeout(tick, 100);
    });
    await Promise.all(inFlight);
    const seconds = (performance.now() - t0) / 1000;
    const cpu = cpuPerRequest(cpu0, cpuSnapshot([serverPid]), samples.length, seconds);
    const { before: b, after, lost } = await lostWrites(before, created);
    const lag = samples.map((s) => s.sendLagMs);
    scenarios.claimCreateOpenLoop = {
      ...stats(samples, ok201),
      users: VIRTUAL_USERS,
      meanGapSeconds: OPEN_LOOP_MEAN_GAP_S,
      durationSeconds: openSeconds,
      offeredPerSecond: Math.round((arrivals.length / openSeconds) * 10) / 10,
      requests: samples.length,
      created: created.length,
      claimsBefore: b,
      claimsAfter: after,
      lost,
      maxInFlight,
      serviceTime: stats(
        samples.map((s) => ({ ...s, ms: s.serviceMs })),
        ok201,
      ),
      sendLagMaxMs: Math.round(Math.max(...lag) * 10) / 10,
      cpu,
      histogramMs: histogram(samples.map((s) => s.ms)),
    };
  }

  // Closed loop: `n` writers, each POSTing again as soon as its answer arrives.
  const closedLoop = async (label: string, bases: string[], roots: number[]) => {
    const before = await countClaims();
    const created: string[] = [];
    const samples: Sample[] = [];
    const cpu0 = cpuSnapshot(roots);
    const t = performance.now();
    await Promise.all(
      writers.map(async (w) => {
        for (let r = 0; r < CLAIMS_PER_USER; r++) {
          const s = await postClaim(w, r, label, bases[w.v % bases.length]);
          collect(s, created);
          samples.push(s);
        }
      }),
    );
    const seconds = (performance.now() - t) / 1000;
    const cpu = cpuPerRequest(cpu0, cpuSnapshot(roots), samples.length, seconds);
    const { before: b, after, lost } = await lostWrites(before, created);
    return {
      ...stats(samples, ok201),
      concurrency: writers.length,
      nodes: bases.length,
      requests: samples.length,
      created: created.length,
      throughputPerSecond: Math.round((samples.length / seconds) * 10) / 10,
      claimsBefore: b,
      claimsAfter: after,
      lost,
      lostUpdates: lost,
      cpu,
      histogramMs: histogram(samples.map((s) => s.ms)),
    };
  };
  log(`bench: claim creation, closed loop, ${writers.length} in flight × ${CLAIMS_PER_USER}…`);
  scenarios.claimCreate = await closedLoop("concurrent", [base], [serverPid]);

  const node2Port = Number(process.env.BENCH_WRITES_NODE2_PORT ?? port + 1);
  const withSecondNode = async <T>(cpuProfDir: string | undefined, run: (node2: ReturnType<typeof startSecondNode>) => Promise<T>) => {
    const node2 = startSecondNode({ port: node2Port, dataDir, databaseUrl, cpuProfDir });
    try {
      await waitUp(`${node2.base}/login`, node2.state, 120_000);
      // A fresh process: 50 POSTs (a few in flight) so its code is compiled before it is measured.
      for (let r = 0; r < 50; r += 5)
        await Promise.all([0, 1, 2, 3, 4].map((k) => postClaim(writers[(r + k) % writers.length], 100 + r + k, "warm-up", node2.base)));
      return await run(node2);
    } finally {
      await node2.stop();
    }
  };
  if (process.env.BENCH_WRITES_NODES !== "0") {
    log(`bench: claim creation, closed loop on two nodes (${base}, http://127.0.0.1:${node2Port})…`);
    scenarios.claimCreateTwoNodes = await withSecondNode(undefined, (node2) =>
      closedLoop("two-node", [base, node2.base], [serverPid, node2.pid]),
    );
  }

  // The profile: the same closed loop against a second node alone, run under `node --cpu-prof` (which
  // slows it, so it is a run of its own and its figures are not reported as a scenario).
  let profile: ReturnType<typeof summariseProfile> | null = null;
  if (process.env.BENCH_CPU_PROF === "1") {
    const profDir = path.join(dataDir, "cpu-prof");
    rmSync(profDir, { recursive: true, force: true });
    mkdirSync(profDir, { recursive: true });
    log(`bench: claim creation, closed loop on a second node under --cpu-prof…`);
    const run = await withSecondNode(profDir, (node2) => closedLoop("profiled", [node2.base], [node2.pid]));
    const file = readdirSync(profDir).find((f) => f.endsWith(".cpuprofile"));
    if (!file) log("bench: the second node wrote no CPU profile");
    else {
      profile = summariseProfile(path.join(profDir, file), run.requests + 50);
      const text = [
        `CPU profile (node --cpu-prof) of a second \`next start\` serving ${run.requests} claim-creation POSTs, 50 in flight,`,
        `after its start-up and 50 warm-up POSTs (both included in the profile). Self time, idle excluded.`,
        `Sampled time is wall time on the CPU thread: on a loaded machine it includes time the process waited`,
        `for a core, so read the shares, not the milliseconds. /proc CPU of this run: ${run.cpu.nodeMs} ms per request.`,
        "",
        "By category:",
        ...profile.categories.map((c) => `  ${c.share.toFixed(1).padStart(5)} %  ${String(c.ms).padStart(8)} ms  ${c.name}`),
        "",
        "Top functions:",
        ...profile.top.map((f) => `  ${f.share.toFixed(1).padStart(5)} %  ${String(f.ms).padStart(8)} ms  ${f.fn}`),
        "",
      ].join("\n");
      writeFileSync(path.join(ROOT, "bench/profile-claim-create.txt"), text);
      log(`bench: wrote bench/profile-claim-create.txt`);
    }
  }

  const targets: Target[] = [
    {
      target: "claim creation p95 ≤ 250 ms",
      value: scenarios.claimCreate.p95,
      limit: WRITE_TARGETS.claimCreateP95Ms,
      scenario: "claimCreate",
    },
    { target: "claim creation errors = 0", value: scenarios.claimCreate.errors, limit: 0, scenario: "claimCreate" },
    { target: "claim creation lost updates = 0", value: scenarios.claimCreate.lost!, limit: 0, scenario: "claimCreate" },
    {
      target: "claim creation saturation ≥ 250 claims/s",
      value: scenarios.claimCreate.throughputPerSecond!,
      limit: WRITE_TARGETS.saturationPerSecond,
      atLeast: true,
      scenario: "claimCreate",
    },
    {
      target: "open-loop claim creation p95 ≤ 100 ms",
      value: scenarios.claimCreateOpenLoop.p95,
      limit: WRITE_TARGETS.openLoopP95Ms,
      scenario: "claimCreateOpenLoop",
    },
    {
      target: "open-loop claim creation errors = 0",
      value: scenarios.claimCreateOpenLoop.errors,
      limit: 0,
      scenario: "claimCreateOpenLoop",
    },
    { target: "open-loop claim creation lost = 0", value: scenarios.claimCreateOpenLoop.lost!, limit: 0, scenario: "claimCreateOpenLoop" },
  ];
  const method = {
    claimCreateSequential: "one user, one POST at a time (service time without queueing)",
    claimCreateOpenLoop: `${VIRTUAL_USERS} virtual users, each one claim per ${OPEN_LOOP_MEAN_GAP_S} s on average (Poisson: exponential gaps from a seeded generator; ${VIRTUAL_USERS / OPEN_LOOP_MEAN_GAP_S} requests/s together), ${openSeconds} s; every request sent at its scheduled time whatever the earlier ones are doing; latency counted from the scheduled send time (no coordinated omission), service time from the actual send kept apart`,
    claimCreate: `closed loop: ${writers.length} writers, ${CLAIMS_PER_USER} POSTs each, each POSTing again as soon as its answer arrives (${writers.length} in flight, no think time); throughput = requests / wall time`,
    claimCreateTwoNodes:
      "the same closed loop over two `next start` processes (same build, database, secret), writers alternating between the nodes",
    cpu: "utime + stime from /proc/<pid>/stat of the `next start` process tree (PostgreSQL processes apart) before and after each run, divided by its requests; the load generator's own CPU from process.cpuUsage()",
    lost: "claims acknowledged with 201 but absent afterwards, plus any difference between the claim count of the writers' cases after and before + 201s",
  };
  return { scenarios, targets, method, profile };
}

/** The rows for run.ts's table, and a second table with throughput and CPU per request. */
export function writesTable(scenarios: Record<string, WriteScenario | undefined>) {
  const rows: [string, string][] = [
    ["claim creation, open loop (50 users × 1 per 2 s, Poisson; from scheduled send)", "claimCreateOpenLoop"],
    [`claim creation, closed loop, ${scenarios.claimCreate?.concurrency ?? 50} in flight`, "claimCreate"],
    ["claim creation, closed loop on two nodes", "claimCreateTwoNodes"],
  ];
  const present = rows.filter(([, k]) => scenarios[k]);
  if (!present.length) return [];
  return [
    "",
    "| claim creation | requests | claims/s | lost | Node CPU ms/request | Node cores busy | PostgreSQL CPU ms/request |",
    "|---|---:|---:|---:|---:|---:|---:|",
    ...present.map(([label, k]) => {
      const s = scenarios[k]!;
      const rate = s.throughputPerSecond ?? (s.offeredPerSecond as number | undefined) ?? "–";
      return `| ${label} | ${s.requests} | ${rate} | ${s.lost} | ${s.cpu?.nodeMs ?? "–"} | ${s.cpu?.nodeCoreShare ?? "–"} | ${s.cpu?.postgresMs ?? "–"} |`;
    }),
  ];
}
