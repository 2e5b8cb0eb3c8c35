import { withCase } from "@/lib/http/route";
import { touchPresence } from "@/lib/cases/presence";
import { respond } from "@/lib/http/respond";
import { PresenceResponseSchema } from "@/lib/cases/schemas";

// POST /api/cases/{caseId}/presence — "I have this case open"; answers who else has it open
export const POST = withCase("case.read", async ({ actor, access }) =>
  respond(PresenceResponseSchema, { viewers: await touchPresence({ actor, access }) }),
);
