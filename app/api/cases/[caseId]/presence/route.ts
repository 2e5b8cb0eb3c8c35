import { withCase } from "@/lib/http/route";
import { leavePresence, touchPresence } from "@/lib/cases/presence";

// POST /api/cases/{caseId}/presence — "I have this case open"; answers who else has it open
export const POST = withCase("case.read", async ({ actor, access }) => ({ viewers: await touchPresence({ actor, access }) }));

// DELETE /api/cases/{caseId}/presence — "I closed this case" (sent with keepalive on pagehide)
export const DELETE = withCase("case.read", async ({ actor, access }) => leavePresence({ actor, access }));
