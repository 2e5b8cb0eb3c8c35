import { withCase, parseJson } from "@/lib/http/route";
import { respond } from "@/lib/http/respond";
import { setClaimTechniques } from "@/lib/attack/set-claim-techniques";
import { ClaimTechniquesResponseSchema, SetClaimTechniquesSchema } from "@/lib/attack/schemas";

// PUT /api/cases/{caseId}/claims/{claimId}/techniques — replace the claim's ATT&CK technique tags
export const PUT = withCase("claims.update", async ({ req, ctx, access, params }) =>
  respond(
    ClaimTechniquesResponseSchema,
    await setClaimTechniques({ ctx, access, claimId: params.claimId, input: await parseJson(req, SetClaimTechniquesSchema) }),
  ),
);
