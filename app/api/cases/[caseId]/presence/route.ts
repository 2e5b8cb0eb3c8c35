import { withCase } from "@/lib/http/route";
import { touchPresence } from "@/lib/cases/presence";

// POST /api/cases/{caseId}/presence — "I have this case open"; answers who else has it open
export const POST = withCase("case.read", async ({ actor, access }) => ({ viewers: await touchPresence({ actor, access }) }));
