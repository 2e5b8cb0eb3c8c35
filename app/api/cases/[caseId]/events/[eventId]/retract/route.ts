import { withCase, parseJson } from "@/lib/http/route";
import { retractRecord } from "@/lib/lifecycle/retract-record";
import { RetractSchema, RetractedResponseSchema } from "@/lib/lifecycle/schemas";
import { respond } from "@/lib/http/respond";

// POST /api/cases/{caseId}/events/{eventId}/retract — retract the event with a reason: kept, audited, hidden from lists unless asked for
export const POST = withCase("events.retract", async ({ req, ctx, access, params }) =>
  respond(
    RetractedResponseSchema,
    await retractRecord({ ctx, access, kind: "event", id: params.eventId, input: await parseJson(req, RetractSchema) }),
  ),
);
