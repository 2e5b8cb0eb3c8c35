// Tasks of a case (issue 18), on a real PostgreSQL: created, assigned, progressed and cancelled with
// optimistic concurrency, each change audited; who may do what by role, through the routes with API
// tokens; "my tasks" across cases; the database's own refusal of an assignee from outside the case.
import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { db } from "@/lib/db";
import { createTask } from "@/lib/tasks/create-task";
import { updateTask } from "@/lib/tasks/update-task";
import { listTasks } from "@/lib/tasks/list-tasks";
import { listMyTasks } from "@/lib/tasks/list-my-tasks";
import { isOverdue } from "@/lib/tasks/due-dates";
import { createQuestion } from "@/lib/attribution/questions";
import { createHypothesis } from "@/lib/attribution/hypotheses";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { ConflictError, ForbiddenError, InvalidError } from "@/lib/errors";
import * as tasksRoute from "@/app/api/cases/[caseId]/tasks/route";
import * as taskRoute from "@/app/api/cases/[caseId]/tasks/[taskId]/route";
import * as myTasksRoute from "@/app/api/me/tasks/route";
import { makeCase, makeUser } from "../support/factories";
import type { Ctx } from "@/lib/auth/actor";
import type { CaseRole } from "@/lib/generated/prisma/enums";

async function setup() {
  const ana = await makeUser({ name: "Ana" });
  const rui = await makeUser({ name: "Rui" });
  const vera = await makeUser({ name: "Vera" });
  const ed = await makeUser({ name: "Ed" });
  const out = await makeUser({ name: "Outsider" });
  const c = await makeCase({
    owner: ana,
    title: "Tasks case",
    members: [
      [rui, "reviewer"],
      [vera, "viewer"],
      [ed, "editor"],
    ],
  });
  const as = (ctx: Ctx, role: CaseRole) => ({ ctx, access: { caseId: c.id, role } });
  return { ana, rui, vera, ed, out, c, as };
}

