import { withCase, parseJson, parseQuery } from "@/lib/http/route";
import { respond } from "@/lib/http/respond";
import { createTask } from "@/lib/tasks/create-task";
import { listTasks } from "@/lib/tasks/list-tasks";
import { CreateTaskSchema, TaskListQuerySchema, TaskListResponseSchema, TaskResponseSchema } from "@/lib/tasks/schemas";

// GET /api/cases/{caseId}/tasks — the case's tasks, open first; ?status=open|in_progress|done|cancelled|active
export const GET = withCase("tasks.read", async ({ req, access }) =>
  respond(TaskListResponseSchema, { tasks: await listTasks({ access, query: parseQuery(req, TaskListQuerySchema) }) }),
);

// POST /api/cases/{caseId}/tasks — a task with an optional assignee (a member), due date and link; the assignee is notified
export const POST = withCase("tasks.manage", async ({ req, ctx, access }) => {
  const task = await createTask({ ctx, access, input: await parseJson(req, CreateTaskSchema) });
  return respond(TaskResponseSchema, { task }, { status: 201 });
});
