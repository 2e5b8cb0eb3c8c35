import { expect, type APIRequestContext, type APIResponse, type PlaywrightWorkerArgs } from "@playwright/test";
import { ORIGIN, signIn, type DemoUser } from "../e2e/fixtures";
import { operationsFromDocument, type Ids, type Method, type Operation } from "./fuzz-openapi";

// Shared by the security specs: signed-in API clients, the route list from the OpenAPI document,
// and a fixture of one record of every kind in a case, so a path like
// /api/cases/{caseId}/claims/{claimId} can be filled with ids that really exist.

export type { Ids, JsonSchema, Method, Operation } from "./fuzz-openapi";
export { fillPath, resolveRefs } from "./fuzz-openapi";
export const MUTATING: ReadonlySet<Method> = new Set(["post", "put", "patch", "delete"]);

export const OC_CASE_TITLE = "Albanian organised crime";
export const ALBANIA_CASE_TITLE = "2022 Albania government cyberattacks";

type Playwright = PlaywrightWorkerArgs["playwright"];

/** A cookie-authenticated API client for one demo user (its own cookie jar). */
export async function clientFor(playwright: Playwright, baseURL: string, who: DemoUser, ip = "10.9.9.9"): Promise<APIRequestContext> {
  const ctx = await playwright.request.newContext({ baseURL });
  await signIn(ctx, who, ip);
  return ctx;
}

export async function anonymousClient(playwright: Playwright, baseURL: string) {
  return playwright.request.newContext({ baseURL });
}

/** Every documented operation: the test's route list, so a new route is covered without editing a test. */
export async function listOperations(api: APIRequestContext): Promise<Operation[]> {
  const res = await api.get("/api/openapi.json");
  expect(res.status()).toBe(200);
  const ops = operationsFromDocument(await res.json());
  expect(ops.length, "the OpenAPI document lists routes").toBeGreaterThan(30);
  return ops;
}

/**
 * The query string a probe sends: required parameters (an enum's first value, an id from `ids`, or
 * `text` — e.g. a marker that must not be found), plus any optional id parameter `ids` knows (such
 * as caseId on a search), so scoping by query is probed as well as scoping by path.
 */
export function fillQuery(op: Operation, ids: Ids, text: string): string {
  const pairs: [string, string][] = [];
  for (const q of op.query) {
    const known = ids[q.name] ?? (q.schema.format === "uuid" ? ids.claimId : undefined);
    if (!q.required && !(q.name in ids)) continue;
    const value = Array.isArray(q.schema.enum) ? String(q.schema.enum[0]) : (known ?? text);
    pairs.push([q.name, value]);
  }
  return pairs.length ? `?${new URLSearchParams(pairs)}` : "";
}

/**
 * A body the route would accept from a member allowed to act, built from `ids` (so probing with the
 * other case's ids puts them in the body too); {} for routes not listed, which then test the checks
 * that run before validation. Refusals must come from authorization, not from a malformed body.
 */
