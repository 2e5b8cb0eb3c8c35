import { withCase, parseJson } from "@/lib/http/route";
import { approveBrief } from "@/lib/briefs/brief-review";
import { ApproveSchema } from "@/lib/attribution/schemas";

// POST /api/cases/{caseId}/brief/approve — approve the brief's {contentHash}; never a brief you submitted
export const POST = withCase("briefs.read", async ({ req, ctx, access }) => ({
  review: await approveBrief({ ctx, access, input: await parseJson(req, ApproveSchema) }),
}));
