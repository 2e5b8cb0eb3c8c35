import { parseOptionalJson } from "@/lib/http/route";
import { withHypothesis } from "@/lib/http/with-hypothesis";
import { submitHypothesis } from "@/lib/review/review-hypothesis";
import { SubmitSchema } from "@/lib/attribution/schemas";

// POST /api/hypotheses/{id}/submit — ask for a second person's review of the judgment as it is now ({note} optional)
export const POST = withHypothesis("hypotheses.manage", async ({ req, ctx, access, hypothesisId }) => ({
  review: await submitHypothesis({ ctx, access, hypothesisId, input: await parseOptionalJson(req, SubmitSchema) }),
}));
