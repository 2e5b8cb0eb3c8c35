import { parseQuery, withUser } from "@/lib/http/route";
import { listNotifications } from "@/lib/notifications/list-notifications";
import { NotificationListQuerySchema } from "@/lib/notifications/schemas";

// GET /api/me/notifications — your notifications, newest first, with the unread count (?unread=1 for unread only)
export const GET = withUser(async ({ req, actor }) => listNotifications({ actor, query: parseQuery(req, NotificationListQuerySchema) }));
