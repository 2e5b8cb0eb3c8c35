// npm run bench:export — the brief export at 200 cited claims and 50 documents: composeBrief + render in
// process, and GET /api/cases/{id}/export over real HTTP against the production build, for Markdown,
// DOCX and PDF (each run twice; the second, warm run is reported), with peak memory. Writes
// bench/export-results.json. A benchmark, not a test: figures go in the README. Runs on its own port,
// PostgreSQL port and data dir, so it can run beside `npm start`, the e2e server and the other benches.
//
// The in-process half runs in a child process of this same file (`--in-process <caseId>`), started
// without the react-server condition: @react-pdf/renderer needs React's client build, which that
// condition hides (Next bundles it; plain Node does not). Its peak RSS is then the export's alone.
import { spawnSync } from "node:child_process";
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { signIn, startBenchApp } from "./lib/bench-harness";
import { installImportOnlyResolver } from "./lib/import-only-resolver";

const ROOT = path.resolve(__dirname, "..");
const PORT = Number(process.env.BENCH_PORT ?? 3320);
const PG_PORT = Number(process.env.BENCH_PG_PORT ?? 54379);
const DATA_DIR = process.env.BENCH_DATA_DIR ?? ".data/bench-export";
const BASE = `http://localhost:${PORT}`;
const CLAIMS = 200;
const DOCUMENTS = 50;
const EVENTS = 40;
const FORMATS = ["md", "docx", "pdf"] as const;
type Format = (typeof FORMATS)[number];
const TARGET_MS: Record<Format, number> = { md: 1000, docx: 2000, pdf: 5000 };
const TARGET_PEAK_MB = 500;
const RELIABILITIES = ["A", "B", "C", "D", "E", "F"] as const;
const KINDS = ["fact", "allegation", "assessment", "denial"] as const;

const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;
const round = (ms: number) => Math.round(ms * 10) / 10;

/** Samples this process's RSS every 10 ms; synchronous rendering can starve the timer, so the kernel's own high-water mark (maxRSS) is reported beside it. */
function rssSampler() {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  return {
    reset: () => {
      peak = process.memoryUsage().rss;
    },
    peak: () => Math.max(peak, process.memoryUsage().rss),
    stop: () => clearInterval(timer),
  };
}

/** The server's processes (start.ts → next start → workers): pid → [VmRSS, VmHWM] in bytes, from /proc. */
function processTreeMemory(rootPid: number) {
  const parent = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      parent.set(Number(entry), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
    } catch {
      /* exited meanwhile */
    }
  }
  const tree = new Set([rootPid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, ppid] of parent) {
      if (tree.has(ppid) && !tree.has(pid)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  const out: { pid: number; cmd: string; rss: number; hwm: number }[] = [];
  for (const pid of tree) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      const kb = (key: string) => Number(status.match(new RegExp(`^${key}:\\s+(\\d+) kB`, "m"))?.[1] ?? 0) * 1024;
      out.push({
        pid,
        cmd: readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ").slice(0, 120),
        rss: kb("VmRSS"),
        hwm: kb("VmHWM"),
      });
    } catch {
      /* exited meanwhile */
    }
  }
  return out;
}

