import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { ORIGIN } from "../e2e/fixtures";
import { bodies, FUZZ_SEED, seedFor } from "./fuzz-arbitraries";
import { buildCaseFixture, createCase, fillPath, listOperations, pool, send } from "./support";
import { ADMIN, freshUser, signInWith } from "./accounts";

// End-to-end companion of the property run: every route that takes a JSON body (from the OpenAPI
// document, so new routes are fuzzed without editing this file) gets the generated inputs of
// ./fuzz-arbitraries — fast-check's `anything`, malformed JSON, schema-shaped and valid values,
// wrong types, huge and odd strings, deep nesting and __proto__ keys — over real HTTP, through the
// production server (proxy, body parsing, headers). Whatever arrives, the answer is a 2xx or a 4xx,
// never a 5xx other than the upstream failures (502/504) a capture route documents.
//
// The 500-inputs-per-route property run is tests/security/fuzz-handlers.test.ts (Vitest, in
// process, also query strings); this spec sends 50 per route by default (FUZZ_RUNS overrides,
// FUZZ_SEED changes the seed) to keep `npm test` short (SECURITY.md).
const RUNS = Number(process.env.FUZZ_RUNS ?? 50);

async function signInAdmin(api: APIRequestContext) {
  const { csrfToken } = await (await api.get("/api/auth/csrf")).json();
  const res = await api.post("/api/auth/callback/credentials", {
    form: { email: "admin@example.com", password: "workspace-admin-2026", csrfToken, json: "true" },
    headers: { "x-forwarded-for": "10.7.7.7" },
  });
  expect(res.status()).toBe(200);
}

test("every route with a JSON body answers generated input without a server error", async ({ playwright, baseURL }) => {
  test.setTimeout(600_000);
  // The workspace admin has no cases of its own, so whatever valid input creates stays out of other tests' way.
  const api = await playwright.request.newContext({ baseURL });
  await signInAdmin(api);
  const ops = (await listOperations(api)).filter((op) => op.jsonBody && !op.public && !op.path.startsWith("/api/auth/"));
  // A password change with a wrong current password counts as a failed sign-in for its account (lib/auth/login-throttle.ts).
  // Fuzzed as the shared demo admin, it made the admin's account back off, and specs running beside this one got 429
  // when they signed in as the admin: that route is fuzzed as a throwaway account of its own.
  const own = await playwright.request.newContext({ baseURL });
  const anon = await playwright.request.newContext({ baseURL });
  const throwaway = await freshUser(api, anon, "fuzz");
  await signInWith(own, throwaway.email, throwaway.password);
  const clientFor = (path: string) => (path === "/api/me/password" ? own : api);
  const marker = `FUZZ${randomUUID().slice(0, 8)}`;
  const caseId = await createCase(api, `Fuzz probe ${marker}`);
  const ids = await buildCaseFixture(api, caseId, marker);

  const started = Date.now();
  const failures: string[] = [];
  const statuses: Record<number, number> = {};
  let sent = 0;
  for (const op of ops) {
    const inputs = fc.sample(bodies(op, ids), { numRuns: RUNS, seed: seedFor(op) });
    await pool(inputs, 8, async (body) => {
      const res = await send(clientFor(op.path), op.method, fillPath(op.path, ids), {
        data: body,
        headers: { ...ORIGIN, "content-type": "application/json" },
      });
      const status = res.status();
      statuses[status] = (statuses[status] ?? 0) + 1;
      sent++;
      // 502/504 are documented upstream failures of URL capture, not our own errors.
      if (status >= 500 && !(status === 502 || status === 504))
        failures.push(`${op.method.toUpperCase()} ${op.path} → ${status} for ${body.slice(0, 300)}: ${(await res.text()).slice(0, 300)}`);
    });
  }
  // The server is still healthy afterwards.
  expect((await api.get("/api/cases")).status()).toBe(200);
  console.log(
    `fuzz: ${ops.length} routes × ${RUNS} inputs = ${sent} requests in ${Math.round((Date.now() - started) / 1000)} s (seed ${FUZZ_SEED}); statuses ${JSON.stringify(statuses)}`,
  );
  expect(failures.slice(0, 20)).toEqual([]);
  // The admin was never made to wait: it still signs in at once.
  const again = await playwright.request.newContext({ baseURL });
  await signInWith(again, ADMIN.email, ADMIN.password);
  await Promise.all([api, own, anon, again].map((c) => c.dispose()));
});
