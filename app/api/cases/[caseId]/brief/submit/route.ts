import { withCase } from "@/lib/http/route";
import { submitBrief } from "@/lib/briefs/brief-review";
import { respond } from "@/lib/http/respond";
import { BriefReviewResponseSchema } from "@/lib/briefs/brief-settings-schema";

// POST /api/cases/{caseId}/brief/submit — ask a reviewer to approve the brief exactly as it is now
export const POST = withCase("briefs.manage", async ({ ctx, access }) =>
  respond(BriefReviewResponseSchema, { review: await submitBrief({ ctx, access }) }),
);
