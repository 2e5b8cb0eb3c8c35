import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import {
  auditTotal,
  buildCaseFixture,
  clientFor,
  createCase,
  fillPath,
  listOperations,
  MUTATING,
  plausibleBody,
  pool,
  send,
} from "./support";

// Cookie-authenticated state changes from another origin (or with no Origin at all) are refused on
// every documented route, before anything is read or written. The owner sends bodies that would
// succeed from our own origin, so a missing check shows up as a change, not just a status.

test("a cookie request that changes state from another origin, or without an Origin, is refused and changes nothing", async ({
  playwright,
  baseURL,
}) => {
  test.slow();
  const analyst = await clientFor(playwright, baseURL!, "analyst");
  const ops = (await listOperations(analyst)).filter((op) => MUTATING.has(op.method) && !op.public && !op.path.startsWith("/api/auth/"));
  const marker = `CSRF${randomUUID().slice(0, 8)}`;
  const caseId = await createCase(analyst, `CSRF probe ${marker}`);
  const ids = await buildCaseFixture(analyst, caseId, marker);
  const before = await auditTotal(analyst, caseId);

  const port = new URL(baseURL!).port;
  const origins: (string | null)[] = [
    "https://evil.example",
    null,
    "null",
    `http://localhost:${port}.evil.example`,
    `http://evil.example:${port}`,
  ];
  const failures: string[] = [];
  let checked = 0;
  await pool(
    ops.flatMap((op) => origins.map((origin) => ({ op, origin }))),
    8,
    async ({ op, origin }) => {
      const res = await send(analyst, op.method, fillPath(op.path, ids), {
        data: plausibleBody(op, ids, marker),
        headers: origin === null ? undefined : { origin },
      });
      checked++;
      if (res.status() !== 403) failures.push(`${op.method.toUpperCase()} ${op.path} with Origin ${origin ?? "(none)"} → ${res.status()}`);
    },
  );
  expect(failures).toEqual([]);
  console.log(`CSRF: ${ops.length} state-changing operations × ${origins.length} origins = ${checked} requests refused.`);

  // Nothing was written: no audit event in the case, no new case or token, the fixture records unchanged.
  expect(await auditTotal(analyst, caseId)).toBe(before);
  const { cases } = await (await analyst.get("/api/cases")).json();
  expect(cases.filter((c: { title: string }) => c.title.includes(marker)).map((c: { id: string }) => c.id)).toEqual([caseId]);
  const { tokens } = await (await analyst.get("/api/tokens")).json();
  expect(tokens.filter((t: { name: string }) => t.name === `csrf token ${marker}`)).toEqual([]);
  expect(tokens.map((t: { id: string }) => t.id)).toContain(ids.tokenId);
  const claim = (await (await analyst.get(`/api/cases/${caseId}/claims/${ids.claimId}`)).json()).claim;
  expect(claim.version).toBe(1);
  expect(claim.links.map((l: { id: string }) => l.id)).toContain(ids.linkId);
  await analyst.dispose();
});
