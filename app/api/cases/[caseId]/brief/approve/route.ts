import { withCase, parseJson } from "@/lib/http/route";
import { approveBrief } from "@/lib/briefs/brief-review";
import { ApproveSchema } from "@/lib/attribution/schemas";
import { respond } from "@/lib/http/respond";
import { BriefReviewResponseSchema } from "@/lib/briefs/brief-settings-schema";

// POST /api/cases/{caseId}/brief/approve — approve the brief's {contentHash}; never a brief you submitted
export const POST = withCase("briefs.read", async ({ req, ctx, access }) =>
  respond(BriefReviewResponseSchema, {
    review: await approveBrief({ ctx, access, input: await parseJson(req, ApproveSchema) }),
  }),
);
