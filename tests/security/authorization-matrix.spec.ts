import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { ORIGIN, USERS, type DemoUser } from "../e2e/fixtures";
import {
  ALBANIA_CASE_TITLE,
  anonymousClient,
  auditTotal,
  buildCaseFixture,
  caseIdByTitle,
  clientFor,
  fillPath,
  fillQuery,
  listOperations,
  memberId,
  createCase,
  MUTATING,
  OC_CASE_TITLE,
  plausibleBody,
  pool,
  send,
  type Ids,
  type Operation,
} from "./support";

// Every documented route × every demo role, probed with ids from a case the user is not a member of.
// The route list comes from GET /api/openapi.json (which tests/integration/openapi.test.ts keeps
// complete), so a new route is covered here without editing this file.

/** The record ids a request body may refer to (not the case or hypothesis in the path). */
const pickIds = (ids: Ids): Ids => ({
  documentId: ids.documentId,
  sourceId: ids.sourceId,
  entityId: ids.entityId,
  claimId: ids.claimId,
  otherClaimId: ids.otherClaimId,
  questionId: ids.questionId,
});

const ROLES: DemoUser[] = ["analyst", "reviewer", "viewer", "investigator"];
/**
 * Case-scoped POSTs a viewer may make: presence only says "I have the case open" / "I closed it" (case.read), and
 * indicator extraction reads a document and stores nothing (indicators.read).
 */
const VIEWER_MAY = new Set([
  "post /api/cases/{caseId}/presence",
  "delete /api/cases/{caseId}/presence",
  "post /api/cases/{caseId}/documents/{documentId}/indicators/extract",
]);
const isAuthRoute = (path: string) => path.startsWith("/api/auth/");
/** Per-user resources (tokens) rather than case records: not part of the viewer-on-own-case check. */
const isUserScoped = (op: Operation) => op.path.startsWith("/api/tokens");

