import { withCase, parseJson } from "@/lib/http/route";
import { updateQuestion } from "@/lib/attribution/questions";
import { UpdateQuestionSchema, QuestionResponseSchema } from "@/lib/attribution/schemas";
import { respond } from "@/lib/http/respond";

// PATCH /api/cases/{caseId}/questions/{questionId} — reword the question or its conclusion (`version` required)
export const PATCH = withCase("hypotheses.manage", async ({ req, ctx, access, params }) =>
  respond(QuestionResponseSchema, {
    question: await updateQuestion({ ctx, access, questionId: params.questionId, input: await parseJson(req, UpdateQuestionSchema) }),
  }),
);
