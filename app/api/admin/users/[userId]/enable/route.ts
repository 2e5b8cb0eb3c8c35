import { withUser } from "@/lib/http/route";
import { enableUser } from "@/lib/admin/enable-user";
import { respond } from "@/lib/http/respond";
import { OkResponseSchema } from "@/lib/http/response-schemas";

// POST /api/admin/users/{userId}/enable — the user may sign in again (old sessions stay ended)
export const POST = withUser(async ({ ctx, params }) => respond(OkResponseSchema, await enableUser({ ctx, userId: params.userId })));
