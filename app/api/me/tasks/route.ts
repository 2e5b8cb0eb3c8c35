import { withUser } from "@/lib/http/route";
import { respond } from "@/lib/http/respond";
import { listMyTasks } from "@/lib/tasks/list-my-tasks";
import { TaskListResponseSchema } from "@/lib/tasks/schemas";

// GET /api/me/tasks — open and in-progress tasks assigned to you across your cases, earliest due first
export const GET = withUser(async ({ actor }) => respond(TaskListResponseSchema, { tasks: await listMyTasks({ actor }) }));
