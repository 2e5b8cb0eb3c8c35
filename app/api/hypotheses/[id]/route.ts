import { parseJson } from "@/lib/http/route";
import { withHypothesis } from "@/lib/http/with-hypothesis";
import { getHypothesis, updateHypothesis } from "@/lib/attribution/hypotheses";
import { UpdateHypothesisSchema, HypothesisDetailResponseSchema, UpdatedHypothesisResponseSchema } from "@/lib/attribution/schemas";
import { hypothesisHash } from "@/lib/attribution/content-hash";
import { markReviewRead } from "@/lib/review/review-queue";
import { respond } from "@/lib/http/respond";

// GET /api/hypotheses/{id} — a hypothesis with its content hash, history (who, when, why, diff) and reviews
export const GET = withHypothesis("attribution.read", async ({ access, hypothesisId, actor }) => {
  const result = await getHypothesis({ access, hypothesisId });
  await markReviewRead({ actor, targetId: hypothesisId });
  return respond(HypothesisDetailResponseSchema, result);
});

// PATCH /api/hypotheses/{id} — change the judgment: `version` and `reason` required; 409 on a stale version
export const PATCH = withHypothesis("hypotheses.manage", async ({ req, ctx, access, hypothesisId }) => {
  const result = await updateHypothesis({ ctx, access, hypothesisId, input: await parseJson(req, UpdateHypothesisSchema) });
  return respond(UpdatedHypothesisResponseSchema, {
    ...result,
    hypothesis: { ...result.hypothesis, contentHash: hypothesisHash(result.hypothesis) },
  });
});
