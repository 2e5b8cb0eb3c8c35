import { withCase } from "@/lib/http/route";
import { respond } from "@/lib/http/respond";
import { getCaseGraph } from "@/lib/graph/get-case-graph";
import { CaseGraphResponseSchema } from "@/lib/graph/schemas";

// GET /api/cases/{caseId}/graph — the evidence graph: nodes, relationships, each claim's origin and the circular reporting
export const GET = withCase("claims.read", async ({ access }) => respond(CaseGraphResponseSchema, await getCaseGraph({ access })));
