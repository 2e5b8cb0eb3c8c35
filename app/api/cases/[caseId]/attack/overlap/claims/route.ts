import { withCase, parseJson } from "@/lib/http/route";
import { respond } from "@/lib/http/respond";
import { recordOverlapClaim } from "@/lib/attack/record-overlap-claim";
import { OverlapClaimResponseSchema, RecordOverlapClaimSchema } from "@/lib/attack/schemas";

// POST /api/cases/{caseId}/attack/overlap/claims — record one overlap row as an assessment claim (credibility 4) with its computation as the cited document
export const POST = withCase("claims.create", async ({ req, ctx, access }) =>
  respond(OverlapClaimResponseSchema, await recordOverlapClaim({ ctx, access, input: await parseJson(req, RecordOverlapClaimSchema) }), {
    status: 201,
  }),
);
