import { withCase, parseJson } from "@/lib/http/route";
import { createClaimLink } from "@/lib/claims/claim-links";
import { CreateClaimLinkSchema, ClaimLinkResponseSchema } from "@/lib/claims/schemas";
import { respond } from "@/lib/http/respond";

// POST /api/cases/{caseId}/claims/{claimId}/links — link this claim to another: corroborates, contradicts or repeats
export const POST = withCase("claims.update", async ({ req, ctx, access, params }) => {
  const link = await createClaimLink({ ctx, access, fromClaimId: params.claimId, input: await parseJson(req, CreateClaimLinkSchema) });
  return respond(ClaimLinkResponseSchema, { link }, { status: 201 });
});
