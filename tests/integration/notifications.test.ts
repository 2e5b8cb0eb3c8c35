// In-app notifications (issue 18), on a real PostgreSQL: written in the same transaction as the change
// they report (a judgment approved or sent back, a brief approved, a comment on your work, a task
// assigned to you), never for your own action; each user sees and marks only their own.
import { beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../scripts/lib/demo-seed";
import { NextRequest } from "next/server";
import { db } from "@/lib/db";
import { createQuestion } from "@/lib/attribution/questions";
import { createHypothesis, getHypothesis } from "@/lib/attribution/hypotheses";
import { approveHypothesis, requestChanges, submitHypothesis } from "@/lib/review/review-hypothesis";
import { addComment } from "@/lib/review/comments";
import { approveBrief, briefApprovalState, requestBriefChanges, submitBrief } from "@/lib/briefs/brief-review";
import { createTask } from "@/lib/tasks/create-task";
import { updateTask } from "@/lib/tasks/update-task";
import { listNotifications, unreadNotificationCount } from "@/lib/notifications/list-notifications";
import { markNotificationsRead } from "@/lib/notifications/mark-read";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { NotFoundError } from "@/lib/errors";
import * as listRoute from "@/app/api/me/notifications/route";
import * as readRoute from "@/app/api/me/notifications/read/route";
import { makeCase, makeUser, ctxOfUser } from "../support/factories";
import type { Ctx } from "@/lib/auth/actor";
import type { CaseRole } from "@/lib/generated/prisma/enums";

async function setup() {
  const ana = await makeUser({ name: "Ana" });
  const rui = await makeUser({ name: "Rui" });
  const ed = await makeUser({ name: "Ed" });
  const c = await makeCase({
    owner: ana,
    title: "Notified case",
    members: [
      [rui, "reviewer"],
      [ed, "editor"],
    ],
  });
  const as = (ctx: Ctx, role: CaseRole) => ({ ctx, access: { caseId: c.id, role } });
  const q = await createQuestion({ ...as(ana, "owner"), input: { question: "Who carried out the attacks?" } });
  const h = await createHypothesis({
    ...as(ana, "owner"),
    input: { questionId: q.id, title: "State operators", likelihood: "likely", confidence: "moderate", rationale: "Two vendors agree." },
  });
  return { ana, rui, ed, c, q, h, as };
}

const kinds = async (who: Ctx) => (await listNotifications({ actor: who.actor })).notifications.map((n) => n.kind);

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
async function call(handler: unknown, who: Ctx, method: string, url: string, body?: unknown) {
  const { token } = await createApiToken({ ctx: who, name: `t-${Math.random()}` });
  const res = await (handler as Handler)(
    new NextRequest(`http://localhost${url}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { "content-type": "application/json" } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
    { params: Promise.resolve({}) },
  );
  return { status: res.status, body: await res.json() };
}

describe("notifications", () => {
  it("approval of a judgment notifies its author, in the same transaction as the approval; the reviewer is not notified", async () => {
    const { ana, rui, c, h, as } = await setup();
    await submitHypothesis({ ...as(ana, "owner"), hypothesisId: h.id, input: {} });
    const { hypothesis } = await getHypothesis({ access: as(rui, "reviewer").access, hypothesisId: h.id });
    await approveHypothesis({ ...as(rui, "reviewer"), hypothesisId: h.id, input: { contentHash: hypothesis.contentHash } });
    const { notifications, unread } = await listNotifications({ actor: ana.actor });
    expect(unread).toBe(1);
    expect(notifications[0]).toMatchObject({
      kind: "review.approved",
      message: "Rui approved your judgment “State operators”",
      href: `/cases/${c.id}/attribution/${h.id}`,
      caseTitle: "Notified case",
      actorName: "Rui",
      readAt: null,
    });
    expect(await kinds(rui)).toEqual([]);
    // The approval's own audit event records it; the notification adds no audit event of its own.
    expect(await db.auditEvent.count({ where: { targetId: h.id, action: "review.approve" } })).toBe(1);
    // The first test of the file also loads the services and warms the database: generous under load.
  }, 90_000);

  it("a failed approval leaves no notification behind (same transaction)", async () => {
    const { ana, rui, h, as } = await setup();
    await submitHypothesis({ ...as(ana, "owner"), hypothesisId: h.id, input: {} });
    await expect(
      approveHypothesis({ ...as(rui, "reviewer"), hypothesisId: h.id, input: { contentHash: "0".repeat(64) } }),
    ).rejects.toThrow();
    expect(await kinds(ana)).toEqual([]);
  });

  it("a judgment sent back, a comment on your claim or judgment, and a task assigned to you each notify you", async () => {
    const { ana, rui, ed, h, as } = await setup();
    await submitHypothesis({ ...as(ana, "owner"), hypothesisId: h.id, input: {} });
    await requestChanges({ ...as(rui, "reviewer"), hypothesisId: h.id, input: { comment: "Cite the second vendor." } });
    await addComment({ ...as(ed, "editor"), input: { targetType: "hypothesis", targetId: h.id, body: "I agree with Rui." } });
    // Commenting on your own judgment tells nobody.
    await addComment({ ...as(ana, "owner"), input: { targetType: "hypothesis", targetId: h.id, body: "Working on it." } });
    await createTask({ ...as(rui, "reviewer"), input: { title: "Add the second vendor", assigneeId: ana.actor.id } });
    const task = await createTask({ ...as(ana, "owner"), input: { title: "Own task", assigneeId: ana.actor.id } });
    await updateTask({ ...as(ana, "owner"), taskId: task.id, input: { version: 1, assigneeId: ed.actor.id } });

    const { notifications } = await listNotifications({ actor: ana.actor });
    expect(notifications.map((n) => [n.kind, n.message])).toEqual([
      ["task.assigned", "Rui assigned you the task “Add the second vendor” in “Notified case”"],
      ["comment.created", "Ed commented on your judgment “State operators”"],
      ["review.changes_requested", "Rui sent your judgment “State operators” back: Cite the second vendor."],
    ]);
    expect(await kinds(ed)).toEqual(["task.assigned"]);
    expect(await kinds(rui)).toEqual([]);
  });

  it("each user sees and marks only their own; marking is idempotent; all read clears the count", async () => {
    const { ana, rui, ed, h, as } = await setup();
    await addComment({ ...as(rui, "reviewer"), input: { targetType: "hypothesis", targetId: h.id, body: "One" } });
    await addComment({ ...as(ed, "editor"), input: { targetType: "hypothesis", targetId: h.id, body: "Two" } });
    await createTask({ ...as(ana, "owner"), input: { title: "For Rui", assigneeId: rui.actor.id } });
    const mine = (await listNotifications({ actor: ana.actor })).notifications;
    expect(mine).toHaveLength(2);
    const ruis = (await listNotifications({ actor: rui.actor })).notifications;
    expect(ruis).toHaveLength(1);

    // Rui cannot mark Ana's notification read: it does not exist for him.
    await expect(markNotificationsRead({ actor: rui.actor, input: { ids: [mine[0].id] } })).rejects.toThrow(NotFoundError);
    expect(await unreadNotificationCount({ actor: ana.actor })).toBe(2);

    expect(await markNotificationsRead({ actor: ana.actor, input: { ids: [mine[0].id] } })).toEqual({ marked: 1 });
    expect(await markNotificationsRead({ actor: ana.actor, input: { ids: [mine[0].id] } })).toEqual({ marked: 0 });
    expect(await unreadNotificationCount({ actor: ana.actor })).toBe(1);
    expect((await listNotifications({ actor: ana.actor, query: { unread: "1" } })).notifications.map((n) => n.id)).toEqual([mine[1].id]);
    expect(await markNotificationsRead({ actor: ana.actor, input: { all: true } })).toEqual({ marked: 1 });
    expect(await unreadNotificationCount({ actor: ana.actor })).toBe(0);
    // Rui's stays unread.
    expect(await unreadNotificationCount({ actor: rui.actor })).toBe(1);
  });

  it("someone who leaves the case no longer sees its notifications", async () => {
    const { ana, ed, c, as } = await setup();
    await createTask({ ...as(ana, "owner"), input: { title: "Before leaving", assigneeId: ed.actor.id } });
    expect(await unreadNotificationCount({ actor: ed.actor })).toBe(1);
    await db.caseMember.delete({ where: { caseId_userId: { caseId: c.id, userId: ed.actor.id } } });
    expect(await unreadNotificationCount({ actor: ed.actor })).toBe(0);
    expect(await kinds(ed)).toEqual([]);
  });

  it("routes: list your own with the count; mark read by ids or all; someone else's id is a 404; a bad body is a 422", async () => {
    const { ana, rui, h, as } = await setup();
    await addComment({ ...as(rui, "reviewer"), input: { targetType: "hypothesis", targetId: h.id, body: "Route check" } });
    const list = await call(listRoute.GET, ana, "GET", "/api/me/notifications");
    expect(list.status).toBe(200);
    expect(list.body.unread).toBe(1);
    const id = list.body.notifications[0].id;
    expect((await call(listRoute.GET, rui, "GET", "/api/me/notifications")).body.notifications).toEqual([]);
    expect((await call(readRoute.POST, rui, "POST", "/api/me/notifications/read", { ids: [id] })).status).toBe(404);
    expect((await call(readRoute.POST, ana, "POST", "/api/me/notifications/read", {})).status).toBe(422);
    expect((await call(readRoute.POST, ana, "POST", "/api/me/notifications/read", { ids: [id], all: true })).status).toBe(422);
    const read = await call(readRoute.POST, ana, "POST", "/api/me/notifications/read", { ids: [id] });
    expect(read).toEqual({ status: 200, body: { marked: 1 } });
    expect((await call(listRoute.GET, ana, "GET", "/api/me/notifications")).body.unread).toBe(0);
  });
});

describe("brief notifications (the seeded Albania case, whose key judgment is approved)", () => {
  let analyst: Ctx;
  let reviewer: Ctx;
  let caseId: string;
  beforeAll(async () => {
    await seedDemo({ log: () => {} });
    caseId = (await db.case.findFirstOrThrow({ where: { title: "2022 Albania government cyberattacks" } })).id;
    analyst = await ctxOfUser("analyst@example.com");
    reviewer = await ctxOfUser("reviewer@example.com");
  }, 180_000);

  it("a brief sent back or approved notifies whoever submitted it; sending back needs a reason and a second person", async () => {
    const owner = { ctx: analyst, access: { caseId, role: "owner" as const } };
    const rev = { ctx: reviewer, access: { caseId, role: "reviewer" as const } };
    // The demo's own release 1 already told the analyst the brief was approved; only what follows counts here.
    const seeded = new Set((await listNotifications({ actor: analyst.actor })).notifications.map((n) => n.id));
    await submitBrief(owner);
    await expect(requestBriefChanges({ ...rev, input: { comment: "" } })).rejects.toThrow();
    await expect(requestBriefChanges({ ...owner, input: { comment: "Mine" } })).rejects.toThrow(/second person/);
    await requestBriefChanges({ ...rev, input: { comment: "Add the September attack." } });
    const briefOnly = async (who: Ctx) =>
      (await listNotifications({ actor: who.actor })).notifications.filter((n) => n.kind.startsWith("brief.") && !seeded.has(n.id));
    expect((await briefOnly(analyst)).map((n) => [n.kind, n.message, n.href])).toEqual([
      ["brief.changes_requested", "Rui Reviewer sent the brief you submitted back: Add the September attack.", `/cases/${caseId}/brief`],
    ]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { caseId, action: "brief.request_changes" } });
    expect(audit).toMatchObject({ actorId: reviewer.actor.id, reason: "Add the September attack." });
    // Sent back, it is no longer waiting for review: it is submitted again, then approved.
    expect((await briefApprovalState({ access: owner.access })).review).toBeNull();
    await submitBrief(owner);
    await approveBrief({ ...rev, input: { contentHash: (await briefApprovalState({ access: owner.access })).hash } });
    expect((await briefOnly(analyst)).map((n) => n.kind)).toEqual(["brief.approved", "brief.changes_requested"]);
    expect(await briefOnly(reviewer)).toEqual([]);
  });
});
