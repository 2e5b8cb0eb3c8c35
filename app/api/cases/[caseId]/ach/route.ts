import { z } from "zod";
import { IdSchema } from "@/lib/ids/id-schema";
import { withCase, parseQuery } from "@/lib/http/route";
import { getAchMatrix } from "@/lib/attribution/get-ach-matrix";
import { respond } from "@/lib/http/respond";
import { AchMatrixResponseSchema } from "@/lib/attribution/schemas";

const AchQuerySchema = z.object({
  questionId: IdSchema.optional(),
  // "Treat these claims as false": comma-separated claim ids left out of the scores.
  exclude: z
    .string()
    .optional()
    .transform((v) => (v ? v.split(",").filter(Boolean) : []))
    .pipe(z.array(IdSchema)),
  include: z.enum(["retracted"], 'include must be "retracted" (to show retracted claims too).').optional(),
});

// GET /api/cases/{caseId}/ach — the ACH matrix with every rater's ratings, inconsistency and diagnosticity.
// Unrated cells are left out of both scores: scores.evidence[].diagnosticity is null (JSON null, never 0)
// for a claim rated against fewer than two hypotheses, and scores.note carries that sentence for exports.
export const GET = withCase("attribution.read", async ({ req, access }) => {
  const q = parseQuery(req, AchQuerySchema);
  return respond(AchMatrixResponseSchema, {
    matrix: await getAchMatrix({
      access,
      questionId: q.questionId,
      excludedClaimIds: q.exclude,
      includeRetracted: q.include === "retracted",
    }),
  });
});
