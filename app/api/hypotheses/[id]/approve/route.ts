import { parseJson } from "@/lib/http/route";
import { withHypothesis } from "@/lib/http/with-hypothesis";
import { approveHypothesis } from "@/lib/review/review-hypothesis";
import { ApproveSchema, ReviewResponseSchema } from "@/lib/attribution/schemas";
import { respond } from "@/lib/http/respond";

// POST /api/hypotheses/{id}/approve — approve exactly {contentHash}; never your own; 409 when it changed
export const POST = withHypothesis("attribution.read", async ({ req, ctx, access, hypothesisId }) =>
  respond(ReviewResponseSchema, {
    review: await approveHypothesis({ ctx, access, hypothesisId, input: await parseJson(req, ApproveSchema) }),
  }),
);
