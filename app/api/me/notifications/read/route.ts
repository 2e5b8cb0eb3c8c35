import { parseJson, withUser } from "@/lib/http/route";
import { markNotificationsRead } from "@/lib/notifications/mark-read";
import { MarkNotificationsReadSchema } from "@/lib/notifications/schemas";

// POST /api/me/notifications/read — mark your notifications {ids} read, or {all: true}
export const POST = withUser(async ({ req, actor }) =>
  markNotificationsRead({ actor, input: await parseJson(req, MarkNotificationsReadSchema) }),
);
