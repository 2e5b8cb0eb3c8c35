import "server-only";
import { db } from "@/lib/db";
import type { Ctx } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { ConflictError, ForbiddenError, InvalidError, NotFoundError } from "@/lib/errors";
import { can } from "@/lib/auth/permissions";
import type { CaseAccess } from "@/lib/cases/require-case-access";
import { notify, quoted } from "@/lib/notifications/notify";
import type { TaskView } from "@/lib/domain-types";
import { UpdateTaskSchema, type UpdateTaskInput } from "./schemas";
import { checkTaskRefs } from "./check-task-refs";
import { TASK_INCLUDE, taskSnapshot, toTaskViews } from "./task-view";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Edits a task if nobody saved it since `version`; a stale edit is a 409 carrying the current task, so
 * the form can show it and keep what was typed. Members who may manage tasks change anything; any
 * other member may only move a task assigned to them through its states (status alone). Cancelling is
 * status "cancelled": the task is kept. A new assignee is notified in the same transaction.
 */
export async function updateTask({
  ctx,
  access,
  taskId,
  input,
}: {
  ctx: Ctx;
  access: CaseAccess;
  taskId: string;
  input: UpdateTaskInput;
}): Promise<TaskView> {
  if (!UUID.test(taskId)) throw new NotFoundError("Task");
  const { version, ...raw } = UpdateTaskSchema.parse(input);
  const changes = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined)) as Partial<typeof raw>;
  if (!Object.keys(changes).length) throw new InvalidError("Nothing to change.");
  const task = await db.$transaction(async (tx) => {
    const before = await tx.task.findFirst({ where: { id: taskId, caseId: access.caseId }, include: TASK_INCLUDE });
    if (!before) throw new NotFoundError("Task");
    if (!can(access.role, "tasks.manage")) {
      if (before.assigneeId !== ctx.actor.id)
        throw new ForbiddenError("Your role on this case lets you update only the tasks assigned to you.");
      if (Object.keys(changes).some((k) => k !== "status"))
        throw new ForbiddenError("Your role on this case lets you change only the status of a task assigned to you.");
    }
    const assigneeId = changes.assigneeId !== undefined ? changes.assigneeId : before.assigneeId;
    const linkChanged = changes.linkType !== undefined || changes.linkId !== undefined;
    const link = await checkTaskRefs(tx, access, {
      assigneeId: changes.assigneeId !== undefined ? assigneeId : null,
      linkType: linkChanged ? (changes.linkType !== undefined ? changes.linkType : before.linkType) : null,
      linkId: linkChanged ? (changes.linkId !== undefined ? changes.linkId : before.linkType === "brief" ? null : before.linkId) : null,
    });
    const { count } = await tx.task.updateMany({
      where: { id: taskId, caseId: access.caseId, version },
      data: {
        ...(changes.title !== undefined && { title: changes.title }),
        ...(changes.description !== undefined && { description: changes.description }),
        ...(changes.status !== undefined && { status: changes.status }),
        ...(changes.assigneeId !== undefined && { assigneeId }),
        ...(changes.dueDate !== undefined && { dueDate: changes.dueDate ? new Date(`${changes.dueDate}T00:00:00Z`) : null }),
        ...(linkChanged && link),
        version: { increment: 1 },
      },
    });
    if (count === 0) {
      const [current] = await toTaskViews([before]);
      throw new ConflictError("Someone else saved this task after you opened it. Their version is shown; your edits are kept.", {
        current,
      });
    }
    const after = await tx.task.findUniqueOrThrow({ where: { id: taskId }, include: TASK_INCLUDE });
    await recordAudit({
      tx,
      ctx,
      action: "task.update",
      caseId: access.caseId,
      targetType: "task",
      targetId: taskId,
      before: taskSnapshot(before),
      after: taskSnapshot(after),
    });
    if (after.assigneeId && after.assigneeId !== before.assigneeId)
      await notify(tx, ctx, {
        recipients: [after.assigneeId],
        caseId: access.caseId,
        kind: "task.assigned",
        targetType: "task",
        targetId: taskId,
        message: `${ctx.actor.name} assigned you the task ${quoted(after.title)} in ${quoted(after.case.title)}`,
        href: `/cases/${access.caseId}/tasks`,
      });
    return after;
  });
  return (await toTaskViews([task]))[0];
}
