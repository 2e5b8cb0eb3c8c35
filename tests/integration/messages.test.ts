// Issue 12, "Messages": a missing field says which and why, an enum error lists the allowed values,
// a body of the wrong content type is 415, and a stale approval hash says the submission is not the
// one shown. Through the real route handlers (Bearer token) on a real PostgreSQL.
import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { createQuestion } from "@/lib/attribution/questions";
import { createHypothesis } from "@/lib/attribution/hypotheses";
import { approveHypothesis, submitHypothesis } from "@/lib/review/review-hypothesis";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { ConflictError } from "@/lib/errors";
import { POST as postDocument } from "@/app/api/cases/[caseId]/documents/route";
import { POST as postSource } from "@/app/api/cases/[caseId]/sources/route";
import { GET as listClaims } from "@/app/api/cases/[caseId]/claims/route";
import { makeCase, makeUser } from "../support/factories";

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function setup() {
  const ana = await makeUser({ name: "Ana" });
  const rui = await makeUser({ name: "Rui" });
  const c = await makeCase({ owner: ana, members: [[rui, "reviewer"]] });
  const { token } = await createApiToken({ ctx: ana, name: "messages" });
  const send = async (
    handler: Handler,
    { path, method = "POST", body, type = "application/json" }: { path: string; method?: string; body?: string; type?: string | null },
  ) => {
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    if (type) headers["content-type"] = type;
    const res = await handler(new NextRequest(`http://localhost/api/cases/${c.id}${path}`, { method, headers, body }), {
      params: Promise.resolve({ caseId: c.id }),
    });
    return {
      status: res.status,
      body: (await res.json()) as { error?: { message: string; issues?: { path: string; message: string }[] } },
    };
  };
  return { ana, rui, c, send };
}

describe("error messages", () => {
  it("names a missing field and says it is required", async () => {
    const { send } = await setup();
    const res = await send(postDocument, { path: "/documents", body: JSON.stringify({ text: "Some words." }) });
    expect(res.status).toBe(422);
    expect(res.body.error?.issues).toEqual([{ path: "title", message: "title is required: it is missing from the request." }]);
  });

  it("lists the allowed values of a choice", async () => {
    const { send } = await setup();
    const res = await send(postSource, {
      path: "/sources",
      body: JSON.stringify({ name: "Ministry", kind: "ministry", reliability: "Z", rationale: "r" }),
    });
    expect(res.status).toBe(422);
    const byPath = Object.fromEntries(res.body.error!.issues!.map((i) => [i.path, i.message]));
    expect(byPath.kind).toBe(
      'Pick what kind of source this is. Allowed: "outlet", "vendor", "agency", "government", "advocacy", "person", "other".',
    );
    expect(byPath.reliability).toBe('Reliability must be a grade from A to F. Allowed: "A", "B", "C", "D", "E", "F".');
    // Query strings too.
    const query = await send(listClaims as Handler, { path: "/claims?sort=grade", method: "GET", type: null });
    expect(query.status).toBe(422);
    expect(query.body.error?.issues?.[0]).toEqual({
      path: "sort",
      message:
        'sort is not one of the allowed values. Allowed: "created", "credibility", "reliability", "kind", "status", "statement", "source".',
    });
  });

  it("answers a body of the wrong content type with 415, and reads JSON with a charset", async () => {
    const { send } = await setup();
    const form = await send(postSource, {
      path: "/sources",
      body: "name=Ministry&kind=government",
      type: "application/x-www-form-urlencoded",
    });
    expect(form.status).toBe(415);
    expect(form.body.error?.message).toBe("Send the body as JSON (Content-Type: application/json), not application/x-www-form-urlencoded.");
    const text = await send(postDocument, {
      path: "/documents",
      body: JSON.stringify({ title: "t", text: "x" }),
      type: "text/plain;charset=UTF-8",
    });
    expect(text.status).toBe(415);
    const json = await send(postSource, {
      path: "/sources",
      body: JSON.stringify({ name: "Ministry of Defence", kind: "government", reliability: "C", rationale: "Official." }),
      type: "application/json; charset=utf-8",
    });
    expect(json.status).toBe(201);
  });

  it("says a stale approval hash is not the submission shown", async () => {
    const { ana, rui, c } = await setup();
    const q = await createQuestion({ ctx: ana, access: { caseId: c.id, role: "owner" }, input: { question: "Who?" } });
    const h = await createHypothesis({ ctx: ana, access: { caseId: c.id, role: "owner" }, input: { questionId: q.id, title: "MOIS" } });
    await submitHypothesis({ ctx: ana, access: { caseId: c.id, role: "owner" }, hypothesisId: h.id, input: {} });
    const err = await approveHypothesis({
      ctx: rui,
      access: { caseId: c.id, role: "reviewer" },
      hypothesisId: h.id,
      input: { contentHash: "0".repeat(64) },
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect((err as ConflictError).message).toMatch(
      /^The submission you approved is not the one shown now: you approved version 000000000000, but the judgment waiting for review is [0-9a-f]{12}/,
    );
  });
});
