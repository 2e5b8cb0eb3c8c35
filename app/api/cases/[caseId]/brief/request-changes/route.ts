import { withCase, parseJson } from "@/lib/http/route";
import { respond } from "@/lib/http/respond";
import { requestBriefChanges } from "@/lib/briefs/brief-review";
import { RequestChangesSchema, ReviewResponseSchema } from "@/lib/attribution/schemas";

// POST /api/cases/{caseId}/brief/request-changes — send the submitted brief back with {comment}; never a brief you submitted
export const POST = withCase("briefs.read", async ({ req, ctx, access }) =>
  respond(ReviewResponseSchema, { review: await requestBriefChanges({ ctx, access, input: await parseJson(req, RequestChangesSchema) }) }),
);
