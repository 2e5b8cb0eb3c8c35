import { withCase, parseJson } from "@/lib/http/route";
import { retractRecord } from "@/lib/lifecycle/retract-record";
import { RetractSchema } from "@/lib/lifecycle/schemas";

// POST /api/cases/{caseId}/claims/{claimId}/retract — retract the claim with a reason: kept, audited, hidden from lists unless asked for
export const POST = withCase("claims.retract", async ({ req, ctx, access, params }) =>
  retractRecord({ ctx, access, kind: "claim", id: params.claimId, input: await parseJson(req, RetractSchema) }),
);
