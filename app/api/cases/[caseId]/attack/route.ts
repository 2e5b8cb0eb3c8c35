import { withCase } from "@/lib/http/route";
import { respond } from "@/lib/http/respond";
import { getCaseAttack } from "@/lib/attack/get-case-attack";
import { CaseAttackResponseSchema } from "@/lib/attack/schemas";

// GET /api/cases/{caseId}/attack — the case's techniques by tactic, with their claims and quotes
export const GET = withCase("claims.read", async ({ access }) => respond(CaseAttackResponseSchema, await getCaseAttack({ access })));
