import { parseJson } from "@/lib/http/route";
import { withHypothesis } from "@/lib/http/with-hypothesis";
import { clearRating, rateCell } from "@/lib/attribution/ratings";
import { RateCellSchema, RatingResponseSchema, ClearedRatingResponseSchema } from "@/lib/attribution/schemas";
import { respond } from "@/lib/http/respond";

// PUT /api/hypotheses/{id}/ratings/{claimId} — the caller's own ACH rating {rating: CC|C|N|I|II|NA, note}
export const PUT = withHypothesis("ach.rate", async ({ req, ctx, access, hypothesisId, params }) =>
  respond(RatingResponseSchema, {
    rating: await rateCell({ ctx, access, hypothesisId, claimId: params.claimId, input: await parseJson(req, RateCellSchema) }),
  }),
);

// DELETE /api/hypotheses/{id}/ratings/{claimId} — clear the caller's own ACH rating back to "not rated" (no body)
export const DELETE = withHypothesis("ach.rate", async ({ ctx, access, hypothesisId, params }) =>
  respond(ClearedRatingResponseSchema, await clearRating({ ctx, access, hypothesisId, claimId: params.claimId })),
);
