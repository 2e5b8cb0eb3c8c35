import { withCase } from "@/lib/http/route";
import { submitBrief } from "@/lib/briefs/brief-review";

// POST /api/cases/{caseId}/brief/submit — ask a reviewer to approve the brief exactly as it is now
export const POST = withCase("briefs.manage", async ({ ctx, access }) => ({ review: await submitBrief({ ctx, access }) }));
