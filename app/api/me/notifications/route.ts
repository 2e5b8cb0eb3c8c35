import { parseQuery, withUser } from "@/lib/http/route";
import { respond } from "@/lib/http/respond";
import { listNotifications } from "@/lib/notifications/list-notifications";
import { NotificationListQuerySchema, NotificationListResponseSchema } from "@/lib/notifications/schemas";

// GET /api/me/notifications — your notifications, newest first, with the unread count (?unread=1 for unread only)
export const GET = withUser(async ({ req, actor }) =>
  respond(NotificationListResponseSchema, await listNotifications({ actor, query: parseQuery(req, NotificationListQuerySchema) })),
);
