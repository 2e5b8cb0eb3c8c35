import { parseJson } from "@/lib/http/route";
import { withHypothesis } from "@/lib/http/with-hypothesis";
import { requestChanges } from "@/lib/review/review-hypothesis";
import { RequestChangesSchema, ReviewResponseSchema } from "@/lib/attribution/schemas";
import { respond } from "@/lib/http/respond";

// POST /api/hypotheses/{id}/request-changes — send the judgment back to its author with {comment}
export const POST = withHypothesis("attribution.read", async ({ req, ctx, access, hypothesisId }) =>
  respond(ReviewResponseSchema, {
    review: await requestChanges({ ctx, access, hypothesisId, input: await parseJson(req, RequestChangesSchema) }),
  }),
);
