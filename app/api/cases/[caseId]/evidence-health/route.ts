import { withCase } from "@/lib/http/route";
import { respond } from "@/lib/http/respond";
import { getEvidenceHealthReport } from "@/lib/cases/evidence-health";
import { EvidenceHealthResponseSchema } from "@/lib/cases/evidence-health-schema";

// GET /api/cases/{caseId}/evidence-health — the overview's "how strong is this case": key judgments, the Admiralty
// table, weak spots (each a claims list with ?health=), unrated hypotheses, the brief's blockers and warnings
export const GET = withCase("claims.read", async ({ access }) =>
  respond(EvidenceHealthResponseSchema, await getEvidenceHealthReport({ access })),
);
