import { withCase, parseJson } from "@/lib/http/route";
import { respond } from "@/lib/http/respond";
import { updateTask } from "@/lib/tasks/update-task";
import { TaskResponseSchema, UpdateTaskSchema } from "@/lib/tasks/schemas";

// PATCH /api/cases/{caseId}/tasks/{taskId} — edit, reassign, progress or cancel a task (`version` required; 409 when stale)
export const PATCH = withCase("tasks.progress", async ({ req, ctx, access, params }) =>
  respond(TaskResponseSchema, {
    task: await updateTask({ ctx, access, taskId: params.taskId, input: await parseJson(req, UpdateTaskSchema) }),
  }),
);
