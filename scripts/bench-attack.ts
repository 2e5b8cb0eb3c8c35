// npm run bench:attack — ATT&CK in a case, measured in process (server time, no HTTP): the TTP-overlap ranking over
// every ATT&CK group, and the case's ATT&CK view with 500 tagged claims. Runs on its own embedded PostgreSQL
// (APP_DATA_DIR=.data/bench-attack, port 54379) so it can run beside `npm start`. Writes bench/attack-results.json.
// A benchmark, not a test: figures go in the README.
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

process.env.APP_DATA_DIR ??= ".data/bench-attack";
process.env.EMBEDDED_PG_PORT ??= "54379";

const CLAIMS = 500;
const RUNS = 50;
const OVERLAP_TARGET_MS = 50;
const VIEW_P95_TARGET_MS = 300;

const p = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((q / 100) * xs.length) - 1)];
const round = (n: number) => Math.round(n * 10) / 10;

async function main() {
  const { resolveDatabase } = await import("./lib/resolve-database");
  const { migrate } = await import("./lib/migrator");
  const database = await resolveDatabase({ reset: true, log: () => {} });
  await migrate({ databaseUrl: database.migrationUrl, log: () => {} });
  process.env.DATABASE_URL = database.url;

  const { attackCatalog } = await import("@/lib/attack/catalog");
  const { rankOverlap } = await import("@/lib/attack/overlap");
  const { getCaseAttack } = await import("@/lib/attack/get-case-attack");
  const { db } = await import("@/lib/db");
  const { createCase } = await import("@/lib/cases/create-case");
  const { createPastedDocument } = await import("@/lib/documents/create-document");

  const catalog = attackCatalog();
  const user = await db.user.create({ data: { email: "bench-attack@example.com", name: "Bench", passwordHash: "x" } });
  const ctx = { actor: { id: user.id, email: user.email, name: user.name, isAdmin: false }, requestId: "bench" };
  const c = await createCase({ ctx, input: { title: `Benchmark: ATT&CK view with ${CLAIMS} tagged claims` } });
  const access = { caseId: c.id, role: "owner" as const };
  const text = Array.from({ length: CLAIMS }, (_, i) => `Observation ${i}: the intruders used technique number ${i}.`).join("\n");
  const { document } = await createPastedDocument({ ctx, access, input: { title: "Bench incident log", text } });
  const techniques = catalog.techniques.map((t) => t.id);
  let at = 0;
  for (let i = 0; i < CLAIMS; i++) {
    const exact = `Observation ${i}: the intruders used technique number ${i}.`;
    const start = text.indexOf(exact, at);
    at = start + exact.length;
    const claim = await db.claim.create({
      data: {
        caseId: c.id,
        statement: exact,
        claimant: "Bench",
        kind: "fact",
        credibility: 1 + (i % 6),
        status: "accepted",
        createdById: user.id,
        excerpts: { create: [{ documentId: document.id, start, end: start + exact.length, exact }] },
      },
    });
    // Each claim carries 1–3 techniques spread over the whole matrix.
    const tags = [
      ...new Set([
        techniques[(i * 7) % techniques.length],
        techniques[(i * 13 + 5) % techniques.length],
        techniques[(i * 29 + 11) % techniques.length],
      ]),
    ].slice(0, 1 + (i % 3));
    await db.claimTechnique.createMany({
      data: tags.map((techniqueId) => ({ claimId: claim.id, techniqueId, caseId: c.id, createdById: user.id })),
    });
  }

  // Overlap: O = the case's parent techniques (a few hundred), ranked against every group (T_g is built once per process).
  const observed = (
    await db.claimTechnique.findMany({ where: { caseId: c.id }, distinct: ["techniqueId"], select: { techniqueId: true } })
  ).map((r) => r.techniqueId);
  const small = ["T1486", "T1485", "T1561.002", "T1190", "T1505.003", "T1078", "T1114", "T1059.001", "T1003", "T1021"];
  const overlapFull: number[] = [];
  const overlapSmall: number[] = [];
  rankOverlap(small);
  for (let i = 0; i < RUNS; i++) {
    let t = performance.now();
    rankOverlap(observed);
    overlapFull.push(performance.now() - t);
    t = performance.now();
    rankOverlap(small);
    overlapSmall.push(performance.now() - t);
  }

  const view: number[] = [];
  await getCaseAttack({ access });
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const v = await getCaseAttack({ access });
    view.push(performance.now() - t);
    if (v.claims.length !== CLAIMS) throw new Error(`expected ${CLAIMS} claims in the view, got ${v.claims.length}`);
  }

  const results = {
    generatedAt: new Date().toISOString(),
    machine: { cpus: os.cpus().length, load: os.loadavg().map(round) },
    groups: catalog.groups.length,
    overlap: {
      observedTechniques: observed.length,
      p50Ms: round(p(overlapFull, 50)),
      p95Ms: round(p(overlapFull, 95)),
      tenTechniques: { p50Ms: round(p(overlapSmall, 50)), p95Ms: round(p(overlapSmall, 95)) },
      targetMs: OVERLAP_TARGET_MS,
    },
    view: { claims: CLAIMS, p50Ms: round(p(view, 50)), p95Ms: round(p(view, 95)), targetP95Ms: VIEW_P95_TARGET_MS },
  };
  mkdirSync(path.resolve(__dirname, "../bench"), { recursive: true });
  writeFileSync(path.resolve(__dirname, "../bench/attack-results.json"), JSON.stringify(results, null, 2) + "\n");
  console.log(JSON.stringify(results, null, 2));
  await db.$disconnect();
  await database.stop();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