async function generate() {
  const { db } = await import("@/lib/db");
  const { createCase } = await import("@/lib/cases/create-case");
  const { createPastedDocument } = await import("@/lib/documents/create-document");
  const { createSource } = await import("@/lib/sources/create-source");
  const { assignDocumentSource } = await import("@/lib/sources/assign-document-source");
  const { anchorExcerpt } = await import("@/lib/claims/verify-excerpt");
  const { createQuestion } = await import("@/lib/attribution/questions");
  const { createHypothesis, getHypothesis } = await import("@/lib/attribution/hypotheses");
  const { submitHypothesis, approveHypothesis } = await import("@/lib/review/review-hypothesis");
  const { createEvent } = await import("@/lib/events/create-event");

  const [analyst, reviewer] = await Promise.all(
    ["analyst@example.com", "reviewer@example.com"].map((email) => db.user.findUniqueOrThrow({ where: { email } })),
  );
  const ctxOf = (u: typeof analyst) => ({ actor: { id: u.id, email: u.email, name: u.name, isAdmin: u.isAdmin }, requestId: "bench" });
  const ctx = ctxOf(analyst);
  const c = await createCase({
    ctx,
    input: {
      title: `Benchmark: brief with ${CLAIMS} claims and ${DOCUMENTS} documents`,
      tlp: "AMBER",
      summary: "Benchmark bottom line: the brief cites every claim back to a hashed capture.",
    },
  });
  const access = { caseId: c.id, role: "owner" as const };
  await db.caseMember.create({ data: { caseId: c.id, userId: reviewer.id, role: "reviewer" } });

  const seeds = [
    "000_14ff20742db8aebd.txt",
    "001_b92132f857757dcc.txt",
    "002_611f42bb94c1d655.txt",
    "003_6c825d3da359bae1.txt",
    "004_1e8b3c1082576829.txt",
  ].map((f) => readFileSync(path.join(ROOT, "prisma/demo", f), "utf8"));
  const docs: { id: string; text: string }[] = [];
  for (let i = 0; i < DOCUMENTS; i++) {
    const source = await createSource({
      ctx,
      access,
      input: { name: `Bench outlet ${i + 1}`, kind: "outlet", reliability: RELIABILITIES[i % 6], rationale: "Benchmark data." },
    });
    const { document } = await createPastedDocument({
      ctx,
      access: { caseId: c.id, role: "owner" },
      input: {
        title: `Bench capture ${i + 1}`,
        text: `Capture ${i + 1}.\n\n${seeds[i % seeds.length]}`,
        url: `https://example.org/bench/${i + 1}`,
        author: `Author ${i % 7}`,
        publisher: `Publisher ${i % 9}`,
        publishedAt: `2022-0${(i % 9) + 1}-1${i % 10}`,
      },
    });
    await assignDocumentSource({ ctx, access, documentId: document.id, input: { sourceId: source.id } });
    docs.push({ id: document.id, text: document.text });
  }

  const claimRows: { id: string; statement: string; i: number }[] = [];
  const excerptRows: { claimId: string; documentId: string; start: number; end: number; exact: string; prefix: string; suffix: string }[] =
    [];
  for (let i = 0; i < CLAIMS; i++) {
    const doc = docs[i % DOCUMENTS];
    const at = Math.floor((((i * 7) % 100) / 100) * (doc.text.length - 200));
    const start = doc.text.indexOf(" ", at) + 1;
    const end = start + 60 + ((i * 13) % 80);
    const a = anchorExcerpt({
      text: doc.text,
      excerpt: { documentId: doc.id, start, end, exact: doc.text.slice(start, end) },
      path: "bench",
    });
    const id = crypto.randomUUID();
    claimRows.push({ id, statement: `Bench claim ${i + 1}: ${a.exact.replace(/\s+/g, " ")}`, i });
    excerptRows.push({ claimId: id, ...a });
  }
  await db.claim.createMany({
    data: claimRows.map(({ id, statement, i }) => ({
      id,
      caseId: c.id,
      statement,
      claimant: `Claimant ${i % 13}`,
      kind: KINDS[i % 4],
      credibility: (i % 5) + 1,
      status: "accepted" as const,
      createdById: analyst.id,
      sourceConfidence: i % 10 === 0 ? "moderate confidence" : null,
    })),
  });
  await db.excerpt.createMany({ data: excerptRows });

  // One approved key judgment with every claim rated for (or, one in ten, against) it, so all 200
  // claims and their footnotes appear in the brief; two alternatives for the alternatives section.
  const q = await createQuestion({ ctx, access, input: { question: "Who is behind the benchmark intrusions?" } });
  const h = await createHypothesis({
    ctx,
    access,
    input: {
      questionId: q.id,
      title: "Benchmark operators",
      likelihood: "likely",
      confidence: "moderate",
      rationale: "Benchmark rationale: the captures agree on the operators.",
    },
  });
  for (const t of ["A second crew", "A third crew"])
    await createHypothesis({ ctx, access, input: { questionId: q.id, title: t, likelihood: "unlikely", confidence: "low" } });
  await db.achRating.createMany({
    data: claimRows.map(({ id, i }) => ({
      hypothesisId: h.id,
      claimId: id,
      raterId: analyst.id,
      rating: i % 10 === 9 ? ("I" as const) : i % 2 ? ("C" as const) : ("CC" as const),
    })),
  });
  await submitHypothesis({ ctx, access, hypothesisId: h.id, input: {} });
  const reviewerAccess = { caseId: c.id, role: "reviewer" as const };
  const { hypothesis } = await getHypothesis({ access: reviewerAccess, hypothesisId: h.id });
  await approveHypothesis({
    ctx: ctxOf(reviewer),
    access: reviewerAccess,
    hypothesisId: h.id,
    input: { contentHash: hypothesis.contentHash },
  });
  for (let i = 0; i < EVENTS; i++)
    await createEvent({
      ctx,
      access,
      input: {
        title: `Bench event ${i + 1}`,
        date: `2022-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 27) + 1).padStart(2, "0")}`,
        claimIds: [claimRows[i].id],
      },
    });
  return { caseId: c.id };
}

