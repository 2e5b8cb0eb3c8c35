import { withCase, parseJson } from "@/lib/http/route";
import { getCase } from "@/lib/cases/get-case";
import { updateCase } from "@/lib/cases/update-case";
import { CaseDetailResponseSchema, CaseResponseSchema, UpdateCaseSchema } from "@/lib/cases/schemas";
import { respond } from "@/lib/http/respond";

// GET /api/cases/{caseId} — one case with the caller's role
export const GET = withCase("case.read", async ({ access }) => {
  const c = await getCase({ access });
  return respond(CaseDetailResponseSchema, {
    case: c,
    members: c.members.map((m) => ({ userId: m.user.id, name: m.user.name, email: m.user.email, role: m.role })),
  });
});

// PATCH /api/cases/{caseId} — edit title, summary, status, TLP; `version` must match (409 otherwise)
export const PATCH = withCase("case.update", async ({ req, ctx, access }) => {
  const input = await parseJson(req, UpdateCaseSchema);
  const updated = await updateCase({ ctx, access, input });
  return respond(CaseResponseSchema, { case: { ...updated, role: access.role } });
});
