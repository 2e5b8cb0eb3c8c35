import { withCase, parseJson } from "@/lib/http/route";
import { getClaim } from "@/lib/claims/claim-details";
import { updateClaim } from "@/lib/claims/update-claim";
import { UpdateClaimSchema, ClaimResponseSchema } from "@/lib/claims/schemas";
import { respond } from "@/lib/http/respond";

// GET /api/cases/{caseId}/claims/{claimId} — one claim with quotes, grade, links and independence
export const GET = withCase("claims.read", async ({ access, params }) =>
  respond(ClaimResponseSchema, { claim: await getClaim({ access, claimId: params.claimId }) }),
);

// PATCH /api/cases/{caseId}/claims/{claimId} — edit a claim (`version` required; 409 with the current claim when stale)
export const PATCH = withCase("claims.update", async ({ req, ctx, access, params }) => {
  await updateClaim({ ctx, access, claimId: params.claimId, input: await parseJson(req, UpdateClaimSchema) });
  return respond(ClaimResponseSchema, { claim: await getClaim({ access, claimId: params.claimId }) });
});