type InProcessRow =
  | { composeMs: number; renderMs: number; totalMs: number; bytes: number; coldTotalMs: number; peakRssMB: number }
  | { error: string; peakRssMB: number };
type InProcessResult = { inProcess: Record<Format, InProcessRow>; brief: Record<string, unknown>; maxRssMB: number };

/** The child: composeBrief + renderFormat for each format, twice (the second run is the warm one). Prints one JSON line. */
async function inProcessRun(caseId: string) {
  installImportOnlyResolver(ROOT);
  const { composeBrief } = await import("@/lib/briefs/compose-brief");
  const { renderFormat } = await import("@/lib/briefs/render-format");
  const access = { caseId, role: "owner" as const };
  const sampler = rssSampler();
  const model0 = await composeBrief({ access });
  const brief = {
    claims: model0.claims.length,
    footnotes: model0.footnotes.length,
    sources: model0.sources.length,
    timeline: model0.timeline.length,
    judgments: model0.judgments.length,
    blockers: model0.blockers,
  };
  if (model0.claims.length !== CLAIMS || model0.sources.length !== DOCUMENTS || model0.blockers.length)
    throw new Error(`bench: unexpected brief ${JSON.stringify(brief)}`);
  const inProcess = {} as Record<Format, InProcessRow>;
  for (const format of FORMATS) {
    sampler.reset();
    const runs: { composeMs: number; renderMs: number; bytes: number }[] = [];
    try {
      for (let run = 0; run < 2; run++) {
        const a = performance.now();
        const model = await composeBrief({ access });
        const b = performance.now();
        const bytes = await renderFormat({ model, format });
        runs.push({ composeMs: b - a, renderMs: performance.now() - b, bytes: bytes.length });
      }
    } catch (err) {
      // A renderer that fails on this data is a finding to report, not a reason to lose the other formats.
      inProcess[format] = { error: String((err as Error).message ?? err).slice(0, 300), peakRssMB: mb(sampler.peak()) };
      continue;
    }
    const [cold, warm] = runs;
    inProcess[format] = {
      composeMs: round(warm.composeMs),
      renderMs: round(warm.renderMs),
      totalMs: round(warm.composeMs + warm.renderMs),
      bytes: warm.bytes,
      coldTotalMs: round(cold.composeMs + cold.renderMs),
      peakRssMB: mb(sampler.peak()),
    };
  }
  sampler.stop();
  const { disconnectDb } = await import("@/lib/db");
  await disconnectDb();
  const result: InProcessResult = { inProcess, brief, maxRssMB: mb(process.resourceUsage().maxRSS * 1024) };
  console.log(JSON.stringify(result));
}

