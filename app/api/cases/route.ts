import { withUser, parseJson } from "@/lib/http/route";
import { listCases } from "@/lib/cases/list-cases";
import { createCase } from "@/lib/cases/create-case";
import { CaseListResponseSchema, CaseResponseSchema, CreateCaseSchema } from "@/lib/cases/schemas";
import { respond } from "@/lib/http/respond";

// GET /api/cases — the cases the caller is a member of
export const GET = withUser(async ({ actor }) => {
  const cases = await listCases({ actor });
  return respond(CaseListResponseSchema, { cases });
});

// POST /api/cases — create a case; the caller becomes its owner
export const POST = withUser(async ({ req, ctx }) => {
  const input = await parseJson(req, CreateCaseSchema);
  const created = await createCase({ ctx, input });
  return respond(CaseResponseSchema, { case: created }, { status: 201 });
});
