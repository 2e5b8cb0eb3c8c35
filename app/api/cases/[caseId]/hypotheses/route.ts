import { withCase, parseJson } from "@/lib/http/route";
import { createHypothesis } from "@/lib/attribution/hypotheses";
import { listQuestions } from "@/lib/attribution/questions";
import { hypothesisHash } from "@/lib/attribution/content-hash";
import { CreateHypothesisSchema, HypothesisListResponseSchema, CreatedHypothesisResponseSchema } from "@/lib/attribution/schemas";
import { respond } from "@/lib/http/respond";

// GET /api/cases/{caseId}/hypotheses — every hypothesis of the case, rejected ones included, with content hashes
export const GET = withCase("attribution.read", async ({ access }) => {
  const questions = await listQuestions({ access });
  return respond(HypothesisListResponseSchema, {
    hypotheses: questions.flatMap((q) => q.hypotheses.map((h) => ({ ...h, question: q.question, contentHash: hypothesisHash(h) }))),
  });
});

// POST /api/cases/{caseId}/hypotheses — add a competing hypothesis to a question
export const POST = withCase("hypotheses.manage", async ({ req, ctx, access }) => {
  const hypothesis = await createHypothesis({ ctx, access, input: await parseJson(req, CreateHypothesisSchema) });
  return respond(
    CreatedHypothesisResponseSchema,
    { hypothesis: { ...hypothesis, contentHash: hypothesisHash(hypothesis) } },
    { status: 201 },
  );
});