test("every route × every role refuses ids from a case the user is not a member of, and leaks nothing", async ({ playwright, baseURL }) => {
  test.slow();
  const clients = Object.fromEntries(
    await Promise.all(ROLES.map(async (r) => [r, await clientFor(playwright, baseURL!, r)] as const)),
  ) as Record<DemoUser, APIRequestContext>;
  const ops = (await listOperations(clients.analyst)).filter((op) => !op.public && !isAuthRoute(op.path));

  const albania = await caseIdByTitle(clients.analyst, ALBANIA_CASE_TITLE);
  const organised = await caseIdByTitle(clients.investigator, OC_CASE_TITLE);
  const tag = randomUUID().slice(0, 8);
  const albaniaMarker = `ALBMARK${tag}`;
  const ocMarker = `OCMARK${tag}`;
  const albaniaIds = await buildCaseFixture(clients.analyst, albania, albaniaMarker);
  const ocIds = await buildCaseFixture(clients.investigator, organised, ocMarker);

  // Each user's own case and the case they are not a member of (with the strings that must not leak).
  const scope: Record<DemoUser, { own: Ids; foreign: Ids; secrets: string[]; foreignOwner: APIRequestContext }> = {
    analyst: { own: albaniaIds, foreign: ocIds, secrets: [OC_CASE_TITLE, ocMarker], foreignOwner: clients.investigator },
    reviewer: { own: albaniaIds, foreign: ocIds, secrets: [OC_CASE_TITLE, ocMarker], foreignOwner: clients.investigator },
    viewer: { own: albaniaIds, foreign: ocIds, secrets: [OC_CASE_TITLE, ocMarker], foreignOwner: clients.investigator },
    investigator: { own: ocIds, foreign: albaniaIds, secrets: [ALBANIA_CASE_TITLE, albaniaMarker], foreignOwner: clients.analyst },
  };
  const userIds = Object.fromEntries(
    await Promise.all(
      ROLES.map(
        async (r) =>
          [
            r,
            r === "investigator"
              ? await memberId(clients.investigator, organised, USERS.investigator.email)
              : await memberId(clients.analyst, albania, USERS[r].email),
          ] as const,
      ),
    ),
  ) as Record<DemoUser, string>;
  const foreignAuditBefore = Object.fromEntries(
    await Promise.all(ROLES.map(async (r) => [r, await auditTotal(scope[r].foreignOwner, scope[r].foreign.caseId, userIds[r])] as const)),
  ) as Record<DemoUser, number>;

  type Probe = { role: DemoUser; op: Operation; url: string; kind: "foreign" | "mixed" | "listing" | "admin" };
  const probes: Probe[] = [];
  for (const role of ROLES) {
    const { own, foreign } = scope[role];
    for (const op of ops) {
      // Required query parameters carry the other case's ids and its marker text (a search for it must find nothing).
      const query = fillQuery(op, foreign, scope[role].secrets[1]);
      if (op.path.startsWith("/api/admin")) probes.push({ role, op, url: fillPath(op.path, foreign) + query, kind: "admin" });
      else if (op.params.length === 0) {
        // Not tied to one case (list my cases, search, my tokens, my review queue): a GET must not
        // mention the other case; creating things of one's own is allowed.
        if (op.method === "get") probes.push({ role, op, url: op.path + query, kind: "listing" });
      } else {
        probes.push({ role, op, url: fillPath(op.path, foreign) + query, kind: "foreign" });
        // The first id from the user's own case, the rest from the other: the route must scope child ids to the case.
        // A release {number} is per case, not an id: release 1 of one's own case is one's own.
        if (op.params.length > 1 && !op.params.includes("number")) {
          const [first, ...rest] = op.params;
          probes.push({
            role,
            op,
            url: fillPath(op.path, { ...Object.fromEntries(rest.map((p) => [p, foreign[p]])), [first]: own[first] }) + query,
            kind: "mixed",
          });
        }
      }
    }
  }

  const failures: string[] = [];
  await pool(probes, 8, async ({ role, op, url, kind }) => {
    const res = await send(clients[role], op.method, url, {
      data: plausibleBody(op, scope[role].foreign, tag),
      headers: MUTATING.has(op.method) ? ORIGIN : undefined,
    });
    const status = res.status();
    const body = await res.text();
    const label = `${role} ${op.method.toUpperCase()} ${op.path} (${kind}) → ${status}`;
    if ((kind === "foreign" || kind === "admin") && status !== 403 && status !== 404) failures.push(`${label}: expected 403 or 404`);
    if (kind === "mixed" && status < 400) failures.push(`${label}: expected a refusal`);
    if (kind === "listing" && status >= 500) failures.push(`${label}: server error`);
    for (const secret of scope[role].secrets) if (body.includes(secret)) failures.push(`${label}: response contains "${secret}"`);
  });

  // Ids of the other case inside the body of a request to one's own case (a claim quoting its document,
  // an event citing its claim, a hypothesis under its question...) are refused too. The analyst's own
  // case here is a fresh one, so its audit count is not disturbed by other tests.
  const ownFresh = await createCase(clients.analyst, `Matrix probe ${tag}`);
  const freshIds = await buildCaseFixture(clients.analyst, ownFresh, `FRESH${tag}`);
  const freshAuditBefore = await auditTotal(clients.analyst, ownFresh);
  const foreignIdValues = new Set(Object.values(ocIds).filter((v) => v.length === 36));
  const bodyProbes = ops.filter(
    (op) =>
      op.params.length > 0 &&
      JSON.stringify(plausibleBody(op, ocIds, tag) ?? null)
        .match(/[0-9a-f-]{36}/g)
        ?.some((v) => foreignIdValues.has(v)),
  );
  await pool(bodyProbes, 8, async (op) => {
    const res = await send(clients.analyst, op.method, fillPath(op.path, freshIds), {
      data: plausibleBody(op, { ...freshIds, ...pickIds(ocIds) }, tag),
      headers: ORIGIN,
    });
    const body = await res.text();
    if (res.status() < 400)
      failures.push(`analyst ${op.method.toUpperCase()} ${op.path} with the other case's ids in the body → ${res.status()}`);
    if (body.includes(ocMarker) || body.includes(OC_CASE_TITLE))
      failures.push(`analyst ${op.method.toUpperCase()} ${op.path} (body ids) leaked the other case`);
  });
  expect(await auditTotal(clients.analyst, ownFresh)).toBe(freshAuditBefore);

  // A viewer may read their own case but change nothing in it.
  const viewerOps = ops.filter(
    (op) => MUTATING.has(op.method) && op.params.length > 0 && !isUserScoped(op) && !op.path.startsWith("/api/admin"),
  );
  const viewerAuditBefore = await auditTotal(clients.analyst, albania, userIds.viewer);
  let viewerChecked = 0;
  await pool(viewerOps, 8, async (op) => {
    const res = await send(clients.viewer, op.method, fillPath(op.path, albaniaIds) + fillQuery(op, albaniaIds, albaniaMarker), {
      data: plausibleBody(op, albaniaIds, tag),
      headers: ORIGIN,
    });
    const key = `${op.method} ${op.path}`;
    viewerChecked++;
    if (VIEWER_MAY.has(key)) expect(res.status(), key).toBeLessThan(300);
    else if (res.status() !== 403) failures.push(`viewer ${key} on own case → ${res.status()}: expected 403`);
  });

  // Without a session every route is a 401 (the same-origin header is sent so the CSRF check does not answer first).
  const anon = await anonymousClient(playwright, baseURL!);
  await pool(ops, 8, async (op) => {
    const res = await send(anon, op.method, fillPath(op.path, albaniaIds) + fillQuery(op, albaniaIds, albaniaMarker), {
      data: MUTATING.has(op.method) ? {} : undefined,
      headers: ORIGIN,
    });
    if (res.status() !== 401) failures.push(`anonymous ${op.method.toUpperCase()} ${op.path} → ${res.status()}: expected 401`);
    const body = await res.text();
    if (body.includes(albaniaMarker) || body.includes(ALBANIA_CASE_TITLE))
      failures.push(`anonymous ${op.method.toUpperCase()} ${op.path} leaked the case`);
  });
  for (const open of ["/api/openapi.json", "/api/auth/csrf", "/api/auth/providers"])
    expect((await anon.get(open)).status(), open).toBe(200);

  expect(failures).toEqual([]);

  // Nothing changed: no audit event by any prober in the case they are not a member of, none by the
  // viewer in their own case, and the foreign records are as they were.
  for (const role of ROLES)
    expect(
      await auditTotal(scope[role].foreignOwner, scope[role].foreign.caseId, userIds[role]),
      `${role}'s audit events in the other case`,
    ).toBe(foreignAuditBefore[role]);
  expect(await auditTotal(clients.analyst, albania, userIds.viewer)).toBe(viewerAuditBefore);
  for (const [owner, ids] of [
    [clients.analyst, albaniaIds],
    [clients.investigator, ocIds],
  ] as const) {
    const claim = (await (await owner.get(`/api/cases/${ids.caseId}/claims/${ids.claimId}`)).json()).claim;
    expect(claim.version).toBe(1);
    expect(claim.links.map((l: { id: string }) => l.id)).toContain(ids.linkId);
    const hypothesis = (await (await owner.get(`/api/hypotheses/${ids.id}`)).json()).hypothesis;
    expect(hypothesis.version).toBe(1);
    const { tokens } = await (await owner.get("/api/tokens")).json();
    expect(tokens.map((t: { id: string }) => t.id)).toContain(ids.tokenId);
  }

  const counts = { foreign: 0, mixed: 0, listing: 0, admin: 0 };
  for (const p of probes) counts[p.kind]++;
  console.log(
    `authorization matrix: ${ops.length} operations; ${probes.length} (route × role) probes ` +
      `(${counts.foreign} with the other case's ids, ${counts.mixed} own case + other case's child ids, ${counts.listing} listings, ${counts.admin} admin); ` +
      `${bodyProbes.length} with the other case's ids in the body; ${viewerChecked} viewer writes on own case; ${ops.length} anonymous.`,
  );
  await Promise.all([...Object.values(clients), anon].map((c) => c.dispose()));
});