export function plausibleBody(op: Operation, ids: Ids, marker: string): unknown {
  if (!MUTATING.has(op.method)) return undefined;
  const bodies: Record<string, unknown> = {
    "post /api/cases": { title: `Case ${marker}` },
    "post /api/tokens": { name: `csrf token ${marker}` },
    "patch /api/cases/{caseId}": { version: 1, title: `Renamed ${marker}` },
    "post /api/cases/{caseId}/documents": { title: `Doc ${marker}`, text: `Text ${marker}` },
    "put /api/cases/{caseId}/documents/{documentId}/source": { sourceId: ids.sourceId },
    "patch /api/cases/{caseId}/documents/{documentId}/metadata": { version: 1, reason: "Corrected", title: `Document ${marker}` },
    "post /api/cases/{caseId}/sources": { name: `Source ${marker}`, kind: "outlet", reliability: "B", rationale: "r" },
    "patch /api/cases/{caseId}/sources/{sourceId}": { version: 1, name: `Source ${marker}` },
    "post /api/cases/{caseId}/claims": {
      statement: `Claim ${marker}`,
      claimant: "c",
      kind: "fact",
      credibility: 2,
      excerpts: [{ documentId: ids.documentId, exact: "The operator" }],
      entityIds: [ids.entityId],
    },
    "patch /api/cases/{caseId}/claims/{claimId}": { version: 1, statement: `Claim ${marker}`, entityIds: [ids.entityId] },
    "post /api/cases/{caseId}/claims/{claimId}/links": { toClaimId: ids.otherClaimId, kind: "contradicts" },
    "put /api/cases/{caseId}/claims/{claimId}/techniques": { techniqueIds: ["T1486"] },
    "put /api/cases/{caseId}/entities/{entityId}/attack": { attackId: null },
    "post /api/cases/{caseId}/attack/overlap/claims": { groupId: "G0069" },
    "post /api/cases/{caseId}/entities": { kind: "person", name: `Entity ${marker}` },
    "post /api/cases/{caseId}/indicators": { type: "ipv4", value: "185.220.101[.]4", excerpts: [], claimIds: [ids.claimId] },
    "patch /api/cases/{caseId}/indicators/{indicatorId}": { version: 1, note: `Note ${marker}`, status: "retired" },
    "patch /api/cases/{caseId}/entities/{entityId}": { version: 1, name: `Entity ${marker}` },
    "post /api/cases/{caseId}/events": { title: `Event ${marker}`, date: "2022", claimIds: [ids.claimId] },
    "post /api/cases/{caseId}/questions": { question: `Question ${marker}` },
    "patch /api/cases/{caseId}/questions/{questionId}": { version: 1, question: `Question ${marker}` },
    "post /api/cases/{caseId}/hypotheses": { questionId: ids.questionId, title: `Hypothesis ${marker}` },
    "post /api/cases/{caseId}/comments": { targetType: "claim", targetId: ids.claimId, body: `Comment ${marker}` },
    "patch /api/hypotheses/{id}": { version: 1, reason: "probe", title: `Hypothesis ${marker}` },
    "put /api/hypotheses/{id}/ratings/{claimId}": { rating: "C" },
    "post /api/hypotheses/{id}/submit": { note: marker },
    "post /api/hypotheses/{id}/approve": { contentHash: "0".repeat(64) },
    "post /api/hypotheses/{id}/request-changes": { comment: `Changes ${marker}` },
    "post /api/cases/{caseId}/brief/approve": { contentHash: "0".repeat(64) },
    "post /api/cases/{caseId}/brief/request-changes": { comment: `Changes ${marker}` },
    "put /api/cases/{caseId}/brief": { version: 0, template: "summary", sections: ["judgments"] },
    "post /api/cases/{caseId}/brief/acknowledgements": { warningKey: "0".repeat(64), reason: "Checked by hand" },
    "post /api/cases/{caseId}/tasks": { title: `Task ${marker}`, dueDate: "2026-12-31", linkType: "claim", linkId: ids.claimId },
    "patch /api/cases/{caseId}/tasks/{taskId}": { version: 1, status: "in_progress" },
    "post /api/me/notifications/read": { all: true },
    "post /api/cases/{caseId}/members": { email: "investigator@example.com", role: "editor" },
    "put /api/cases/{caseId}/members/{userId}": { role: "owner" },
    "post /api/admin/users": { email: `${marker.toLowerCase()}@example.com`, name: `Invited ${marker}`, isAdmin: true },
    "put /api/admin/cases/{caseId}/members/{userId}": { role: "owner" },
  };
  const key = `${op.method} ${op.path}`;
  return key in bodies ? bodies[key] : {};
}

export async function send(
  api: APIRequestContext,
  method: Method,
  url: string,
  opts: { data?: unknown; headers?: Record<string, string> } = {},
): Promise<APIResponse> {
  return api.fetch(url, { method: method.toUpperCase(), headers: opts.headers, data: opts.data, maxRedirects: 0, failOnStatusCode: false });
}

async function post(api: APIRequestContext, url: string, data: unknown) {
  const res = await api.post(url, { data, headers: ORIGIN });
  expect(res.status(), `${url}: ${await res.text()}`).toBe(201);
  return res.json();
}

/**
 * Creates one record of every kind in `caseId` as a member allowed to write (owner), each carrying
 * `marker` so a leak of any of them is detectable, and returns the ids under their path-parameter
 * names (caseId, documentId, sourceId, claimId, linkId, entityId, questionId, id = hypothesis, tokenId, eventId, taskId).
 */
