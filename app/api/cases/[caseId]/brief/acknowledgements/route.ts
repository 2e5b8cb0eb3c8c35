import { withCase, parseJson } from "@/lib/http/route";
import { acknowledgeBriefWarning } from "@/lib/briefs/acknowledge-warning";
import { AcknowledgeWarningSchema, AcknowledgementResponseSchema } from "@/lib/briefs/brief-settings-schema";
import { respond } from "@/lib/http/respond";

// POST /api/cases/{caseId}/brief/acknowledgements — acknowledge a brief warning with a reason (printed in the brief's notes)
export const POST = withCase("briefs.manage", async ({ req, ctx, access }) =>
  respond(
    AcknowledgementResponseSchema,
    { acknowledgement: await acknowledgeBriefWarning({ ctx, access, input: await parseJson(req, AcknowledgeWarningSchema) }) },
    { status: 201 },
  ),
);