type Handler = (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
async function call(handler: unknown, who: Ctx, method: string, url: string, params: Record<string, string>, body?: unknown) {
  const { token } = await createApiToken({ ctx: who, name: `t-${Math.random()}` });
  const res = await (handler as Handler)(
    new NextRequest(`http://localhost${url}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { "content-type": "application/json" } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
    { params: Promise.resolve(params) },
  );
  return { status: res.status, body: await res.json() };
}

describe("tasks", () => {
  it("creates a task with assignee, due date and link; audited; the assignee sees it under my tasks", async () => {
    const { ana, ed, c, as } = await setup();
    const q = await createQuestion({ ...as(ana, "owner"), input: { question: "Who did it?" } });
    const h = await createHypothesis({ ...as(ana, "owner"), input: { questionId: q.id, title: "The usual suspects" } });
    const task = await createTask({
      ...as(ana, "owner"),
      input: {
        title: "  Find a second source  ",
        description: "Look for an independent report.",
        assigneeId: ed.actor.id,
        dueDate: "2026-02-28",
        linkType: "hypothesis",
        linkId: h.id,
      },
    });
    expect(task).toMatchObject({
      title: "Find a second source",
      status: "open",
      assignee: { id: ed.actor.id, name: "Ed" },
      dueDate: "2026-02-28",
      link: { type: "hypothesis", id: h.id, label: "The usual suspects", href: `/cases/${c.id}/attribution/${h.id}` },
      version: 1,
      createdBy: { id: ana.actor.id, name: "Ana" },
      caseTitle: "Tasks case",
    });
    const audit = await db.auditEvent.findMany({ where: { targetType: "task", targetId: task.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "task.create", actorId: ana.actor.id, caseId: c.id });
    expect(audit[0].after).toMatchObject({ title: "Find a second source", assigneeId: ed.actor.id, dueDate: "2026-02-28" });

    const brief = await createTask({ ...as(ed, "editor"), input: { title: "Proofread the brief", linkType: "brief" } });
    expect(brief.link).toMatchObject({ type: "brief", id: c.id, href: `/cases/${c.id}/brief` });

    const mine = await listMyTasks({ actor: ed.actor });
    expect(mine.map((t) => t.id)).toEqual([task.id]);
    expect(await listMyTasks({ actor: ana.actor })).toEqual([]);
    expect((await listTasks({ access: as(ana, "owner").access })).map((t) => t.id).sort()).toEqual([task.id, brief.id].sort());
    // The first test of the file also loads the services and warms the database: generous under load.
  }, 90_000);

  it("refuses bad input field by field: no title, an unreal due date, an assignee or link from outside the case", async () => {
    const { ana, out, c, as } = await setup();
    const other = await makeCase({ owner: out });
    const q = await createQuestion({ ctx: out, access: { caseId: other.id, role: "owner" }, input: { question: "Elsewhere?" } });
    const foreign = await createHypothesis({
      ctx: out,
      access: { caseId: other.id, role: "owner" },
      input: { questionId: q.id, title: "Not here" },
    });
    const issues = async (input: Record<string, unknown>) => {
      const err = await createTask({ ...as(ana, "owner"), input: input as { title: string } }).catch((e: unknown) => e);
      if (err instanceof InvalidError) return err.issues?.map((i) => i.path);
      return (err as { issues: { path: (string | number)[] }[] }).issues.map((i) => i.path.join("."));
    };
    expect(await issues({ title: "   " })).toEqual(["title"]);
    expect(await issues({ title: "x", dueDate: "2026-02-30" })).toEqual(["dueDate"]);
    expect(await issues({ title: "x", dueDate: "30/01/2026" })).toEqual(["dueDate"]);
    expect(await issues({ title: "x", assigneeId: out.actor.id })).toEqual(["assigneeId"]);
    expect(await issues({ title: "x", linkType: "hypothesis", linkId: foreign.id })).toEqual(["linkId"]);
    expect(await db.task.count({ where: { caseId: c.id } })).toBe(0);
  });

  it("the database itself refuses an assignee who is not a member of the case", async () => {
    const { ana, out, c } = await setup();
    await expect(
      db.task.create({ data: { caseId: c.id, title: "Sneaky", assigneeId: out.actor.id, createdById: ana.actor.id } }),
    ).rejects.toThrow(/assigned to a member of its case/);
  });

  it("an edit names its version: a stale one is a 409 carrying the current task, and changes nothing", async () => {
    const { ana, ed, rui, as } = await setup();
    const task = await createTask({ ...as(ana, "owner"), input: { title: "Check the timeline" } });
    const first = await updateTask({
      ...as(ed, "editor"),
      taskId: task.id,
      input: { version: 1, status: "in_progress", assigneeId: ed.actor.id },
    });
    expect(first).toMatchObject({ status: "in_progress", version: 2, assignee: { id: ed.actor.id } });
    const err = await updateTask({ ...as(rui, "reviewer"), taskId: task.id, input: { version: 1, title: "Stale edit" } }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ConflictError);
    expect((err as ConflictError).details?.current).toMatchObject({
      id: task.id,
      title: "Check the timeline",
      version: 2,
      status: "in_progress",
    });
    expect((await db.task.findUniqueOrThrow({ where: { id: task.id } })).title).toBe("Check the timeline");
    const audit = await db.auditEvent.findMany({ where: { targetId: task.id }, orderBy: { at: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["task.create", "task.update"]);
    expect(audit[1].before).toMatchObject({ status: "open", assigneeId: null, version: 1 });
    expect(audit[1].after).toMatchObject({ status: "in_progress", assigneeId: ed.actor.id, version: 2 });

    // Cancelling keeps the task: it leaves "my tasks" but stays in the case's list.
    await updateTask({ ...as(ana, "owner"), taskId: task.id, input: { version: 2, status: "cancelled" } });
    expect(await listMyTasks({ actor: ed.actor })).toEqual([]);
    expect((await listTasks({ access: as(ana, "owner").access, query: { status: "cancelled" } })).map((t) => t.id)).toEqual([task.id]);
  });

  it("a viewer may only move a task assigned to them through its states", async () => {
    const { ana, vera, as } = await setup();
    const theirs = await createTask({ ...as(ana, "owner"), input: { title: "Read the report", assigneeId: vera.actor.id } });
    const notTheirs = await createTask({ ...as(ana, "owner"), input: { title: "Someone else's" } });
    const done = await updateTask({ ...as(vera, "viewer"), taskId: theirs.id, input: { version: 1, status: "done" } });
    expect(done.status).toBe("done");
    await expect(updateTask({ ...as(vera, "viewer"), taskId: theirs.id, input: { version: 2, title: "Renamed" } })).rejects.toThrow(
      ForbiddenError,
    );
    await expect(updateTask({ ...as(vera, "viewer"), taskId: notTheirs.id, input: { version: 1, status: "done" } })).rejects.toThrow(
      ForbiddenError,
    );
  });

  it("overdue means still to do and due before today", () => {
    expect(isOverdue({ dueDate: "2026-01-01", status: "open" }, "2026-01-02")).toBe(true);
    expect(isOverdue({ dueDate: "2026-01-02", status: "in_progress" }, "2026-01-02")).toBe(false);
    expect(isOverdue({ dueDate: "2026-01-01", status: "done" }, "2026-01-02")).toBe(false);
    expect(isOverdue({ dueDate: null, status: "open" }, "2026-01-02")).toBe(false);
  });
});

describe("task routes", () => {
  it("a viewer cannot create (403); a non-member cannot see (404); a member can; bad input is a 422 naming the field", async () => {
    const { ana, vera, out, ed, c } = await setup();
    const url = `/api/cases/${c.id}/tasks`;
    const params = { caseId: c.id };
    const viewer = await call(tasksRoute.POST, vera, "POST", url, params, { title: "From a viewer" });
    expect(viewer.status).toBe(403);
    const created = await call(tasksRoute.POST, ana, "POST", url, params, {
      title: "Owner's task",
      assigneeId: ed.actor.id,
      dueDate: "2026-03-01",
    });
    expect(created.status).toBe(201);
    expect(created.body.task).toMatchObject({ title: "Owner's task", dueDate: "2026-03-01" });
    const bad = await call(tasksRoute.POST, ana, "POST", url, params, { title: "", dueDate: "2026-13-01" });
    expect(bad.status).toBe(422);
    expect(bad.body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(["dueDate", "title"]);

    expect((await call(tasksRoute.GET, out, "GET", url, params)).status).toBe(404);
    const patch = await call(
      taskRoute.PATCH,
      out,
      "PATCH",
      `${url}/${created.body.task.id}`,
      { ...params, taskId: created.body.task.id },
      {
        version: 1,
        status: "done",
      },
    );
    expect(patch.status).toBe(404);
    const listed = await call(tasksRoute.GET, vera, "GET", url, params);
    expect(listed.status).toBe(200);
    expect(listed.body.tasks.map((t: { title: string }) => t.title)).toEqual(["Owner's task"]);

    const stale = await call(
      taskRoute.PATCH,
      ed,
      "PATCH",
      `${url}/${created.body.task.id}`,
      { ...params, taskId: created.body.task.id },
      {
        version: 7,
        status: "done",
      },
    );
    expect(stale.status).toBe(409);
    expect(stale.body.error.current).toMatchObject({ version: 1, status: "open" });

    const mine = await call(myTasksRoute.GET, ed, "GET", "/api/me/tasks", {});
    expect(mine.body.tasks.map((t: { title: string }) => t.title)).toEqual(["Owner's task"]);
    expect((await call(myTasksRoute.GET, out, "GET", "/api/me/tasks", {})).body.tasks).toEqual([]);
  });

  it("someone who leaves a case no longer sees its tasks under my tasks", async () => {
    const { ana, ed, c, as } = await setup();
    await createTask({ ...as(ana, "owner"), input: { title: "Before leaving", assigneeId: ed.actor.id } });
    expect(await listMyTasks({ actor: ed.actor })).toHaveLength(1);
    await db.caseMember.delete({ where: { caseId_userId: { caseId: c.id, userId: ed.actor.id } } });
    expect(await listMyTasks({ actor: ed.actor })).toEqual([]);
  });
});
