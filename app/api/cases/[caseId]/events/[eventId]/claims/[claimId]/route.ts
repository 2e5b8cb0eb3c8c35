import { withCase } from "@/lib/http/route";
import { linkEventClaim, unlinkEventClaim } from "@/lib/events/update-event";
import { respond } from "@/lib/http/respond";
import { EventClaimLinkedResponseSchema, EventClaimUnlinkedResponseSchema } from "@/lib/events/schemas";

// PUT /api/cases/{caseId}/events/{eventId}/claims/{claimId} — link a claim to the event (idempotent)
export const PUT = withCase("events.manage", async ({ ctx, access, params }) =>
  respond(EventClaimLinkedResponseSchema, await linkEventClaim({ ctx, access, eventId: params.eventId, claimId: params.claimId })),
);

// DELETE /api/cases/{caseId}/events/{eventId}/claims/{claimId} — unlink a claim from the event (idempotent)
export const DELETE = withCase("events.manage", async ({ ctx, access, params }) =>
  respond(EventClaimUnlinkedResponseSchema, await unlinkEventClaim({ ctx, access, eventId: params.eventId, claimId: params.claimId })),
);
