import { withCase } from "@/lib/http/route";
import { respond } from "@/lib/http/respond";
import { getBriefReadiness } from "@/lib/briefs/brief-readiness";
import { BriefReadinessResponseSchema } from "@/lib/cases/evidence-health-schema";

// GET /api/cases/{caseId}/brief/readiness — what stands between the case and a release: the brief's blockers and its
// open estimative-language warnings. The case overview loads it after the page (composing the brief is its costliest part).
export const GET = withCase("claims.read", async ({ access }) =>
  respond(BriefReadinessResponseSchema, await getBriefReadiness({ access })),
);
