// npm run bench — the app at 100,000 documents. Starts the production build (scripts/start.ts: embedded
// PostgreSQL in its own data dir, migrations, `next build` when sources changed, `next start`) on its own
// port, loads the seeded synthetic corpus (scripts/bench/generate.ts), then measures over real HTTP:
// case page, claims table, search (rare, common, phrase), trigram quick-jump, claim creation (open loop,
// closed loop at saturation, two nodes: scripts/bench/writes.ts), Markdown export; SQL statements per
// request; JavaScript shipped to the browser.
// Writes bench/results.json, prints a table, refreshes the table in bench/README-bench.md, and for every
// missed target writes EXPLAIN (ANALYZE, BUFFERS) of the slowest statement to bench/explain/.
//
//   BENCH_SIZE=small      1,000 documents / 10 cases / 2,000 claims / 5 users (a couple of minutes)
//   BENCH_SEED=<n>        corpus seed (default 20260715)
//   BENCH_REUSE=1         keep the database and reuse a corpus already loaded with the same seed and size
//   BENCH_PORT, BENCH_PG_PORT, BENCH_DATA_DIR, NEXT_DIST_DIR   where it runs (defaults 3331, 54391, .data/bench-main)
//   BENCH_ONLY=writes,search   only these scenario groups (pages, search, writes, export, js; default all); the
//                         results then go to bench/results[-small]-only-<groups>.json and the README is left alone
//   Claim creation (group "writes") has its own settings: see scripts/bench/writes.ts.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import {
  BENCH_PASSWORD,
  DEFAULT_SEED,
  OSINT_WORDS,
  RARE_TERM,
  corpusConfig,
  docIndex,
  documentSpec,
  entitySpecs,
  memberships,
  misspell,
  rngFor,
  userEmail,
  vocabulary,
  wordAtRank,
  type BenchSize,
} from "./corpus";
import { corpusIds, generateCorpus } from "./generate";
import { Http, percentile, stats, type Sample, type Stats } from "./http";
import { measureJs, type JsTransfer } from "./browser";
import { explainSlowest, type Explained } from "./explain";
import { benchWrites, writesTable, type WriteScenario } from "./writes";
import { bareSearchSql, type SqlStats } from "./search-sql";

const ROOT = path.resolve(__dirname, "../..");
const SIZE: BenchSize = process.env.BENCH_SIZE === "small" ? "small" : "full";
const SEED = Number(process.env.BENCH_SEED ?? DEFAULT_SEED);
const PORT = Number(process.env.BENCH_PORT ?? 3331);
const PG_PORT = Number(process.env.BENCH_PG_PORT ?? 54391);
const DATA_DIR = path.resolve(ROOT, process.env.BENCH_DATA_DIR ?? ".data/bench-main");
const BASE = `http://localhost:${PORT}`;
const REUSE = process.env.BENCH_REUSE === "1";
const ONLY = new Set(
  (process.env.BENCH_ONLY ?? "")
    .split(",")
    .map((g) => g.trim())
    .filter(Boolean),
);
const wanted = (group: string) => !ONLY.size || ONLY.has(group);

const TARGETS = {
  casePageP95Ms: 300,
  casePageSql: 10,
  searchRareP95Ms: 50,
  searchCommonP95Ms: 100,
  searchP95Ms: 150,
  searchCommonP99Ms: 500,
  searchAppOverSql: 2,
  trigramP95Ms: 50,
  jsLoginKB: 120,
  jsCaseKB: 160,
};

const log = (m: string) => console.log(m);

async function waitFor(url: string, ms: number, server: { exited: boolean }) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (server.exited) throw new Error("bench: the app server exited during start-up (see the server log)");
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`${url} did not answer within ${ms / 1000} s`);
}

