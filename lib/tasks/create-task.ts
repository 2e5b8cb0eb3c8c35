import "server-only";
import { db } from "@/lib/db";
import type { Ctx } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import type { CaseAccess } from "@/lib/cases/require-case-access";
import { notify, quoted } from "@/lib/notifications/notify";
import type { TaskView } from "@/lib/domain-types";
import { CreateTaskSchema, type CreateTaskInput } from "./schemas";
import { checkTaskRefs } from "./check-task-refs";
import { TASK_INCLUDE, taskSnapshot, toTaskViews } from "./task-view";

/** Adds a task to the case; its assignee (a member) is notified in the same transaction as the task and its audit event. */
export async function createTask({ ctx, access, input }: { ctx: Ctx; access: CaseAccess; input: CreateTaskInput }): Promise<TaskView> {
  const data = CreateTaskSchema.parse(input);
  const assigneeId = data.assigneeId ?? null;
  const task = await db.$transaction(async (tx) => {
    const link = await checkTaskRefs(tx, access, { assigneeId, linkType: data.linkType ?? null, linkId: data.linkId ?? null });
    const created = await tx.task.create({
      data: {
        caseId: access.caseId,
        title: data.title,
        description: data.description,
        status: data.status,
        assigneeId,
        dueDate: data.dueDate ? new Date(`${data.dueDate}T00:00:00Z`) : null,
        ...link,
        createdById: ctx.actor.id,
      },
      include: TASK_INCLUDE,
    });
    await recordAudit({
      tx,
      ctx,
      action: "task.create",
      caseId: access.caseId,
      targetType: "task",
      targetId: created.id,
      after: taskSnapshot(created),
    });
    await notify(tx, ctx, {
      recipients: [assigneeId],
      caseId: access.caseId,
      kind: "task.assigned",
      targetType: "task",
      targetId: created.id,
      message: `${ctx.actor.name} assigned you the task ${quoted(created.title)} in ${quoted(created.case.title)}`,
      href: `/cases/${access.caseId}/tasks`,
    });
    return created;
  });
  return (await toTaskViews([task]))[0];
}
