// npm run bench:evidence — the reader with a 1 MB document and 500 highlights, and a 2,000-claim table,
// measured over real HTTP against the production build and in Chromium. Writes bench/evidence-results.json.
// A benchmark, not a test: figures go in the README.
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const ROOT = path.resolve(__dirname, "..");
const PORT = Number(process.env.BENCH_PORT ?? 3300);
const PG_PORT = Number(process.env.BENCH_PG_PORT ?? 54359);
const DATA_DIR = path.join(ROOT, ".data/bench");
const BASE = `http://localhost:${PORT}`;

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] * 10) / 10;
};
const summary = (xs: number[]) => ({ n: xs.length, p50: pct(xs, 50), p95: pct(xs, 95), max: pct(xs, 100) });

async function waitFor(url: string, ms: number) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`${url} did not answer within ${ms / 1000} s`);
}

async function main() {
  const server = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(ROOT, "scripts/start.ts")], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(PORT), APP_DATA_DIR: DATA_DIR, EMBEDDED_PG_PORT: String(PG_PORT), E2E_RESET: "1", DATABASE_URL: "", NEXTAUTH_URL: BASE },
    stdio: ["ignore", "inherit", "inherit"],
    detached: true,
  });
  const stop = () => {
    try {
      process.kill(-server.pid!, "SIGTERM");
    } catch {
      /* already gone */
    }
  };
  process.on("exit", stop);
  try {
    await waitFor(`${BASE}/login`, 600_000);
    const password = readFileSync(path.join(DATA_DIR, "postgres/password"), "utf8").trim();
    process.env.DATABASE_URL = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${PG_PORT}/casefile`;
    const { generate } = await import("./lib/bench-evidence-data");
    const t0 = performance.now();
    const data = await generate();
    console.log(`bench: generated ${data.claims} claims, ${data.highlights} highlights on a ${(data.bigDocChars / 1e6).toFixed(2)} M-character document in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const cookie = await signIn();
    const timed = async (url: string) => {
      const t = performance.now();
      const res = await fetch(BASE + url, { headers: { cookie } });
      const body = await res.arrayBuffer();
      if (!res.ok) throw new Error(`${url} → ${res.status}`);
      return { ms: performance.now() - t, bytes: body.byteLength };
    };
    const repeat = async (n: number, urls: (i: number) => string) => {
      const out: { ms: number; bytes: number }[] = [];
      for (let i = 0; i < n; i++) out.push(await timed(urls(i)));
      return { ...summary(out.map((o) => o.ms)), bytes: Math.round(out.reduce((a, o) => a + o.bytes, 0) / n) };
    };
    await timed(`/cases/${data.caseId}/documents/${data.bigDocId}`); // warm-up
    const sorts = ["created", "credibility", "reliability", "kind", "status", "statement", "source"];
    const results = {
      machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
      at: new Date().toISOString(),
      data,
      readerPageServer: await repeat(20, () => `/cases/${data.caseId}/documents/${data.bigDocId}`),
      claimsApiPage: await repeat(40, (i) => `/api/cases/${data.caseId}/claims?page=${(i % 40) + 1}&sort=${sorts[i % sorts.length]}&dir=${i % 2 ? "asc" : "desc"}`),
      claimsApiFiltered: await repeat(40, (i) => `/api/cases/${data.caseId}/claims?kind=${["fact", "allegation", "assessment", "denial"][i % 4]}&credibility=${(i % 6) + 1}&sort=reliability`),
      claimsPageServer: await repeat(20, (i) => `/cases/${data.caseId}/claims?page=${(i % 40) + 1}`),
      browser: await browserTimings({ cookie, caseId: data.caseId, docId: data.bigDocId }),
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

async function signIn() {
  const csrfRes = await fetch(`${BASE}/api/auth/csrf`);
  const jar = (csrfRes.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0]);
  const { csrfToken } = await csrfRes.json();
  const res = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ email: "analyst@example.com", password: "albania-analyst-2022", csrfToken, json: "true" }),
    redirect: "manual",
  });
  const all = [...jar, ...(res.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0])];
  const session = all.filter((c) => c.includes("session-token"));
  if (!session.length) throw new Error("bench: sign-in failed");
  return all.join("; ");
}

/** What the analyst feels: time until the reader shows all highlights, and until a claims page change renders. */
async function browserTimings({ cookie, caseId, docId }: { cookie: string; caseId: string; docId: string }) {
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"] });
  try {
    const context = await browser.newContext({ baseURL: BASE });
    await context.addCookies(cookie.split("; ").map((c) => {
      const [name, ...v] = c.split("=");
      return { name, value: v.join("="), domain: "localhost", path: "/" };
    }));
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
      await page.waitForFunction((prev) => document.querySelector("tbody tr")?.textContent !== prev, first.replace(/\t/g, ""), { timeout: 30_000 }).catch(() => {});
      table.push(Date.now() - t);
    }
    return { "reader: load until 500th highlight is in the DOM (ms)": summary(reader), "claims table: next page rendered (ms)": summary(table) };
  } finally {
    await browser.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
