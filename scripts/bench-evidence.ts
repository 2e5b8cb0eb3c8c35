// npm run bench:evidence — the reader with a 1 MB document and 500 highlights, and a 2,000-claim table,
// measured over real HTTP against the production build and in Chromium. Writes bench/evidence-results.json.
// A benchmark, not a test: figures go in the README.
import { writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { ROOT, machine, signIn, startBenchApp, summary, timer } from "./lib/bench-harness";

const PORT = Number(process.env.BENCH_PORT ?? 3300);
const PG_PORT = Number(process.env.BENCH_PG_PORT ?? 54359);

async function main() {
  const { base: BASE, stop } = await startBenchApp({ port: PORT, pgPort: PG_PORT, dataDir: ".data/bench" });
  try {
    const { generate } = await import("./lib/bench-evidence-data");
    const t0 = performance.now();
    const data = await generate();
    console.log(
      `bench: generated ${data.claims} claims, ${data.highlights} highlights on a ${(data.bigDocChars / 1e6).toFixed(2)} M-character document in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );

    const cookie = await signIn({ base: BASE, email: "analyst@example.com", password: "albania-analyst-2022" });
    const { timed, repeat: repeatRun } = timer({ base: BASE, cookie });
    const repeat = (n: number, urls: (i: number) => string) => repeatRun(n, (i) => timed(urls(i)));
    await timed(`/cases/${data.caseId}/documents/${data.bigDocId}`); // warm-up
    const sorts = ["created", "credibility", "reliability", "kind", "status", "statement", "source"];
    const results = {
      machine: machine(),
      at: new Date().toISOString(),
      data,
      readerPageServer: await repeat(20, () => `/cases/${data.caseId}/documents/${data.bigDocId}`),
      claimsApiPage: await repeat(
        40,
        (i) => `/api/cases/${data.caseId}/claims?page=${(i % 40) + 1}&sort=${sorts[i % sorts.length]}&dir=${i % 2 ? "asc" : "desc"}`,
      ),
      claimsApiFiltered: await repeat(
        40,
        (i) =>
          `/api/cases/${data.caseId}/claims?kind=${["fact", "allegation", "assessment", "denial"][i % 4]}&credibility=${(i % 6) + 1}&sort=reliability`,
      ),
      claimsPageServer: await repeat(20, (i) => `/cases/${data.caseId}/claims?page=${(i % 40) + 1}`),
      browser: await browserTimings({ base: BASE, cookie, caseId: data.caseId, docId: data.bigDocId }),
    };
    mkdirSync(path.join(ROOT, "bench"), { recursive: true });
    writeFileSync(path.join(ROOT, "bench/evidence-results.json"), JSON.stringify(results, null, 2));
    console.table({
      "reader page (server, 1 MB + 500 highlights)": results.readerPageServer,
      "claims API page of 50 (2,000 claims, 7 sorts)": results.claimsApiPage,
      "claims API filtered + sorted": results.claimsApiFiltered,
      "claims table page (server)": results.claimsPageServer,
    });
    console.table(results.browser);
    const { disconnectDb } = await import("@/lib/db");
    await disconnectDb();
  } finally {
    stop();
  }
}

/** What the analyst feels: time until the reader shows all highlights, and until a claims page change renders. */
async function browserTimings({ base: BASE, cookie, caseId, docId }: { base: string; cookie: string; caseId: string; docId: string }) {
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"],
  });
  try {
    const context = await browser.newContext({ baseURL: BASE });
    await context.addCookies(
      cookie.split("; ").map((c) => {
        const [name, ...v] = c.split("=");
        return { name, value: v.join("="), domain: "localhost", path: "/" };
      }),
    );
    const page = await context.newPage();
    const reader: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = Date.now();
      await page.goto(`/cases/${caseId}/documents/${docId}`, { waitUntil: "load" });
      await page.locator("[data-excerpt-ids], mark").nth(499).waitFor({ state: "attached", timeout: 60_000 });
      reader.push(Date.now() - t);
    }
    const table: number[] = [];
    await page.goto(`/cases/${caseId}/claims`, { waitUntil: "load" });
    for (let i = 0; i < 10; i++) {
      const first = await page.locator("tbody tr").first().innerText();
      const t = Date.now();
      await page.getByRole("button", { name: /next/i }).first().click();
      await page
        .waitForFunction((prev) => document.querySelector("tbody tr")?.textContent !== prev, first.replace(/\t/g, ""), { timeout: 30_000 })
        .catch(() => {});
      table.push(Date.now() - t);
    }
    return {
      "reader: load until 500th highlight is in the DOM (ms)": summary(reader),
      "claims table: next page rendered (ms)": summary(table),
    };
  } finally {
    await browser.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