async function main() {
  const app = await startBenchApp({ port: PORT, pgPort: PG_PORT, dataDir: DATA_DIR });
  try {
    const t0 = performance.now();
    const data = await generate();
    console.log(`bench: generated ${CLAIMS} claims over ${DOCUMENTS} documents in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    // In process: what a release does, compose the model then render each format (in a child process).
    const child = spawnSync(process.execPath, ["--import", "tsx", __filename, "--in-process", data.caseId], {
      cwd: ROOT,
      env: process.env,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
      maxBuffer: 16 * 2 ** 20,
    });
    if (child.status !== 0) throw new Error(`bench: in-process run failed (${child.status})`);
    const { inProcess, brief, maxRssMB: benchMaxRssMB } = JSON.parse(child.stdout.trim().split("\n").at(-1)!) as InProcessResult;

    // Over HTTP: the export route on the production server, with the server's memory sampled meanwhile.
    const cookie = await signIn({ base: BASE, email: "analyst@example.com", password: "albania-analyst-2022" });
    let serverPeak = 0;
    const serverTimer = setInterval(() => {
      serverPeak = Math.max(
        serverPeak,
        ...processTreeMemory(app.pid)
          .filter((p) => p.cmd.includes("next"))
          .map((p) => p.rss),
      );
    }, 50);
    const http = {} as Record<Format, { ms: number; coldMs: number; bytes: number; contentType: string | null } | { error: string }>;
    for (const format of FORMATS) {
      const runs: { ms: number; bytes: number; contentType: string | null }[] = [];
      for (let run = 0; run < 2; run++) {
        const t = performance.now();
        const res = await fetch(`${BASE}/api/cases/${data.caseId}/export?format=${format}`, { headers: { cookie } });
        const body = await res.arrayBuffer();
        if (!res.ok) {
          http[format] = { error: `${res.status}: ${Buffer.from(body).toString("utf8").slice(0, 300)}` };
          break;
        }
        runs.push({ ms: performance.now() - t, bytes: body.byteLength, contentType: res.headers.get("content-type") });
      }
      if (runs.length === 2)
        http[format] = { ms: round(runs[1].ms), coldMs: round(runs[0].ms), bytes: runs[1].bytes, contentType: runs[1].contentType };
    }
    clearInterval(serverTimer);
    const serverProcesses = processTreeMemory(app.pid).filter((p) => p.cmd.includes("next"));
    const serverHwm = Math.max(...serverProcesses.map((p) => p.hwm));

    const peaks = {
      benchProcessSampledMB: Math.max(...Object.values(inProcess).map((r) => r.peakRssMB)),
      benchProcessMaxRssMB: benchMaxRssMB,
      serverSampledMB: mb(serverPeak),
      serverHighWaterMarkMB: mb(serverHwm),
    };
    const ok = (r: object): r is { totalMs?: number; ms?: number; bytes: number } => !("error" in r);
    const msOf = (r: { totalMs?: number; ms?: number }) => r.totalMs ?? r.ms ?? Infinity;
    const meets = Object.fromEntries(
      FORMATS.map((f) => [
        f,
        { inProcess: ok(inProcess[f]) && msOf(inProcess[f]) <= TARGET_MS[f], http: ok(http[f]) && msOf(http[f]) <= TARGET_MS[f] },
      ]),
    );
    const results = {
      machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
      at: new Date().toISOString(),
      data: { claims: CLAIMS, documents: DOCUMENTS, events: EVENTS, brief },
      targets: { ms: TARGET_MS, peakMemoryMB: TARGET_PEAK_MB },
      inProcess,
      http,
      memory: { ...peaks, meetsTarget: Math.max(peaks.benchProcessMaxRssMB, peaks.serverHighWaterMarkMB) <= TARGET_PEAK_MB },
      meetsTargets: meets,
    };
    mkdirSync(path.join(ROOT, "bench"), { recursive: true });
    writeFileSync(path.join(ROOT, "bench/export-results.json"), JSON.stringify(results, null, 2));
    console.table(
      Object.fromEntries(
        FORMATS.map((f) => {
          const ip = inProcess[f];
          const h = http[f];
          return [
            f,
            {
              "compose (ms)": "error" in ip ? "—" : ip.composeMs,
              "render (ms)": "error" in ip ? `FAILED: ${ip.error.slice(0, 40)}` : ip.renderMs,
              "in-process warm (ms)": "error" in ip ? "—" : ip.totalMs,
              "HTTP warm (ms)": "error" in h ? `FAILED ${h.error.slice(0, 40)}` : h.ms,
              "HTTP cold (ms)": "error" in h ? "—" : h.coldMs,
              "target (ms)": TARGET_MS[f],
              "size (KB)": "error" in h ? "—" : Math.round(h.bytes / 1024),
              "meets target": meets[f].inProcess && meets[f].http,
            },
          ];
        }),
      ),
    );
    console.table({ "peak memory (MB)": { ...peaks, "target (MB)": TARGET_PEAK_MB } });
    const { disconnectDb } = await import("@/lib/db");
    await disconnectDb();
  } finally {
    app.stop();
  }
}

const inProcessAt = process.argv.indexOf("--in-process");
(inProcessAt > 0 ? inProcessRun(process.argv[inProcessAt + 1]) : main()).catch((err) => {
  console.error(err);
  process.exit(1);
});
