import { parseOptionalJson } from "@/lib/http/route";
import { withHypothesis } from "@/lib/http/with-hypothesis";
import { submitHypothesis } from "@/lib/review/review-hypothesis";
import { SubmitSchema, ReviewResponseSchema } from "@/lib/attribution/schemas";
import { respond } from "@/lib/http/respond";

// POST /api/hypotheses/{id}/submit — ask for a second person's review of the judgment as it is now ({note} optional)
export const POST = withHypothesis("hypotheses.manage", async ({ req, ctx, access, hypothesisId }) =>
  respond(ReviewResponseSchema, {
    review: await submitHypothesis({ ctx, access, hypothesisId, input: await parseOptionalJson(req, SubmitSchema) }),
  }),
);
