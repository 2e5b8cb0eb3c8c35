import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { db } from "@/lib/db";
import { createQuestion } from "@/lib/attribution/questions";
import { createHypothesis, getHypothesis, updateHypothesis } from "@/lib/attribution/hypotheses";
import { clearRating, rateCell } from "@/lib/attribution/ratings";
import { getAchMatrix } from "@/lib/attribution/get-ach-matrix";
import { approveHypothesis, requestChanges, submitHypothesis } from "@/lib/review/review-hypothesis";
import { reviewQueue, reviewUnreadCount, markReviewRead } from "@/lib/review/review-queue";
import { caseActivity } from "@/lib/cases/case-activity";
import { addComment, listComments } from "@/lib/review/comments";
import { createPastedDocument } from "@/lib/documents/create-document";
import { createClaim } from "@/lib/claims/create-claim";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { makeCase, makeUser } from "../support/factories";
import type { Ctx } from "@/lib/auth/actor";
import type { CaseRole } from "@/lib/generated/prisma/enums";

async function setup() {
  const ana = await makeUser({ name: "Ana" });
  const rui = await makeUser({ name: "Rui" });
  const vera = await makeUser({ name: "Vera" });
  const ed = await makeUser({ name: "Ed" });
  const c = await makeCase({
    owner: ana,
    members: [
      [rui, "reviewer"],
      [vera, "viewer"],
      [ed, "editor"],
    ],
  });
  const as = (ctx: Ctx, role: CaseRole) => ({ ctx, access: { caseId: c.id, role } });
  const q = await createQuestion({ ...as(ana, "owner"), input: { question: "Who carried out the July and September 2022 attacks?" } });
  const h = await createHypothesis({
    ...as(ana, "owner"),
    input: {
      questionId: q.id,
      title: "Iran's MOIS-linked operators",
      likelihood: "likely",
      confidence: "moderate",
      rationale: "Microsoft and the US government say so.",
    },
  });
  return { ana, rui, vera, ed, c, q, h, as };
}

