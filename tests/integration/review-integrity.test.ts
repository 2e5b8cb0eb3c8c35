// The two-person rule without gaps (issue 12): every bypass is tried through the route handlers (Bearer
// tokens, real Requests) and directly in SQL on the app's own connection (the casefile_app role), and
// fails. Regression: an owner could edit a judgment's likelihood, let the author submit it and approve
// their own edit, because only the original author was barred.
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createQuestion } from "@/lib/attribution/questions";
import { createHypothesis } from "@/lib/attribution/hypotheses";
import { hypothesisHash } from "@/lib/attribution/content-hash";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { jsonError } from "@/lib/http/route";
import { createEntity } from "@/lib/entities/create-entity";
import * as hypothesisRoute from "@/app/api/hypotheses/[id]/route";
import * as submitRoute from "@/app/api/hypotheses/[id]/submit/route";
import * as approveRoute from "@/app/api/hypotheses/[id]/approve/route";
import * as requestChangesRoute from "@/app/api/hypotheses/[id]/request-changes/route";
import { makeCase, makeUser } from "../support/factories";
import type { Ctx } from "@/lib/auth/actor";

type Route = { [m: string]: unknown };
async function call(route: Route, method: "GET" | "POST" | "PATCH", { token, id, body }: { token: string; id: string; body?: unknown }) {
  const handler = route[method] as (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
  const req = new NextRequest(`http://casefile.test/api/hypotheses/${id}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const res = await handler(req, { params: Promise.resolve({ id }) });
  return { status: res.status, body: await res.json() };
}

/** Ed (editor) writes the judgment; Ana owns the case; Rui reviews. */
async function setup() {
  const ana = await makeUser({ name: "Ana Owner" });
  const ed = await makeUser({ name: "Ed Author" });
  const rui = await makeUser({ name: "Rui Reviewer" });
  const c = await makeCase({
    owner: ana,
    members: [
      [ed, "editor"],
      [rui, "reviewer"],
    ],
  });
  const q = await createQuestion({
    ctx: ed,
    access: { caseId: c.id, role: "editor" },
    input: { question: "Who carried out the July 2022 attack?" },
  });
  const h = await createHypothesis({
    ctx: ed,
    access: { caseId: c.id, role: "editor" },
    input: { questionId: q.id, title: "Iran's MOIS-linked operators", likelihood: "likely", confidence: "moderate" },
  });
  const token = async (u: Ctx) => (await createApiToken({ ctx: u, name: "t" })).token;
  return { ana, ed, rui, c, h, tokens: { ana: await token(ana), ed: await token(ed), rui: await token(rui) } };
}

const current = async (id: string) => db.hypothesis.findUniqueOrThrow({ where: { id } });
const dbHash = async (id: string) =>
  (await db.$queryRaw<{ hash: string }[]>`SELECT hypothesis_content_hash(h) AS hash FROM hypotheses h WHERE id = ${id}::uuid`)[0].hash;

describe("nobody approves content they changed", () => {
  it("an owner who edited the likelihood cannot approve it after the author submits: 403 through the API, refused in SQL; a second person can", async () => {
    const { ana, ed, rui, h, tokens } = await setup();
    const edit = await call(hypothesisRoute, "PATCH", {
      token: tokens.ana,
      id: h.id,
      body: { version: 1, reason: "Microsoft's report is stronger than we said", likelihood: "very_likely" },
    });
    expect(edit.status).toBe(200);
    expect((await call(submitRoute, "POST", { token: tokens.ed, id: h.id, body: {} })).status).toBe(200);
    const { contentHash, barredReviewerIds } = (await call(hypothesisRoute, "GET", { token: tokens.ana, id: h.id })).body.hypothesis;
    // The page is told whom to hide Approve from: the author and the owner who changed it, not Rui.
    expect([...barredReviewerIds].sort()).toEqual([ana.actor.id, ed.actor.id].sort());

    const own = await call(approveRoute, "POST", { token: tokens.ana, id: h.id, body: { contentHash } });
    expect(own.status).toBe(403);
    expect(own.body.error.message).toMatch(/You changed this judgment since its last approval/);
    expect((await call(requestChangesRoute, "POST", { token: tokens.ana, id: h.id, body: { comment: "Looks fine to me" } })).status).toBe(
      403,
    );

    // The same approval written straight into the database on the app's connection.
    const review = await db.review.findFirstOrThrow({ where: { targetId: h.id, decision: "pending" } });
    await expect(
      db.$executeRaw`UPDATE reviews SET reviewer_id = ${ana.actor.id}::uuid, decision = 'approved', decided_at = now() WHERE id = ${review.id}::uuid`,
    ).rejects.toThrow(/cannot be approved by its author or by anyone who changed it since its last approval/);
    expect(await current(h.id)).toMatchObject({ reviewState: "in_review", approvedHash: null });

    const ok = await call(approveRoute, "POST", { token: tokens.rui, id: h.id, body: { contentHash } });
    expect(ok.status).toBe(200);
    expect(ok.body.review).toMatchObject({ decision: "approved", reviewerId: rui.actor.id, targetVersion: 2 });
    expect(await current(h.id)).toMatchObject({ reviewState: "approved", approvedHash: contentHash });
  });

  it("only changes since the last approval bar: after Rui approves Ana's edit, Ana may approve Ed's next edit, and Ed may not", async () => {
    const { h, tokens } = await setup();
    await call(hypothesisRoute, "PATCH", {
      token: tokens.ana,
      id: h.id,
      body: { version: 1, reason: "Stronger", likelihood: "very_likely" },
    });
    await call(submitRoute, "POST", { token: tokens.ed, id: h.id, body: {} });
    let hash = (await call(hypothesisRoute, "GET", { token: tokens.rui, id: h.id })).body.hypothesis.contentHash;
    expect((await call(approveRoute, "POST", { token: tokens.rui, id: h.id, body: { contentHash: hash } })).status).toBe(200);

    expect(
      (
        await call(hypothesisRoute, "PATCH", {
          token: tokens.ed,
          id: h.id,
          body: { version: 2, reason: "Confidence rises with Mandiant", confidence: "high" },
        })
      ).status,
    ).toBe(200);
    await call(submitRoute, "POST", { token: tokens.ed, id: h.id, body: {} });
    hash = (await call(hypothesisRoute, "GET", { token: tokens.ana, id: h.id })).body.hypothesis.contentHash;
    // Ed wrote it and changed it; Rui is free too, but Ana's edit is covered by the last approval.
    expect((await call(approveRoute, "POST", { token: tokens.ed, id: h.id, body: { contentHash: hash } })).status).toBe(403);
    const approved = await call(approveRoute, "POST", { token: tokens.ana, id: h.id, body: { contentHash: hash } });
    expect(approved.status).toBe(200);
    expect(await current(h.id)).toMatchObject({ reviewState: "approved", approvedHash: hash, version: 3 });
  });
});

describe("approved means an approved review of exactly this content", () => {
  it("the database computes the same content hash as the app, whatever the text holds", async () => {
    const { ed, c, h } = await setup();
    const actor = await createEntity({
      ctx: ed,
      access: { caseId: c.id, role: "editor" },
      input: { kind: "threat_actor", name: "HomeLand Justice" },
    });
    const odd = 'Quotes " and \\ backslash, a\nnewline, a\ttab, \u0001\u001f controls, \u007f, “curly”, ë, 🇦🇱, U+2028 \u2028 and </script>';
    await db.hypothesis.update({
      where: { id: h.id },
      data: { title: odd, description: odd, rationale: odd, actorEntityId: actor.id, likelihood: null, rejectedReason: 'kept "as is"' },
    });
    const row = await current(h.id);
    expect(await dbHash(h.id)).toBe(hypothesisHash(row));
    await db.hypothesis.update({
      where: { id: h.id },
      data: { actorEntityId: null, confidence: null, rejectedReason: null, disposition: "leading" },
    });
    expect(await dbHash(h.id)).toBe(hypothesisHash(await current(h.id)));
    // The proposition and the basis of confidence join the hash only when written (migration 0009).
    await db.hypothesis.update({ where: { id: h.id }, data: { proposition: odd, confidenceBasis: "one “vendor”" } });
    expect(await dbHash(h.id)).toBe(hypothesisHash(await current(h.id)));
    await db.hypothesis.update({ where: { id: h.id }, data: { proposition: "", confidenceBasis: "" } });
    expect(await dbHash(h.id)).toBe(hypothesisHash(await current(h.id)));
  });

  it("refuses `approved` without a matching approved review, a review born approved, and withdrawing an approval that still stands", async () => {
    const { rui, h, tokens } = await setup();
    const hash = await dbHash(h.id);
    await expect(
      db.$executeRaw`UPDATE hypotheses SET review_state = 'approved', approved_hash = ${hash} WHERE id = ${h.id}::uuid`,
    ).rejects.toThrow(/approved only with an approved review/);
    await expect(
      db.$executeRaw`INSERT INTO reviews (id, case_id, target_type, target_id, content_hash, submitted_by_id, reviewer_id, decision, decided_at)
        SELECT gen_random_uuid(), case_id, 'hypothesis', id, ${hash}, author_id, ${rui.actor.id}::uuid, 'approved', now() FROM hypotheses WHERE id = ${h.id}::uuid`,
    ).rejects.toThrow(/created pending/);
    expect(await current(h.id)).toMatchObject({ reviewState: "draft", approvedHash: null });

    await call(submitRoute, "POST", { token: tokens.ed, id: h.id, body: {} });
    const review = await db.review.findFirstOrThrow({ where: { targetId: h.id, decision: "pending" } });
    // In review, with a pending review: still not approvable by writing the state and some hash.
    await expect(
      db.$executeRaw`UPDATE hypotheses SET review_state = 'approved', approved_hash = ${"0".repeat(64)} WHERE id = ${h.id}::uuid`,
    ).rejects.toThrow(/approved only with an approved review/);

    expect((await call(approveRoute, "POST", { token: tokens.rui, id: h.id, body: { contentHash: hash } })).status).toBe(200);
    // The approval cannot be quietly taken back while the judgment still reads approved, nor re-dated.
    await expect(
      db.$executeRaw`UPDATE reviews SET decision = 'withdrawn', withdrawn_at = now(), withdrawn_reason = 'quietly' WHERE id = ${review.id}::uuid`,
    ).rejects.toThrow(/approved only with an approved review/);
    await expect(db.$executeRaw`UPDATE reviews SET decided_at = now() - interval '1 year' WHERE id = ${review.id}::uuid`).rejects.toThrow(
      /append-only/,
    );
    await expect(db.$executeRaw`UPDATE reviews SET decision = 'pending', reviewer_id = NULL WHERE id = ${review.id}::uuid`).rejects.toThrow(
      /append-only/,
    );
    await expect(db.$executeRaw`UPDATE reviews SET content_hash = ${"1".repeat(64)} WHERE id = ${review.id}::uuid`).rejects.toThrow(
      /permission denied|append-only/,
    );
    await expect(db.$executeRaw`DELETE FROM reviews WHERE id = ${review.id}::uuid`).rejects.toThrow(/permission denied|append-only/);
    expect(await db.review.findUniqueOrThrow({ where: { id: review.id } })).toMatchObject({
      decision: "approved",
      reviewerId: rui.actor.id,
      contentHash: hash,
    });
  });

  it("a content change made straight in SQL resets the judgment to draft and withdraws its approval, with why", async () => {
    const { h, tokens } = await setup();
    await call(submitRoute, "POST", { token: tokens.ed, id: h.id, body: {} });
    const hash = await dbHash(h.id);
    expect((await call(approveRoute, "POST", { token: tokens.rui, id: h.id, body: { contentHash: hash } })).status).toBe(200);
    await db.$executeRaw`UPDATE hypotheses SET likelihood = 'almost_certain' WHERE id = ${h.id}::uuid`;
    expect(await current(h.id)).toMatchObject({ reviewState: "draft", approvedHash: null, likelihood: "almost_certain" });
    const [review] = (await call(hypothesisRoute, "GET", { token: tokens.ana, id: h.id })).body.reviews;
    expect(review).toMatchObject({ decision: "withdrawn", contentHash: hash });
    expect(review.withdrawnReason).toMatch(/changed .* after it was approved/);
    // A non-content column (the optimistic version) does not touch the review state.
    await call(submitRoute, "POST", { token: tokens.ed, id: h.id, body: {} });
    await db.$executeRaw`UPDATE hypotheses SET version = version + 1 WHERE id = ${h.id}::uuid`;
    expect((await current(h.id)).reviewState).toBe("in_review");
  });

  it("an edit through the API withdraws the approval: reviews list it as withdrawn with the editor's name and reason, never approved", async () => {
    const { h, tokens } = await setup();
    await call(submitRoute, "POST", { token: tokens.ed, id: h.id, body: {} });
    const hash = await dbHash(h.id);
    await call(approveRoute, "POST", { token: tokens.rui, id: h.id, body: { contentHash: hash } });
    const edit = await call(hypothesisRoute, "PATCH", {
      token: tokens.ana,
      id: h.id,
      body: { version: 1, reason: "The embassy's denial weakens it", likelihood: "roughly_even" },
    });
    expect(edit.body).toMatchObject({ approvalWithdrawn: true, hypothesis: { reviewState: "draft" } });
    const { reviews } = (await call(hypothesisRoute, "GET", { token: tokens.rui, id: h.id })).body;
    expect(reviews).toHaveLength(1);
    expect(reviews[0]).toMatchObject({ decision: "withdrawn", reviewer: { name: "Rui Reviewer" } });
    expect(reviews[0].withdrawnReason).toBe("Ana Owner changed the judgment (version 1 → 2): The embassy's denial weakens it");
    expect(await db.review.count({ where: { targetId: h.id, decision: "approved" } })).toBe(0);
    // The audit event of the edit names the withdrawal.
    const ev = await db.auditEvent.findFirstOrThrow({ where: { targetId: h.id, action: "hypothesis.update" } });
    expect(ev.after).toMatchObject({ reviewState: "draft", reviewsWithdrawn: 1 });
  });

  it("a write the database refuses (a race past the service's checks) is a 409 with the rule's words, not a 500", async () => {
    const { h } = await setup();
    const inTx = await db
      .$transaction(async (tx) =>
        tx.hypothesis.update({ where: { id: h.id }, data: { reviewState: "approved", approvedHash: "0".repeat(64) } }),
      )
      .catch((e) => e);
    const plain = await db.hypothesis
      .update({ where: { id: h.id }, data: { reviewState: "approved", approvedHash: "0".repeat(64) } })
      .catch((e) => e);
    for (const err of [inTx, plain]) {
      const res = jsonError(err, "req-1");
      expect(res.status).toBe(409);
      expect((await res.json()).error.message).toMatch(
        /^The database refused the change: a judgment is approved only with an approved review of exactly its current content\./,
      );
    }
    // Other database errors keep their meaning: a permission refusal is no conflict.
    expect(jsonError(await db.auditEvent.deleteMany({}).catch((e) => e), "req-2").status).toBe(500);
  });
});