function startServer() {
  mkdirSync(DATA_DIR, { recursive: true });
  const logFile = path.join(DATA_DIR, "server.log");
  const out = openSync(logFile, "a");
  const state = { exited: false };
  const server = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(ROOT, "scripts/start.ts")], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(PORT),
      APP_DATA_DIR: DATA_DIR,
      EMBEDDED_PG_PORT: String(PG_PORT),
      DATABASE_URL: "",
      NEXTAUTH_URL: BASE,
      SEED_DEMO: "0",
      PRISMA_QUERY_COUNT: "1",
      ...(REUSE ? {} : { E2E_RESET: "1" }),
    },
    stdio: ["ignore", out, out],
    detached: true,
  });
  server.on("exit", () => (state.exited = true));
  const stop = () => {
    try {
      process.kill(-server.pid!, "SIGTERM");
    } catch {
      /* already gone */
    }
  };
  return { state, stop, logFile, pid: server.pid! };
}

async function main() {
  const cfg = corpusConfig(SIZE, SEED);
  const ids = corpusIds(cfg);
  const v = vocabulary(SEED);
  log(`bench: ${SIZE} corpus (seed ${SEED}) on ${BASE}, data in ${path.relative(ROOT, DATA_DIR)}`);
  const server = startServer();
  process.on("exit", server.stop);
  process.on("SIGINT", () => process.exit(130));
  try {
    const t0 = performance.now();
    await waitFor(`${BASE}/login`, 1_200_000, server.state);
    log(`bench: app up after ${((performance.now() - t0) / 1000).toFixed(0)} s (server log: ${path.relative(ROOT, server.logFile)})`);
    const password = readFileSync(path.join(DATA_DIR, "postgres/password"), "utf8").trim();
    const databaseUrl = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${PG_PORT}/casefile`;
    process.env.DATABASE_URL = databaseUrl;
    process.env.PRISMA_QUERY_COUNT = "1";

    const gen = await generateCorpus({ databaseUrl, cfg, log });
    log(`bench: corpus ${gen.reused ? "reused" : `loaded in ${gen.seconds.toFixed(0)} s`}: ${JSON.stringify(gen.counts)}`);
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
    const {
      rows: [{ version: pgVersion }],
    } = await pool.query("SELECT version()");
    const {
      rows: [{ size: dbSize }],
    } = await pool.query("SELECT pg_size_pretty(pg_database_size(current_database())) AS size");

    const http = new Http(BASE);
    const tSign = performance.now();
    const cookies: string[] = [];
    for (let u = 0; u < cfg.users; u++) cookies.push(await http.signIn(userEmail(u), BENCH_PASSWORD));
    log(`bench: ${cfg.users} users signed in (${((performance.now() - tSign) / 1000).toFixed(1)} s)`);
    const plan = memberships(cfg);
    const casesOf = (u: number) => plan.filter((m) => m.userIndex === u).map((m) => m.caseIndex);
    const pickCase = (i: number) => {
      const u = i % cfg.users;
      const cs = casesOf(u);
      return { u, c: cs[Math.floor(i / cfg.users) % cs.length] };
    };
    const seq = async (n: number, warm: number, req: (i: number) => Promise<Sample>) => {
      if (!n) return []; // a group left out by BENCH_ONLY
      for (let i = 0; i < warm; i++) await req(n + i);
      const out: Sample[] = [];
      for (let i = 0; i < n; i++) out.push(await req(i));
      return out;
    };

    // Case page: SQL counted as the growth of the server's statement total across the page request,
    // read from two cheap API probes around it (minus the second probe's own statements). Requests run
    // one at a time and nothing else talks to the server, so the difference is the page's statements.
    log("bench: case page…");
    const casePage = await seq(wanted("pages") ? 60 : 0, 5, async (i) => {
      const { u, c } = pickCase(i);
      const probe = `/api/cases/${ids.case(c)}`;
      const a = await http.timed(cookies[u], probe);
      const s = await http.timed(cookies[u], `/cases/${ids.case(c)}`);
      const b = await http.timed(cookies[u], probe);
      const sql = a.sqlTotal !== null && b.sqlTotal !== null && b.sql !== null ? b.sqlTotal - b.sql - a.sqlTotal : null;
      return { ...s, sql };
    });

    // The brief's blockers and warnings, which the case page's browser code loads after the page: the first view of
    // each case (as here) composes the whole brief; a later view with no change in between is answered from memory.
    log("bench: brief readiness…");
    const briefReadiness = await seq(wanted("pages") ? 60 : 0, 5, async (i) => {
      const { u, c } = pickCase(i);
      return http.timed(cookies[u], `/api/cases/${ids.case(c)}/brief/readiness`);
    });

    log("bench: claims table…");
    const claimsPages = Math.ceil(cfg.claimsPerCase / 50);
    const claimsTable = await seq(wanted("pages") ? 100 : 0, 5, async (i) => {
      const { u, c } = pickCase(i);
      return http.timed(cookies[u], `/api/cases/${ids.case(c)}/claims?page=${(i % claimsPages) + 1}`);
    });

    const searchTerms = {
      rare: [RARE_TERM, ...[20_000, 25_000, 30_000, 35_000, 40_000, 45_000].map((r) => wordAtRank(v, r))],
      common: OSINT_WORDS.slice(0, 8),
      phrase: ['"spear phishing"', '"wiper malware"', '"shell company"', '"satellite imagery"', '"lateral movement"'],
    };
    const hits: Record<string, number[]> = { rare: [], common: [], phrase: [] };
    // Each request is a (user, term) pair seen once per pass: the first pass meets the search vectors of that user's
    // cases cold (the server and its database have just started) and is reported apart as "first search"; the
    // measured pass repeats the same pairs in steady state, as the bare statements below do.
    const cold: Record<string, Sample[]> = {};
    const searchRun = async (kind: keyof typeof searchTerms, n: number) => {
      if (!wanted("search")) return [];
      log(`bench: search (${kind})…`);
      const terms = searchTerms[kind];
      const search = (i: number) => http.timed(cookies[i % cfg.users], `/api/search?q=${encodeURIComponent(terms[i % terms.length])}`);
      cold[kind] = await seq(n, 0, search);
      return seq(n, 0, async (i) => {
        const s = await search(i);
        if (s.status === 200) hits[kind].push((JSON.parse(s.body.toString("utf8")) as { total: number }).total);
        return s;
      });
    };
    const searchN = { rare: 70, common: 200, phrase: 70 };
    const searchRare = await searchRun("rare", wanted("search") ? searchN.rare : 0);
    const searchCommon = await searchRun("common", wanted("search") ? searchN.common : 0);
    const searchPhrase = await searchRun("phrase", wanted("search") ? searchN.phrase : 0);
    // The same statements run bare: the SQL text and parameters lib/search/search.ts builds for the same
    // users and terms in the same order, sent with the `pg` client under the same planner settings, and
    // timed from send to last row. app ÷ SQL is the cost of everything around the statement.
    const searchSqlStats: Record<string, SqlStats> = {};
    if (wanted("search")) {
      log("bench: search, the bare SQL statements…");
      const userIds = (
        await pool.query("SELECT id::text, email FROM users WHERE email = ANY($1)", [
          Array.from({ length: cfg.users }, (_, u) => userEmail(u)),
        ])
      ).rows as { id: string; email: string }[];
      const actors = Array.from({ length: cfg.users }, (_, u) => {
        const row = userIds.find((r) => r.email === userEmail(u))!;
        return { id: row.id, email: row.email, name: "", isAdmin: false };
      });
      for (const kind of ["rare", "common", "phrase"] as const) {
        searchSqlStats[kind] = await bareSearchSql({
          databaseUrl,
          n: searchN[kind],
          warm: 5,
          statement: (i) => ({ actor: actors[i % cfg.users], q: searchTerms[kind][i % searchTerms[kind].length] }),
        });
      }
    }

    log("bench: trigram quick-jump…");
    const quickQueries: string[] = [];
    const quick = await seq(wanted("search") ? 100 : 0, 5, async (i) => {
      const { u, c } = pickCase(i);
      const ents = entitySpecs(cfg, c);
      const q = misspell(ents[i % ents.length].name, rngFor(SEED, "typo", i));
      if (i < 5) quickQueries.push(q);
      return http.timed(cookies[u], `/api/search/quick?q=${encodeURIComponent(q)}`);
    });

    // Claim creation: sequential baseline, open loop (Poisson arrivals), closed loop at saturation, two nodes.
    const writes = !wanted("writes")
      ? null
      : await benchWrites({
          cfg,
          ids,
          seed: SEED,
          base: BASE,
          port: PORT,
          cookies,
          pool,
          dataDir: DATA_DIR,
          databaseUrl,
          serverPid: server.pid,
          log,
        });

    log("bench: Markdown export…");
    const exportMd = await seq(wanted("export") ? 20 : 0, 2, async (i) => {
      const { u, c } = pickCase(i);
      return http.timed(cookies[u], `/api/cases/${ids.case(c)}/export?format=md`);
    });

    log("bench: JavaScript shipped to the browser…");
    let js: Record<string, JsTransfer> | { error: string };
    try {
      if (!wanted("js")) throw new Error(`not in BENCH_ONLY=${[...ONLY].join(",")}`);
      js = await measureJs({
        base: BASE,
        cookie: cookies[0],
        pages: [
          { name: "login", path: "/login", signedIn: false },
          { name: "casePage", path: `/cases/${ids.case(0)}`, signedIn: true },
        ],
      });
    } catch (err) {
      js = { error: err instanceof Error ? err.message : String(err) };
    }
    const jsKB = (name: string) => ("error" in js ? NaN : Math.round((js[name].encodedBytes / 1000) * 10) / 10);

    // A scenario left out by BENCH_ONLY has n = 0: its rows and targets are dropped below.
    const scenarios: Record<string, ScenarioStats> = {
      casePage: stats(casePage),
      briefReadiness: stats(briefReadiness),
      claimsTable: stats(claimsTable),
      searchRare: { ...stats(searchRare), sql: searchSqlStats.rare },
      searchCommon: { ...stats(searchCommon), sql: searchSqlStats.common },
      searchPhrase: { ...stats(searchPhrase), sql: searchSqlStats.phrase },
      searchRareFirst: stats(cold.rare ?? []),
      searchCommonFirst: stats(cold.common ?? []),
      searchPhraseFirst: stats(cold.phrase ?? []),
      trigramQuick: stats(quick),
      ...writes?.scenarios,
      exportMarkdown: stats(exportMd),
    };
    type Check = { target: string; value: number; limit: number; scenario: string; atLeast?: boolean };
    const checks = (<Check[]>[
      { target: "case page p95 ≤ 300 ms", value: scenarios.casePage.p95, limit: TARGETS.casePageP95Ms, scenario: "casePage" },
      {
        target: "case page ≤ 10 SQL statements",
        value: scenarios.casePage.sqlPerRequest.max ?? NaN,
        limit: TARGETS.casePageSql,
        scenario: "casePage",
      },
      { target: "search rare p95 ≤ 50 ms", value: scenarios.searchRare.p95, limit: TARGETS.searchRareP95Ms, scenario: "searchRare" },
      {
        target: "search common p95 ≤ 100 ms",
        value: scenarios.searchCommon.p95,
        limit: TARGETS.searchCommonP95Ms,
        scenario: "searchCommon",
      },
      {
        target: "search common p99 ≤ 500 ms",
        value: scenarios.searchCommon.p99,
        limit: TARGETS.searchCommonP99Ms,
        scenario: "searchCommon",
      },
      { target: "search phrase p95 ≤ 150 ms", value: scenarios.searchPhrase.p95, limit: TARGETS.searchP95Ms, scenario: "searchPhrase" },
      ...(["searchRare", "searchCommon", "searchPhrase"] as const).map((k) => ({
        target: `${k} p95 app ÷ SQL ≤ 2`,
        value: appOverSql(scenarios[k]),
        limit: TARGETS.searchAppOverSql,
        scenario: k,
      })),
      { target: "trigram lookup p95 ≤ 50 ms", value: scenarios.trigramQuick.p95, limit: TARGETS.trigramP95Ms, scenario: "trigramQuick" },
      ...(writes?.targets ?? []),
      { target: "JS login ≤ 120 kB", value: jsKB("login"), limit: TARGETS.jsLoginKB, scenario: "jsLogin" },
      { target: "JS case page ≤ 160 kB", value: jsKB("casePage"), limit: TARGETS.jsCaseKB, scenario: "jsCase" },
    ])
      .filter((c) => scenarios[c.scenario]?.n || (c.scenario.startsWith("js") && wanted("js")))
      .map((c) => ({
        ...c,
        met: Number.isFinite(c.value) && (c.atLeast ? c.value >= c.limit : c.value <= c.limit),
        missedBy:
          Number.isFinite(c.value) && (c.atLeast ? c.value < c.limit : c.value > c.limit)
            ? Math.round(Math.abs(c.value - c.limit) * 10) / 10
            : 0,
      }));
    for (const c of checks) {
      const errors = (scenarios as Record<string, Stats | undefined>)[c.scenario]?.errors ?? 0;
      if (errors && c.target.includes("p9")) Object.assign(c, { note: `${errors} requests failed` });
    }

    // EXPLAIN for every scenario that missed a latency target, through the same services in this process.
    const explained: Explained[] = [];
    const missed = new Set(checks.filter((c) => !c.met && c.scenario !== "jsLogin" && c.scenario !== "jsCase").map((c) => c.scenario));
    if (missed.size) {
      log(`bench: EXPLAIN (ANALYZE, BUFFERS) for ${[...missed].join(", ")}…`);
      const { db } = await import("@/lib/db");
      const userRow = await db.user.findUniqueOrThrow({ where: { email: userEmail(0) } });
      const actor = { id: userRow.id, email: userRow.email, name: userRow.name, isAdmin: userRow.isAdmin };
      const access = { caseId: ids.case(0), role: "owner" as const };
      const outDir = path.join(ROOT, "bench/explain");
      const runs: Record<string, () => Promise<unknown>> = {
        casePage: async () => {
          const { getCase } = await import("@/lib/cases/get-case");
          const { listDocuments } = await import("@/lib/documents/list-documents");
          await Promise.all([getCase({ access }), listDocuments({ access })]);
        },
        searchRare: async () => (await import("@/lib/search/search")).search({ actor, query: { q: searchTerms.rare[1] } }),
        searchCommon: async () => (await import("@/lib/search/search")).search({ actor, query: { q: searchTerms.common[0] } }),
        searchPhrase: async () => (await import("@/lib/search/search")).search({ actor, query: { q: searchTerms.phrase[0] } }),
        trigramQuick: async () => (await import("@/lib/search/quick-jump")).quickJump({ actor, query: { q: quickQueries[0] } }),
        claimCreate: async () => {
          const { createClaim } = await import("@/lib/claims/create-claim");
          const text = documentSpec(cfg, docIndex(cfg, 0, 0)).text;
          const end = text.indexOf(" ", 80);
          await createClaim({
            ctx: { actor, requestId: "bench-explain" },
            access,
            input: {
              statement: "Bench EXPLAIN claim",
              claimant: "bench",
              kind: "fact",
              credibility: 3,
              excerpts: [{ documentId: ids.document(0), start: 0, end, exact: text.slice(0, end) }],
            },
          });
        },
      };
      for (const name of missed) {
        if (!runs[name]) continue; // the open loop and the two-node run have no single statement to explain
        try {
          const setup = name.startsWith("search") ? (await import("@/lib/search/search")).SEARCH_SETTINGS : undefined;
          explained.push(await explainSlowest({ name, databaseUrl, outDir, run: runs[name], setup }));
        } catch (err) {
          log(`bench: EXPLAIN ${name} failed: ${err instanceof Error ? err.message : err}`);
        }
      }
      const { disconnectDb } = await import("@/lib/db");
      await disconnectDb();
    }
    await pool.end();

    const results = {
      at: new Date().toISOString(),
      machine: {
        loadAverage1m: Math.round(os.loadavg()[0] * 10) / 10,
        cpus: os.cpus().length,
        cpu: os.cpus()[0]?.model,
        memGiB: Math.round(os.totalmem() / 2 ** 30),
        node: process.version,
        postgres: String(pgVersion).split(" on ")[0],
        os: `${os.type()} ${os.release()}`,
      },
      corpus: { size: SIZE, seed: SEED, ...gen.counts, loadSeconds: Math.round(gen.seconds), reused: gen.reused, databaseSize: dbSize },
      method: {
        server: "scripts/start.ts: embedded PostgreSQL, production `next build` + `next start`, PRISMA_QUERY_COUNT=1",
        sequential: "one request at a time, rotating over users and their cases; a few warm-up requests first",
        sqlCount:
          "x-sql-count response header (statements Prisma sent inside the route's withUser scope); case page: growth of x-sql-total across the page between two API probes",
        ...writes?.method,
        js: "Chromium via playwright-core, empty cache, sum of encoded (compressed) response bodies of script resources; kB = 1,000 bytes",
      },
      searchHits: Object.fromEntries(
        Object.entries(hits).map(([k, xs]) => [
          k,
          { medianTotal: xs.length ? percentile(xs, 50) : null, maxTotal: xs.length ? percentile(xs, 100) : null },
        ]),
      ),
      searchTerms,
      quickQueries,
      scenarios: Object.fromEntries(Object.entries(scenarios).filter(([, s]) => s.n)),
      js,
      targets: checks,
      explained: explained.map((e) => ({
        name: e.name,
        statements: e.statements,
        slowestMs: e.slowestMs,
        file: path.relative(ROOT, e.file),
      })),
      claimCreateProfile: writes?.profile ?? undefined,
    };
    mkdirSync(path.join(ROOT, "bench"), { recursive: true });
    const resultsFile = `bench/results${SIZE === "full" ? "" : "-small"}${ONLY.size ? `-only-${[...ONLY].sort().join("-")}` : ""}.json`;
    writeFileSync(path.join(ROOT, resultsFile), JSON.stringify(results, null, 2) + "\n");
    const table = markdownTable(results.scenarios, checks, js, results.machine, results.corpus, results.at);
    if (SIZE === "full" && !ONLY.size) updateReadme(table);
    console.log("\n" + table + "\n");
    log(`bench: wrote ${resultsFile}`);
  } finally {
    server.stop();
  }
}

type ScenarioStats = Stats & { concurrency?: number; sql?: SqlStats };

/** The app's p95 over the bare statement's p95 (search scenarios), NaN where there is no SQL figure. */
function appOverSql(s: ScenarioStats) {
  return s.sql && s.sql.p95 > 0 ? Math.round((s.p95 / s.sql.p95) * 100) / 100 : NaN;
}

function markdownTable(
  scenarios: Record<string, ScenarioStats>,
  checks: { target: string; value: number; met: boolean; missedBy: number; atLeast?: boolean }[],
  js: Record<string, JsTransfer> | { error: string },
  machine: Record<string, unknown>,
  corpus: Record<string, unknown>,
  at: string,
) {
  const rows = [
    ["case page GET /cases/{id}", "casePage"],
    ["brief readiness GET /api/cases/{id}/brief/readiness (loaded by the case page, first view)", "briefReadiness"],
    ["claims table GET /api/cases/{id}/claims?page=", "claimsTable"],
    ["search, rare term", "searchRare"],
    ["search, common term", "searchCommon"],
    ["search, phrase", "searchPhrase"],
    ["search, rare term: first search of each (user, term) since the start", "searchRareFirst"],
    ["search, common term: first search of each (user, term) since the start", "searchCommonFirst"],
    ["search, phrase: first search of each (user, term) since the start", "searchPhraseFirst"],
    ["trigram quick-jump (misspelled entity)", "trigramQuick"],
    ["claim creation, open loop, 50 users × 1 per 2 s (Poisson), from scheduled send", "claimCreateOpenLoop"],
    [`claim creation, ${scenarios.claimCreate?.concurrency} concurrent users`, "claimCreate"],
    ["claim creation, one user, sequential (baseline)", "claimCreateSequential"],
    ["Markdown export", "exportMarkdown"],
  ] as const;
  const lines = [
    `Run ${at} — ${machine.cpus} × ${machine.cpu}, ${machine.memGiB} GiB RAM, Node ${machine.node}, ${machine.postgres}.`,
    `Corpus: ${Number(corpus.documents).toLocaleString("en")} documents, ${Number(corpus.cases).toLocaleString("en")} cases, ${Number(corpus.claims).toLocaleString("en")} claims, ${corpus.users} users, ${Number(corpus.memberships).toLocaleString("en")} memberships (seed ${corpus.seed}, database ${corpus.databaseSize}).`,
    "",
    "| scenario | n | p50 ms | p95 ms | p99 ms | max ms | errors | SQL/request (median / max) | SQL p95 ms | app ÷ SQL |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...rows
      .filter(([, k]) => scenarios[k]?.n > 0)
      .map(([label, k]) => {
        const s = scenarios[k];
        const ratio = appOverSql(s);
        return `| ${label} | ${s.n} | ${s.p50} | ${s.p95} | ${s.p99} | ${s.max} | ${s.errors} | ${s.sqlPerRequest.median ?? "–"} / ${s.sqlPerRequest.max ?? "–"} | ${s.sql?.p95 ?? "–"} | ${Number.isFinite(ratio) ? ratio : "–"} |`;
      }),
    ...writesTable(scenarios as Record<string, WriteScenario>),
    "",
    "error" in js
      ? `JavaScript: not measured (${js.error}).`
      : `JavaScript transferred (compressed): login ${(js.login.encodedBytes / 1000).toFixed(1)} kB in ${js.login.scripts} scripts (${(js.login.decodedBytes / 1000).toFixed(0)} kB uncompressed); case page ${(js.casePage.encodedBytes / 1000).toFixed(1)} kB in ${js.casePage.scripts} scripts (${(js.casePage.decodedBytes / 1000).toFixed(0)} kB uncompressed).`,
    "",
    "| target | measured | met |",
    "|---|---:|:---:|",
    ...checks.map(
      (c) =>
        `| ${c.target} | ${Number.isFinite(c.value) ? c.value : "n/a"} | ${c.met ? "yes" : `**no** (${c.atLeast ? "−" : "+"}${c.missedBy})`} |`,
    ),
  ];
  return lines.join("\n");
}

function updateReadme(table: string) {
  const file = path.join(ROOT, "bench/README-bench.md");
  if (!existsSync(file)) return;
  const s = readFileSync(file, "utf8");
  const start = "<!-- bench:table:start -->";
  const end = "<!-- bench:table:end -->";
  const a = s.indexOf(start);
  const b = s.indexOf(end);
  if (a < 0 || b < a) return;
  writeFileSync(file, `${s.slice(0, a + start.length)}\n${table}\n${s.slice(b)}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
