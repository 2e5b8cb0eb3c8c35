import { withCase, parseJson } from "@/lib/http/route";
import { updateTask } from "@/lib/tasks/update-task";
import { UpdateTaskSchema } from "@/lib/tasks/schemas";

// PATCH /api/cases/{caseId}/tasks/{taskId} — edit, reassign, progress or cancel a task (`version` required; 409 when stale)
export const PATCH = withCase("tasks.progress", async ({ req, ctx, access, params }) => ({
  task: await updateTask({ ctx, access, taskId: params.taskId, input: await parseJson(req, UpdateTaskSchema) }),
}));
