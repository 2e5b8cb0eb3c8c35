import { withCase, parseJson } from "@/lib/http/route";
import { updateQuestion } from "@/lib/attribution/questions";
import { UpdateQuestionSchema } from "@/lib/attribution/schemas";

// PATCH /api/cases/{caseId}/questions/{questionId} — reword the question or its conclusion (`version` required)
export const PATCH = withCase("hypotheses.manage", async ({ req, ctx, access, params }) => ({
  question: await updateQuestion({ ctx, access, questionId: params.questionId, input: await parseJson(req, UpdateQuestionSchema) }),
}));
