import { withUser } from "@/lib/http/route";
import { disableUser } from "@/lib/admin/disable-user";
import { respond } from "@/lib/http/respond";
import { OkResponseSchema } from "@/lib/http/response-schemas";

// POST /api/admin/users/{userId}/disable — the user's sessions and API tokens stop working at once
export const POST = withUser(async ({ ctx, params }) => respond(OkResponseSchema, await disableUser({ ctx, userId: params.userId })));
