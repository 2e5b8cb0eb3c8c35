import { withCase } from "@/lib/http/route";
import { leavePresence, touchPresence } from "@/lib/cases/presence";
import { respond } from "@/lib/http/respond";
import { PresenceResponseSchema } from "@/lib/cases/schemas";
import { OkResponseSchema } from "@/lib/http/response-schemas";

// POST /api/cases/{caseId}/presence — "I have this case open"; answers who else has it open
export const POST = withCase("case.read", async ({ actor, access }) =>
  respond(PresenceResponseSchema, { viewers: await touchPresence({ actor, access }) }),
);

// DELETE /api/cases/{caseId}/presence — "I closed this case" (sent with keepalive on pagehide)
export const DELETE = withCase("case.read", async ({ actor, access }) => respond(OkResponseSchema, await leavePresence({ actor, access })));
