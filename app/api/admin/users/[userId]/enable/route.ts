import { withUser } from "@/lib/http/route";
import { enableUser } from "@/lib/admin/enable-user";

// POST /api/admin/users/{userId}/enable — the user may sign in again (old sessions stay ended)
export const POST = withUser(async ({ ctx, params }) => enableUser({ ctx, userId: params.userId }));
