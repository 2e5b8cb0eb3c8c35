import { withCase, parseJson } from "@/lib/http/route";
import { setClaimTechniques } from "@/lib/attack/set-claim-techniques";
import { SetClaimTechniquesSchema } from "@/lib/attack/schemas";

// PUT /api/cases/{caseId}/claims/{claimId}/techniques — replace the claim's ATT&CK technique tags
export const PUT = withCase("claims.update", async ({ req, ctx, access, params }) =>
  setClaimTechniques({ ctx, access, claimId: params.claimId, input: await parseJson(req, SetClaimTechniquesSchema) }),
);
