import { withCase, parseJson } from "@/lib/http/route";
import { createQuestion, listQuestions } from "@/lib/attribution/questions";
import { CreateQuestionSchema, QuestionListResponseSchema, QuestionResponseSchema } from "@/lib/attribution/schemas";
import { respond } from "@/lib/http/respond";

// GET /api/cases/{caseId}/questions — attribution questions with their competing hypotheses
export const GET = withCase("attribution.read", async ({ access }) =>
  respond(QuestionListResponseSchema, { questions: await listQuestions({ access }) }),
);

// POST /api/cases/{caseId}/questions — ask an attribution question
export const POST = withCase("hypotheses.manage", async ({ req, ctx, access }) => {
  const question = await createQuestion({ ctx, access, input: await parseJson(req, CreateQuestionSchema) });
  return respond(QuestionResponseSchema, { question }, { status: 201 });
});
