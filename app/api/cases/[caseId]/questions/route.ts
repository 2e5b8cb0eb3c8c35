import { NextResponse } from "next/server";
import { withCase, parseJson } from "@/lib/http/route";
import { createQuestion, listQuestions } from "@/lib/attribution/questions";
import { CreateQuestionSchema } from "@/lib/attribution/schemas";

// GET /api/cases/{caseId}/questions — attribution questions with their competing hypotheses
export const GET = withCase("attribution.read", async ({ access }) => ({ questions: await listQuestions({ access }) }));

// POST /api/cases/{caseId}/questions — ask an attribution question
export const POST = withCase("hypotheses.manage", async ({ req, ctx, access }) => {
  const question = await createQuestion({ ctx, access, input: await parseJson(req, CreateQuestionSchema) });
  return NextResponse.json({ question }, { status: 201 });
});
