// HTTP plumbing for the benchmark: sign-in through next-auth's credentials endpoint, timed requests that
// read the server's x-sql-count header (PRISMA_QUERY_COUNT=1), and latency statistics.

export type Sample = { ms: number; status: number; sql: number | null; sqlTotal: number | null; bytes: number };

/** Nearest-rank percentile (p in 0–100) of unsorted values. */
export function percentile(xs: number[], p: number) {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}
const r1 = (x: number) => Math.round(x * 10) / 10;

export type Stats = {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  errors: number;
  sqlPerRequest: { median: number | null; max: number | null };
  avgBytes: number;
};

export function stats(samples: Sample[], ok = (s: Sample) => s.status >= 200 && s.status < 300): Stats {
  const ms = samples.map((s) => s.ms);
  const sql = samples.map((s) => s.sql).filter((x): x is number => x !== null);
  return {
    n: samples.length,
    p50: r1(percentile(ms, 50)),
    p95: r1(percentile(ms, 95)),
    p99: r1(percentile(ms, 99)),
    max: r1(percentile(ms, 100)),
    errors: samples.filter((s) => !ok(s)).length,
    sqlPerRequest: { median: sql.length ? percentile(sql, 50) : null, max: sql.length ? percentile(sql, 100) : null },
    avgBytes: Math.round(samples.reduce((a, s) => a + s.bytes, 0) / Math.max(1, samples.length)),
  };
}

/** Latency histogram with fixed bucket edges (ms), for the concurrent claim-creation run. */
export function histogram(ms: number[], edges = [25, 50, 100, 150, 200, 250, 300, 500, 750, 1000, 2000, 5000]) {
  const out: Record<string, number> = {};
  let lo = 0;
  for (const e of [...edges, Infinity]) {
    out[e === Infinity ? `>${lo}` : `${lo}-${e}`] = ms.filter((x) => x >= lo && x < e).length;
    lo = e;
  }
  return out;
}

export class Http {
  constructor(readonly base: string) {}

  async signIn(email: string, password: string) {
    const csrfRes = await fetch(`${this.base}/api/auth/csrf`);
    const jar = (csrfRes.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0]);
    const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
    const res = await fetch(`${this.base}/api/auth/callback/credentials`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
      body: new URLSearchParams({ email, password, csrfToken, json: "true" }),
      redirect: "manual",
    });
    await res.arrayBuffer();
    const all = [...jar, ...(res.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0])];
    // next-auth's session cookie ("next-auth.session-token", or "casefile.session" with custom cookie names).
    if (!all.some((c) => /session/i.test(c.split("=")[0]))) throw new Error(`bench: sign-in failed for ${email} (${res.status})`);
    return all.join("; ");
  }

  /** One request, timed until the whole body has arrived. Never throws on an HTTP error status. */
  async timed(cookie: string, url: string, init: RequestInit = {}): Promise<Sample & { body: Buffer }> {
    const t = performance.now();
    const res = await fetch(this.base + url, {
      ...init,
      redirect: "manual",
      headers: { cookie, ...(init.headers as Record<string, string>) },
    });
    const body = Buffer.from(await res.arrayBuffer());
    const ms = performance.now() - t;
    const num = (h: string) => (res.headers.get(h) === null ? null : Number(res.headers.get(h)));
    return { ms, status: res.status, sql: num("x-sql-count"), sqlTotal: num("x-sql-total"), bytes: body.length, body };
  }
}
