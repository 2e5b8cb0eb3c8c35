import { withCase, parseJson, parseQuery } from "@/lib/http/route";
import { IncludeRetractedQuerySchema } from "@/lib/lifecycle/schemas";
import { createEvent } from "@/lib/events/create-event";
import { listEvents } from "@/lib/events/list-events";
import { CreateEventSchema, EventListResponseSchema, EventResponseSchema } from "@/lib/events/schemas";
import { respond } from "@/lib/http/respond";

// GET /api/cases/{caseId}/events — the case timeline, oldest first; retracted events with ?include=retracted
export const GET = withCase("events.read", async ({ req, access }) => {
  const { include } = parseQuery(req, IncludeRetractedQuerySchema);
  return respond(EventListResponseSchema, { events: await listEvents({ access, includeRetracted: include === "retracted" }) });
});

// POST /api/cases/{caseId}/events — a dated event (day, month or year precision) linked to claims
export const POST = withCase("events.manage", async ({ req, ctx, access }) => {
  const event = await createEvent({ ctx, access, input: await parseJson(req, CreateEventSchema) });
  return respond(EventResponseSchema, { event }, { status: 201 });
});
