import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import type { TaskView } from "@/lib/domain-types";
import { ACTIVE_TASK_STATUSES } from "./schemas";
import { TASK_INCLUDE, toTaskViews } from "./task-view";

/**
 * The tasks still to do that are assigned to the actor, across every case they are (still) a member
 * of, earliest due first (undated last).
 */
export async function listMyTasks({ actor, limit = 100 }: { actor: Actor; limit?: number }): Promise<TaskView[]> {
  const rows = await db.task.findMany({
    where: {
      assigneeId: actor.id,
      status: { in: [...ACTIVE_TASK_STATUSES] },
      case: { members: { some: { userId: actor.id } } },
    },
    orderBy: [{ dueDate: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
    take: limit,
    include: TASK_INCLUDE,
  });
  return toTaskViews(rows);
}
