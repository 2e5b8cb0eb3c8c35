// npm run bench:ach — the ACH matrix at 200 claims × 8 hypotheses, partly rated by two raters, measured over
// real HTTP against the production build and in Chromium. Writes bench/ach-results.json.
// A benchmark, not a test: figures go in the README. Runs on its own port, PostgreSQL port and data dir, so
// it can run beside `npm start`, the e2e server and bench:evidence.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { ROOT, machine, percentile as pct, signIn, startBenchApp, summary, timer } from "./lib/bench-harness";

const PORT = Number(process.env.BENCH_PORT ?? 3310);
const PG_PORT = Number(process.env.BENCH_PG_PORT ?? 54369);
const DATA_DIR = process.env.BENCH_DATA_DIR ?? ".data/bench-ach";
const CLAIMS = 200;
const HYPOTHESES = 8;
const PUT_COUNT = 200;
const PUT_P95_TARGET_MS = 150;
const RATINGS = ["CC", "C", "N", "I", "II", "NA"] as const;

// Who rates what, deterministic so runs compare: the analyst rates about 60 % of the cells, the reviewer
// about 40 %, and where both rate they sometimes sit two or more steps apart (disagreement).
const analystRates = (i: number, j: number) => (i * 7 + j * 3) % 10 < 6;
const reviewerRates = (i: number, j: number) => (i * 5 + j * 11) % 10 < 4;
const analystRating = (i: number, j: number) => RATINGS[(i + j * 2) % 5];
const reviewerRating = (i: number, j: number) => RATINGS[(i * 3 + j) % 6];

async function generate() {
  const { db } = await import("@/lib/db");
  const { createCase } = await import("@/lib/cases/create-case");
  const { createPastedDocument } = await import("@/lib/documents/create-document");
  const { anchorExcerpt } = await import("@/lib/claims/verify-excerpt");
  const { createQuestion } = await import("@/lib/attribution/questions");
  const { createHypothesis } = await import("@/lib/attribution/hypotheses");

  const [analyst, reviewer] = await Promise.all(
    ["analyst@example.com", "reviewer@example.com"].map((email) => db.user.findUniqueOrThrow({ where: { email } })),
  );
  const ctx = { actor: { id: analyst.id, email: analyst.email, name: analyst.name, isAdmin: analyst.isAdmin }, requestId: "bench" };
  const c = await createCase({ ctx, input: { title: `Benchmark: ACH ${CLAIMS} claims × ${HYPOTHESES} hypotheses` } });
  const access = { caseId: c.id, role: "owner" as const };
  await db.caseMember.create({ data: { caseId: c.id, userId: reviewer.id, role: "reviewer" } });

  const seeds = ["000_14ff20742db8aebd.txt", "001_b92132f857757dcc.txt", "002_611f42bb94c1d655.txt"].map((f) =>
    readFileSync(path.join(ROOT, "prisma/demo", f), "utf8"),
  );
  const doc = (
    await createPastedDocument({
      ctx,
      access: { caseId: c.id, role: "owner" },
      input: { title: "Bench capture", text: seeds.join("\n\n") },
    })
  ).document;

  const claimRows: { id: string; statement: string; i: number }[] = [];
  const excerptRows: { claimId: string; documentId: string; start: number; end: number; exact: string; prefix: string; suffix: string }[] =
    [];
  for (let i = 0; i < CLAIMS; i++) {
    const at = Math.floor((i / CLAIMS) * (doc.text.length - 200));
    const start = doc.text.indexOf(" ", at) + 1;
    const end = start + 50 + ((i * 13) % 60);
    const a = anchorExcerpt({
      text: doc.text,
      excerpt: { documentId: doc.id, start, end, exact: doc.text.slice(start, end) },
      path: "bench",
    });
    const id = crypto.randomUUID();
    claimRows.push({ id, statement: `Bench claim ${i + 1}: ${a.exact}`, i });
    excerptRows.push({ claimId: id, ...a });
  }
  await db.claim.createMany({
    data: claimRows.map(({ id, statement, i }) => ({
      id,
      caseId: c.id,
      statement,
      claimant: `Claimant ${i % 11}`,
      kind: "fact" as const,
      credibility: (i % 5) + 1,
      status: "accepted" as const,
      createdById: analyst.id,
    })),
  });
  await db.excerpt.createMany({ data: excerptRows });

  const q = await createQuestion({ ctx, access, input: { question: "Who is behind the benchmark intrusions?" } });
  const hypotheses: string[] = [];
  for (let j = 0; j < HYPOTHESES; j++)
    hypotheses.push((await createHypothesis({ ctx, access, input: { questionId: q.id, title: `Hypothesis ${j + 1}` } })).id);

  const ratings: { hypothesisId: string; claimId: string; raterId: string; rating: (typeof RATINGS)[number] }[] = [];
  claimRows.forEach(({ id: claimId }, i) => {
    hypotheses.forEach((hypothesisId, j) => {
      if (analystRates(i, j)) ratings.push({ hypothesisId, claimId, raterId: analyst.id, rating: analystRating(i, j) });
      if (reviewerRates(i, j)) ratings.push({ hypothesisId, claimId, raterId: reviewer.id, rating: reviewerRating(i, j) });
    });
  });
  await db.achRating.createMany({ data: ratings });
  return { caseId: c.id, questionId: q.id, claimIds: claimRows.map((r) => r.id), hypotheses, ratings };
}

