import { withCase, parseJson } from "@/lib/http/route";
import { updateEvent } from "@/lib/events/update-event";
import { UpdateEventSchema, EventWithClaimsResponseSchema } from "@/lib/events/schemas";
import { respond } from "@/lib/http/respond";

// PATCH /api/cases/{caseId}/events/{eventId} — edit title, description, date or linked claims (`version` required; 409 when stale)
export const PATCH = withCase("events.manage", async ({ req, ctx, access, params }) =>
  respond(EventWithClaimsResponseSchema, {
    event: await updateEvent({ ctx, access, eventId: params.eventId, input: await parseJson(req, UpdateEventSchema) }),
  }),
);
