import { parseJson, withUser } from "@/lib/http/route";
import { respond } from "@/lib/http/respond";
import { markNotificationsRead } from "@/lib/notifications/mark-read";
import { MarkedReadResponseSchema, MarkNotificationsReadSchema } from "@/lib/notifications/schemas";

// POST /api/me/notifications/read — mark your notifications {ids} read, or {all: true}
export const POST = withUser(async ({ req, actor }) =>
  respond(MarkedReadResponseSchema, await markNotificationsRead({ actor, input: await parseJson(req, MarkNotificationsReadSchema) })),
);