async function main() {
  const { base: BASE, stop } = await startBenchApp({ port: PORT, pgPort: PG_PORT, dataDir: DATA_DIR });
  try {
    const t0 = performance.now();
    const data = await generate();
    console.log(
      `bench: generated ${data.claimIds.length} claims × ${data.hypotheses.length} hypotheses with ${data.ratings.length} ratings by 2 raters in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );

    const cookie = await signIn({ base: BASE, email: "analyst@example.com", password: "albania-analyst-2022" });
    const { timed, repeat } = timer({ base: BASE, cookie });
    await timed(`/cases/${data.caseId}/ach`); // warm-up
    await timed(`/api/cases/${data.caseId}/ach`);

    const achApi = await repeat(30, () => timed(`/api/cases/${data.caseId}/ach?questionId=${data.questionId}`));
    const achPageServer = await repeat(20, () => timed(`/cases/${data.caseId}/ach`));
    // 200 sequential ratings over distinct cells, each a real PUT with the same-origin header.
    const puts: number[] = [];
    for (let i = 0; i < PUT_COUNT; i++) {
      const claimId = data.claimIds[i % data.claimIds.length];
      const hypothesisId = data.hypotheses[(i * 3) % data.hypotheses.length];
      const { ms } = await timed(`/api/hypotheses/${hypothesisId}/ratings/${claimId}`, {
        method: "PUT",
        headers: { origin: BASE, "content-type": "application/json" },
        body: JSON.stringify({ rating: RATINGS[i % RATINGS.length], note: i % 4 === 0 ? `Bench note ${i}` : "" }),
      });
      puts.push(ms);
    }
    const putRating = {
      ...summary(puts),
      p99: pct(puts, 99),
      targetP95Ms: PUT_P95_TARGET_MS,
      meetsTarget: pct(puts, 95) <= PUT_P95_TARGET_MS,
    };

    // What the browser recomputes on every rating, timed here in Node on the same data.
    const { computeAchScores } = await import("@/lib/attribution/ach-scores");
    const compute: number[] = [];
    for (let i = 0; i < 30; i++) {
      const t = performance.now();
      computeAchScores({ hypothesisIds: data.hypotheses, claimIds: data.claimIds, ratings: data.ratings });
      compute.push(performance.now() - t);
    }

    const results = {
      machine: machine(),
      at: new Date().toISOString(),
      data: { claims: data.claimIds.length, hypotheses: data.hypotheses.length, ratings: data.ratings.length, raters: 2 },
      achApi,
      achPageServer,
      putRating,
      computeAchScoresNode: summary(compute),
      browser: await browserTimings({ base: BASE, cookie, caseId: data.caseId, claimIds: data.claimIds, hypotheses: data.hypotheses }),
    };
    mkdirSync(path.join(ROOT, "bench"), { recursive: true });
    writeFileSync(path.join(ROOT, "bench/ach-results.json"), JSON.stringify(results, null, 2));
    console.table({
      "GET /api/cases/{id}/ach (200 × 8)": achApi,
      "ACH page (server render)": achPageServer,
      "PUT rating round trip": putRating,
      "computeAchScores in Node": results.computeAchScoresNode,
    });
    console.table(results.browser);
    const { disconnectDb } = await import("@/lib/db");
    await disconnectDb();
  } finally {
    stop();
  }
}

/** What the analyst feels: time until the grid is interactive, and from a rating key to updated scores. */
async function browserTimings({
  base: BASE,
  cookie,
  caseId,
  claimIds,
  hypotheses,
}: {
  base: string;
  cookie: string;
  caseId: string;
  claimIds: string[];
  hypotheses: string[];
}) {
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"],
  });
  try {
    const context = await browser.newContext({ baseURL: BASE, viewport: { width: 1440, height: 900 } });
    await context.addCookies(
      cookie.split("; ").map((c) => {
        const [name, ...v] = c.split("=");
        return { name, value: v.join("="), domain: "localhost", path: "/" };
      }),
    );
    const page = await context.newPage();
    const load: number[] = [];
    const lastCell = `[data-testid="ach-cell"][data-claim-id="${claimIds.at(-1)}"][data-hypothesis-id="${hypotheses.at(-1)}"]`;
    for (let i = 0; i < 5; i++) {
      const t = Date.now();
      await page.goto(`/cases/${caseId}/ach`, { waitUntil: "commit" });
      await page.locator('table[data-ready="true"]').waitFor({ state: "attached", timeout: 60_000 });
      await page.locator(lastCell).waitFor({ state: "attached" });
      load.push(Date.now() - t);
    }
    // Cells nobody rated (neither the generated ratings nor the PUT phase, which rated claim i against
    // hypothesis 3i mod 8), so each rating moves its column's inconsistency.
    const targets: { claimId: string; hypothesisId: string }[] = [];
    claimIds.forEach((claimId, i) =>
      hypotheses.forEach((hypothesisId, j) => {
        if (!analystRates(i, j) && !reviewerRates(i, j) && j !== (i * 3) % hypotheses.length) targets.push({ claimId, hypothesisId });
      }),
    );
    const keyToScores: number[] = [];
    const inPage: number[] = [];
    type Probe = { __achProbe?: Promise<number> };
    for (let i = 0; i < 20; i++) {
      const { claimId, hypothesisId } = targets[(i * 7) % targets.length];
      const cell = page.locator(`[data-testid="ach-cell"][data-claim-id="${claimId}"][data-hypothesis-id="${hypothesisId}"]`);
      const scoreSel = `[data-testid="ach-inconsistency"][data-hypothesis-id="${hypothesisId}"] [data-testid="ach-inconsistency-value"]`;
      await cell.focus();
      const key = (await cell.getAttribute("data-mine")) === "I" ? "c" : "i";
      const before = await page.locator(scoreSel).innerText();
      // In page: from the keydown event to the score text changing in the DOM (no automation round trips).
      await page.evaluate(
        ({ scoreSel, before }) => {
          const el = document.querySelector(scoreSel)!;
          (window as Probe).__achProbe = new Promise<number>((resolve) => {
            let start = 0;
            document.addEventListener(
              "keydown",
              () => {
                start = performance.now();
              },
              { once: true, capture: true },
            );
            const obs = new MutationObserver(() => {
              if (el.textContent !== before) {
                obs.disconnect();
                resolve(performance.now() - start);
              }
            });
            obs.observe(el, { characterData: true, childList: true, subtree: true });
          });
        },
        { scoreSel, before },
      );
      const t = Date.now();
      await page.keyboard.press(key);
      await page.waitForFunction(
        ({ scoreSel, before }) => document.querySelector(scoreSel)?.textContent !== before,
        { scoreSel, before },
        { timeout: 10_000 },
      );
      keyToScores.push(Date.now() - t);
      inPage.push(await page.evaluate(() => (window as Probe).__achProbe!));
      // Let the PUT land so the next key is not queued behind it.
      await page.waitForTimeout(750);
    }
    return {
      "page load until the 200 × 8 grid is interactive (ms)": summary(load),
      "rating key → scores updated, via automation (ms)": summary(keyToScores),
      "rating key → scores updated, in page (ms)": summary(inPage),
    };
  } finally {
    await browser.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
