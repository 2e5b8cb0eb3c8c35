import { withUser } from "@/lib/http/route";
import { disableUser } from "@/lib/admin/disable-user";

// POST /api/admin/users/{userId}/disable — the user's sessions and API tokens stop working at once
export const POST = withUser(async ({ ctx, params }) => disableUser({ ctx, userId: params.userId }));
