import "server-only";
import { db } from "@/lib/db";
import type { CaseAccess } from "@/lib/cases/require-case-access";
import type { TaskView } from "@/lib/domain-types";
import { ACTIVE_TASK_STATUSES, TaskListQuerySchema } from "./schemas";
import { TASK_INCLUDE, toTaskViews } from "./task-view";

/** The case's tasks: open ones first, then in progress, done, cancelled; within each, earliest due first. */
export async function listTasks({ access, query = {} }: { access: CaseAccess; query?: unknown }): Promise<TaskView[]> {
  const { status } = TaskListQuerySchema.parse(query);
  const rows = await db.task.findMany({
    where: {
      caseId: access.caseId,
      ...(status === "active" ? { status: { in: [...ACTIVE_TASK_STATUSES] } } : status ? { status } : {}),
    },
    orderBy: [{ status: "asc" }, { dueDate: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
    include: TASK_INCLUDE,
  });
  return toTaskViews(rows);
}
