import { NextResponse } from "next/server";
import { withCase, parseJson } from "@/lib/http/route";
import { recordOverlapClaim } from "@/lib/attack/record-overlap-claim";
import { RecordOverlapClaimSchema } from "@/lib/attack/schemas";

// POST /api/cases/{caseId}/attack/overlap/claims — record one overlap row as an assessment claim (credibility 4) with its computation as the cited document
export const POST = withCase("claims.create", async ({ req, ctx, access }) => {
  const { claim, documentId } = await recordOverlapClaim({ ctx, access, input: await parseJson(req, RecordOverlapClaimSchema) });
  return NextResponse.json({ claim, documentId }, { status: 201 });
});
