import { withCase, parseJson } from "@/lib/http/route";
import { requestBriefChanges } from "@/lib/briefs/brief-review";
import { RequestChangesSchema } from "@/lib/attribution/schemas";

// POST /api/cases/{caseId}/brief/request-changes — send the submitted brief back with {comment}; never a brief you submitted
export const POST = withCase("briefs.read", async ({ req, ctx, access }) => ({
  review: await requestBriefChanges({ ctx, access, input: await parseJson(req, RequestChangesSchema) }),
}));