export async function buildCaseFixture(owner: APIRequestContext, caseId: string, marker: string): Promise<Ids> {
  const text = `Confidential note ${marker}. The operator ${marker} was seen in the harbour on 3 May.`;
  const { document } = await post(owner, `/api/cases/${caseId}/documents`, { title: `Document ${marker}`, text });
  const { source } = await post(owner, `/api/cases/${caseId}/sources`, {
    name: `Source ${marker}`,
    kind: "person",
    reliability: "C",
    rationale: `Rationale ${marker}`,
  });
  await owner.put(`/api/cases/${caseId}/documents/${document.id}/source`, { data: { sourceId: source.id }, headers: ORIGIN });
  const { entity } = await post(owner, `/api/cases/${caseId}/entities`, { kind: "person", name: `Entity ${marker}` });
  const claimBody = (statement: string) => ({
    statement,
    claimant: `Claimant ${marker}`,
    kind: "allegation",
    credibility: 3,
    excerpts: [{ documentId: document.id, exact: `The operator ${marker} was seen in the harbour` }],
    entityIds: [entity.id],
  });
  const { claim } = await post(owner, `/api/cases/${caseId}/claims`, claimBody(`Claim one ${marker}`));
  const { claim: other } = await post(owner, `/api/cases/${caseId}/claims`, claimBody(`Claim two ${marker}`));
  const { link } = await post(owner, `/api/cases/${caseId}/claims/${claim.id}/links`, { toClaimId: other.id, kind: "corroborates" });
  const { event } = await post(owner, `/api/cases/${caseId}/events`, {
    title: `Event ${marker}`,
    date: "2022-07-15",
    claimIds: [claim.id],
  });
  const { question } = await post(owner, `/api/cases/${caseId}/questions`, { question: `Who is ${marker}?` });
  const { hypothesis } = await post(owner, `/api/cases/${caseId}/hypotheses`, { questionId: question.id, title: `Hypothesis ${marker}` });
  const { task } = await post(owner, `/api/cases/${caseId}/tasks`, { title: `Task ${marker}`, linkType: "claim", linkId: claim.id });
  const { apiToken } = await post(owner, "/api/tokens", { name: `token ${marker}` });
  const { indicator } = await post(owner, `/api/cases/${caseId}/indicators`, {
    type: "domain",
    value: "fixture-evil[.]net",
    claimIds: [claim.id],
  });
  return {
    caseId,
    documentId: document.id,
    sourceId: source.id,
    entityId: entity.id,
    claimId: claim.id,
    otherClaimId: other.id,
    linkId: link.id,
    questionId: question.id,
    id: hypothesis.id,
    tokenId: apiToken.id,
    number: "1",
    eventId: event.id,
    taskId: task.id,
    indicatorId: indicator.id,
  };
}

/** A case's id by title, as `api`'s user sees it. */
export async function caseIdByTitle(api: APIRequestContext, title: string): Promise<string> {
  const { cases } = await (await api.get("/api/cases")).json();
  const found = cases.find((c: { title: string }) => c.title === title);
  expect(found, `case "${title}" is visible`).toBeTruthy();
  return found.id;
}

export async function createCase(api: APIRequestContext, title: string): Promise<string> {
  const { case: created } = await post(api, "/api/cases", { title, summary: "Security test case.", tlp: "AMBER" });
  return created.id;
}

/** The number of audit events in a case, optionally only those by one user (cheap "did anything change?"). */
export async function auditTotal(api: APIRequestContext, caseId: string, actorId?: string): Promise<number> {
  const res = await api.get(`/api/cases/${caseId}/audit`, { params: { pageSize: 1, ...(actorId ? { actorId } : {}) } });
  expect(res.status()).toBe(200);
  return (await res.json()).total;
}

/** The user id of a member of `caseId`, by email. */
export async function memberId(api: APIRequestContext, caseId: string, email: string): Promise<string> {
  const { members } = await (await api.get(`/api/cases/${caseId}`)).json();
  const m = members.find((x: { email: string }) => x.email === email);
  expect(m, `${email} is a member`).toBeTruthy();
  return m.userId;
}

/** Runs `fn` over `items`, at most `limit` at a time. */
export async function pool<T>(items: T[], limit: number, fn: (item: T, index: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        await fn(items[i], i);
      }
    }),
  );
}
