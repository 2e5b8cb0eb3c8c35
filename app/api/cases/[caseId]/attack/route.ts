import { withCase } from "@/lib/http/route";
import { getCaseAttack } from "@/lib/attack/get-case-attack";

// GET /api/cases/{caseId}/attack — the case's techniques by tactic, with their claims and quotes
export const GET = withCase("claims.read", async ({ access }) => getCaseAttack({ access }));