describe("two-person review", () => {
  it("submit → approve by a reviewer records the exact content hash; one audit row per step", async () => {
    const { ana, rui, h, as, c } = await setup();
    await submitHypothesis({ ...as(ana, "owner"), hypothesisId: h.id, input: {} });
    const { hypothesis } = await getHypothesis({ access: as(rui, "reviewer").access, hypothesisId: h.id });
    expect(hypothesis.reviewState).toBe("in_review");
    await approveHypothesis({ ...as(rui, "reviewer"), hypothesisId: h.id, input: { contentHash: hypothesis.contentHash } });
    const after = await db.hypothesis.findUniqueOrThrow({ where: { id: h.id } });
    expect(after).toMatchObject({ reviewState: "approved", approvedHash: hypothesis.contentHash });
    const review = await db.review.findFirstOrThrow({ where: { targetId: h.id } });
    expect(review).toMatchObject({
      decision: "approved",
      reviewerId: rui.actor.id,
      submittedById: ana.actor.id,
      contentHash: hypothesis.contentHash,
    });
    const actions = (await db.auditEvent.findMany({ where: { caseId: c.id, targetId: h.id }, orderBy: { at: "asc" } })).map(
      (e) => e.action,
    );
    expect(actions).toEqual(["hypothesis.create", "review.submit", "review.approve"]);
  });

  it("the dashboard's per-case activity: newest audit event and judgments in review, for several cases at once", async () => {
    const { ana, rui, h, as, c } = await setup();
    const quiet = await makeCase({ owner: ana, title: "Nothing happened here yet" });
    await submitHypothesis({ ...as(ana, "owner"), hypothesisId: h.id, input: {} });
    let activity = await caseActivity({ caseIds: [c.id, quiet.id] });
    expect(activity.get(c.id)).toMatchObject({ inReview: 1, last: { action: "review.submit", actorName: "Ana" } });
    expect(activity.get(quiet.id)).toMatchObject({ inReview: 0, last: { action: "case.create" } });
    const { hypothesis } = await getHypothesis({ access: as(rui, "reviewer").access, hypothesisId: h.id });
    await approveHypothesis({ ...as(rui, "reviewer"), hypothesisId: h.id, input: { contentHash: hypothesis.contentHash } });
    activity = await caseActivity({ caseIds: [c.id] });
    expect(activity.get(c.id)).toMatchObject({ inReview: 0, last: { action: "review.approve", actorName: "Rui" } });
    expect(await caseActivity({ caseIds: [] })).toEqual(new Map());
  });

  it("refuses self-approval in the service, and the database refuses it too", async () => {
    const { ana, h, as } = await setup();
    await submitHypothesis({ ...as(ana, "owner"), hypothesisId: h.id, input: {} });
    const { hypothesis } = await getHypothesis({ access: as(ana, "owner").access, hypothesisId: h.id });
    await expect(
      approveHypothesis({ ...as(ana, "owner"), hypothesisId: h.id, input: { contentHash: hypothesis.contentHash } }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    const review = await db.review.findFirstOrThrow({ where: { targetId: h.id } });
    // Bypassing the service: the CHECK constraint (reviewer ≠ submitter) and the author trigger both hold.
    await expect(
      db.review.update({ where: { id: review.id }, data: { reviewerId: ana.actor.id, decision: "approved" } }),
    ).rejects.toThrow();
    expect((await db.hypothesis.findUniqueOrThrow({ where: { id: h.id } })).reviewState).toBe("in_review");
  });

  it("the database refuses approval by the author even when someone else submitted", async () => {
    const { ana, ed, h, as } = await setup();
    await submitHypothesis({ ...as(ed, "editor"), hypothesisId: h.id, input: {} });
    const review = await db.review.findFirstOrThrow({ where: { targetId: h.id } });
    await expect(
      db.review.update({ where: { id: review.id }, data: { reviewerId: ana.actor.id, decision: "approved", decidedAt: new Date() } }),
    ).rejects.toThrow(/cannot be approved by its author/);
    const { hypothesis } = await getHypothesis({ access: as(ana, "owner").access, hypothesisId: h.id });
    await expect(
      approveHypothesis({ ...as(ana, "owner"), hypothesisId: h.id, input: { contentHash: hypothesis.contentHash } }),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("refuses a viewer and a stale hash, changing nothing", async () => {
    const { ana, rui, vera, h, as } = await setup();
    await submitHypothesis({ ...as(ana, "owner"), hypothesisId: h.id, input: {} });
    const { hypothesis } = await getHypothesis({ access: as(rui, "reviewer").access, hypothesisId: h.id });
    await expect(
      approveHypothesis({ ...as(vera, "viewer"), hypothesisId: h.id, input: { contentHash: hypothesis.contentHash } }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    const stale = await approveHypothesis({ ...as(rui, "reviewer"), hypothesisId: h.id, input: { contentHash: "0".repeat(64) } }).catch(
      (e) => e,
    );
    expect(stale).toBeInstanceOf(ConflictError);
    expect(stale.details.currentHash).toBe(hypothesis.contentHash);
    expect(await db.hypothesis.findUniqueOrThrow({ where: { id: h.id } })).toMatchObject({ reviewState: "in_review", approvedHash: null });
    expect(await db.review.count({ where: { targetId: h.id, decision: "approved" } })).toBe(0);
  });

  it("an edit after approval returns the judgment to draft and keeps the history with who, why and a diff", async () => {
    const { ana, rui, h, as } = await setup();
    await submitHypothesis({ ...as(ana, "owner"), hypothesisId: h.id, input: {} });
    const { hypothesis } = await getHypothesis({ access: as(rui, "reviewer").access, hypothesisId: h.id });
    await approveHypothesis({ ...as(rui, "reviewer"), hypothesisId: h.id, input: { contentHash: hypothesis.contentHash } });
    const res = await updateHypothesis({
      ...as(ana, "owner"),
      hypothesisId: h.id,
      input: { version: 1, reason: "Mandiant's report adds a motive", likelihood: "very_likely" },
    });
    expect(res.approvalWithdrawn).toBe(true);
    expect(await db.hypothesis.findUniqueOrThrow({ where: { id: h.id } })).toMatchObject({
      reviewState: "draft",
      approvedHash: null,
      likelihood: "very_likely",
      version: 2,
    });
    const { history } = await getHypothesis({ access: as(ana, "owner").access, hypothesisId: h.id });
    expect(history).toHaveLength(2);
    expect(history[1]).toMatchObject({
      version: 2,
      by: "Ana",
      reason: "Mandiant's report adds a motive",
      changes: [{ field: "likelihood", from: "likely", to: "very_likely" }],
    });
  });

  it("requires a reason and the current version for a judgment change; a rejection needs its reason", async () => {
    const { ana, ed, h, as } = await setup();
    await expect(
      updateHypothesis({ ...as(ana, "owner"), hypothesisId: h.id, input: { version: 1, reason: "", likelihood: "unlikely" } }),
    ).rejects.toBeInstanceOf(ZodError);
    await updateHypothesis({ ...as(ed, "editor"), hypothesisId: h.id, input: { version: 1, reason: "New evidence", confidence: "high" } });
    const conflict = await updateHypothesis({
      ...as(ana, "owner"),
      hypothesisId: h.id,
      input: { version: 1, reason: "Mine", confidence: "low" },
    }).catch((e) => e);
    expect(conflict).toBeInstanceOf(ConflictError);
    expect(conflict.details.current).toMatchObject({ confidence: "high", version: 2 });
    await expect(
      updateHypothesis({ ...as(ana, "owner"), hypothesisId: h.id, input: { version: 2, reason: "Disproved", disposition: "rejected" } }),
    ).rejects.toBeInstanceOf(ZodError);
    await expect(db.hypothesis.update({ where: { id: h.id }, data: { disposition: "rejected" } })).rejects.toThrow();
    expect((await db.hypothesis.findUniqueOrThrow({ where: { id: h.id } })).disposition).toBe("open");
  });

  it("changes requested: back to the author with a comment; the queue shows pending items with an unread count", async () => {
    const { ana, rui, h, as } = await setup();
    expect((await reviewQueue({ actor: rui.actor })).items).toEqual([]);
    await submitHypothesis({ ...as(ana, "owner"), hypothesisId: h.id, input: {} });
    const queue = await reviewQueue({ actor: rui.actor });
    expect(queue).toMatchObject({ unread: 1, items: [{ targetId: h.id, unread: true, submittedBy: "Ana" }] });
    expect((await reviewQueue({ actor: ana.actor })).items).toEqual([]);
    // The header's one-statement count agrees with the queue, for the reviewer and the author.
    expect(await reviewUnreadCount({ actor: rui.actor })).toBe(1);
    expect(await reviewUnreadCount({ actor: ana.actor })).toBe(0);
    await markReviewRead({ actor: rui.actor, targetId: h.id });
    expect((await reviewQueue({ actor: rui.actor })).unread).toBe(0);
    expect(await reviewUnreadCount({ actor: rui.actor })).toBe(0);
    await requestChanges({
      ...as(rui, "reviewer"),
      hypothesisId: h.id,
      input: { comment: "This is the same Reuters wire as the other one." },
    });
    expect((await db.hypothesis.findUniqueOrThrow({ where: { id: h.id } })).reviewState).toBe("changes_requested");
    const threads = await listComments({ access: as(ana, "owner").access, targetType: "hypothesis", targetId: h.id });
    expect(threads[0].body).toMatch(/same Reuters wire/);
    const dissent = await addComment({
      ...as(rui, "reviewer"),
      input: {
        targetType: "hypothesis",
        targetId: h.id,
        parentId: threads[0].id,
        body: "I still think a hacktivist front is plausible.",
        isDissent: true,
      },
    });
    expect(
      (await listComments({ access: as(ana, "owner").access, targetType: "hypothesis", targetId: h.id }))[0].replies.map((r) => r.id),
    ).toEqual([dissent.id]);
    expect((await reviewQueue({ actor: rui.actor })).items).toEqual([]);
  });
});

describe("ACH ratings", () => {
  it("keeps each rater's rating, shows the mean and disagreement, and refuses ratings off the scale", async () => {
    const { ana, rui, c, q, h, as } = await setup();
    const h2 = await createHypothesis({ ...as(ana, "owner"), input: { questionId: q.id, title: "A hacktivist group acting alone" } });
    const { document } = await createPastedDocument({
      ctx: ana,
      access: { caseId: c.id, role: "owner" },
      input: { title: "Wire", text: "Rama said the “same aggressors” struck again." },
    });
    const claim = await createClaim({
      ...as(ana, "owner"),
      input: {
        statement: "Same actors both times",
        claimant: "Edi Rama",
        kind: "allegation",
        credibility: 3,
        excerpts: [{ documentId: document.id, exact: "“same aggressors”" }],
      },
    });
    await rateCell({ ...as(ana, "owner"), hypothesisId: h.id, claimId: claim.id, input: { rating: "CC" } });
    await rateCell({ ...as(rui, "reviewer"), hypothesisId: h.id, claimId: claim.id, input: { rating: "I", note: "Rama is not neutral" } });
    await rateCell({ ...as(ana, "owner"), hypothesisId: h2.id, claimId: claim.id, input: { rating: "II" } });
    await expect(rateCell({ ...as(ana, "owner"), hypothesisId: h.id, claimId: claim.id, input: { rating: "X" } })).rejects.toBeInstanceOf(
      ZodError,
    );
    const m = (await getAchMatrix({ access: as(ana, "owner").access }))!;
    const cell = m.cells.find((x) => x.hypothesisId === h.id && x.claimId === claim.id)!;
    expect(cell.value).toBe(3.5);
    expect(cell.disagreement).toBe(true);
    expect(cell.ratings.find((r) => r.raterId === rui.actor.id)?.note).toBe("Rama is not neutral");
    expect(m.scores.hypotheses[0].hypothesisId).toBe(h.id);
    expect(m.scores.hypotheses.find((s) => s.hypothesisId === h2.id)?.inconsistency).toBe(4);
    const without = (await getAchMatrix({ access: as(ana, "owner").access, excludedClaimIds: [claim.id] }))!;
    expect(without.scores.hypotheses.every((s) => s.inconsistency === 0)).toBe(true);
    expect(await db.auditEvent.count({ where: { action: "ach.rate", caseId: c.id } })).toBe(3);
  });

  it("rating a claim from another case is a 404", async () => {
    const { ana, h, as } = await setup();
    const other = await makeUser();
    const oc = await makeCase({ owner: other });
    const { document } = await createPastedDocument({
      ctx: other,
      access: { caseId: oc.id, role: "owner" },
      input: { title: "x", text: "Secret words here." },
    });
    const foreign = await createClaim({
      ctx: other,
      access: { caseId: oc.id, role: "owner" },
      input: { statement: "s", claimant: "c", kind: "fact", credibility: 2, excerpts: [{ documentId: document.id, exact: "Secret" }] },
    });
    await expect(rateCell({ ...as(ana, "owner"), hypothesisId: h.id, claimId: foreign.id, input: { rating: "C" } })).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it("clearing a rating removes only the caller's own, moves the scores, and is audited with what was removed", async () => {
    const { ana, rui, c, q, h, as } = await setup();
    const h2 = await createHypothesis({ ...as(ana, "owner"), input: { questionId: q.id, title: "A hacktivist group acting alone" } });
    const { document } = await createPastedDocument({
      ctx: ana,
      access: { caseId: c.id, role: "owner" },
      input: { title: "Wire", text: "Rama said the “same aggressors” struck again." },
    });
    const claim = await createClaim({
      ...as(ana, "owner"),
      input: {
        statement: "Same actors both times",
        claimant: "Edi Rama",
        kind: "allegation",
        credibility: 3,
        excerpts: [{ documentId: document.id, exact: "“same aggressors”" }],
      },
    });
    await rateCell({
      ...as(ana, "owner"),
      hypothesisId: h.id,
      claimId: claim.id,
      input: { rating: "II", note: "Contradicts the timeline." },
    });
    await rateCell({ ...as(rui, "reviewer"), hypothesisId: h.id, claimId: claim.id, input: { rating: "I" } });
    await rateCell({ ...as(ana, "owner"), hypothesisId: h2.id, claimId: claim.id, input: { rating: "C" } });
    const inconsistency = async () => {
      const m = (await getAchMatrix({ access: as(ana, "owner").access }))!;
      return Object.fromEntries(m.scores.hypotheses.map((s) => [s.hypothesisId, s.inconsistency]));
    };
    // Mean of II (1) and I (2) is 1.5: (3 − 1.5)² = 2.25.
    expect((await inconsistency())[h.id]).toBe(2.25);

    const result = await clearRating({ ...as(ana, "owner"), hypothesisId: h.id, claimId: claim.id });
    expect(result).toEqual({ cleared: true, previous: { rating: "II", note: "Contradicts the timeline." } });
    // Rui's I is now the cell's only rating: (3 − 2)² = 1.
    expect((await inconsistency())[h.id]).toBe(1);
    const left = await db.achRating.findMany({ where: { claimId: claim.id }, select: { hypothesisId: true, raterId: true, rating: true } });
    expect(left.sort((a, b) => a.rating.localeCompare(b.rating))).toEqual([
      { hypothesisId: h2.id, raterId: ana.actor.id, rating: "C" },
      { hypothesisId: h.id, raterId: rui.actor.id, rating: "I" },
    ]);
    const audit = await db.auditEvent.findMany({ where: { action: "ach.clear", caseId: c.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorId: ana.actor.id,
      targetType: "hypothesis",
      targetId: h.id,
      before: { claimId: claim.id, rating: "II", note: "Contradicts the timeline." },
      after: { claimId: claim.id, rating: null },
    });

    // Clearing again (or a cell never rated) changes nothing and records nothing.
    expect(await clearRating({ ...as(ana, "owner"), hypothesisId: h.id, claimId: claim.id })).toEqual({ cleared: false, previous: null });
    expect(await db.auditEvent.count({ where: { action: "ach.clear", caseId: c.id } })).toBe(1);
    // …and the cell can be rated again.
    await rateCell({ ...as(ana, "owner"), hypothesisId: h.id, claimId: claim.id, input: { rating: "N" } });
    expect((await inconsistency())[h.id]).toBe(0.25);
  });

  it("clearing is refused to a viewer (403) and for a hypothesis or claim of another case (404), changing nothing", async () => {
    const { ana, vera, c, h, as } = await setup();
    const { document } = await createPastedDocument({
      ctx: ana,
      access: { caseId: c.id, role: "owner" },
      input: { title: "Wire", text: "The wiper struck in July." },
    });
    const claim = await createClaim({
      ...as(ana, "owner"),
      input: {
        statement: "A wiper struck",
        claimant: "Wire",
        kind: "fact",
        credibility: 2,
        excerpts: [{ documentId: document.id, exact: "The wiper struck" }],
      },
    });
    await rateCell({ ...as(ana, "owner"), hypothesisId: h.id, claimId: claim.id, input: { rating: "C" } });
    // Vera is a viewer: the service refuses her even if a caller skipped the route's check.
    await expect(clearRating({ ...as(vera, "viewer"), hypothesisId: h.id, claimId: claim.id })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      rateCell({ ...as(vera, "viewer"), hypothesisId: h.id, claimId: claim.id, input: { rating: "II" } }),
    ).rejects.toBeInstanceOf(ForbiddenError);

    const other = await makeUser();
    const oc = await makeCase({ owner: other });
    const ocAccess = { caseId: oc.id, role: "owner" as const };
    const { document: od } = await createPastedDocument({
      ctx: other,
      access: { caseId: oc.id, role: "owner" },
      input: { title: "x", text: "Secret words here." },
    });
    const foreignClaim = await createClaim({
      ctx: other,
      access: ocAccess,
      input: { statement: "s", claimant: "c", kind: "fact", credibility: 2, excerpts: [{ documentId: od.id, exact: "Secret" }] },
    });
    const oq = await createQuestion({ ctx: other, access: ocAccess, input: { question: "Who?" } });
    const foreignH = await createHypothesis({ ctx: other, access: ocAccess, input: { questionId: oq.id, title: "Someone" } });
    await rateCell({ ctx: other, access: ocAccess, hypothesisId: foreignH.id, claimId: foreignClaim.id, input: { rating: "CC" } });

    // Ana's case access with the other case's claim, or its hypothesis: the same 404 as an unknown id.
    await expect(clearRating({ ...as(ana, "owner"), hypothesisId: h.id, claimId: foreignClaim.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(clearRating({ ...as(ana, "owner"), hypothesisId: foreignH.id, claimId: claim.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(clearRating({ ...as(ana, "owner"), hypothesisId: foreignH.id, claimId: foreignClaim.id })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(clearRating({ ...as(ana, "owner"), hypothesisId: h.id, claimId: "not-a-uuid" })).rejects.toBeInstanceOf(NotFoundError);

    expect(
      (await db.achRating.findMany({ where: { hypothesisId: { in: [h.id, foreignH.id] } }, select: { rating: true } }))
        .map((r) => r.rating)
        .sort(),
    ).toEqual(["C", "CC"]);
    expect(await db.auditEvent.count({ where: { action: "ach.clear", caseId: { in: [c.id, oc.id] } } })).toBe(0);
  });
});
