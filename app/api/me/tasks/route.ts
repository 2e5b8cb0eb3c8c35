import { withUser } from "@/lib/http/route";
import { listMyTasks } from "@/lib/tasks/list-my-tasks";

// GET /api/me/tasks — open and in-progress tasks assigned to you across your cases, earliest due first
export const GET = withUser(async ({ actor }) => ({ tasks: await listMyTasks({ actor }) }));
