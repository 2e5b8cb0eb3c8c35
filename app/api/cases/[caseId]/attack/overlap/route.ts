import { withCase } from "@/lib/http/route";
import { respond } from "@/lib/http/respond";
import { caseTechniqueIds } from "@/lib/attack/get-case-attack";
import { OVERLAP_NOTE, rankOverlap } from "@/lib/attack/overlap";
import { OverlapResponseSchema } from "@/lib/attack/schemas";

// GET /api/cases/{caseId}/attack/overlap — ATT&CK groups ranked by idf-weighted overlap with the case's techniques
export const GET = withCase("claims.read", async ({ access }) => {
  const { groups, observed, groupCount } = rankOverlap(await caseTechniqueIds({ access }));
  return respond(OverlapResponseSchema, { groups, observed, groupCount, note: OVERLAP_NOTE });
});
