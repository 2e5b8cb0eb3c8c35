import { NextResponse } from "next/server";
import { withCase, parseJson } from "@/lib/http/route";
import { acknowledgeBriefWarning } from "@/lib/briefs/acknowledge-warning";
import { AcknowledgeWarningSchema } from "@/lib/briefs/brief-settings-schema";

// POST /api/cases/{caseId}/brief/acknowledgements — acknowledge a brief warning with a reason (printed in the brief's notes)
export const POST = withCase("briefs.manage", async ({ req, ctx, access }) =>
  NextResponse.json(
    { acknowledgement: await acknowledgeBriefWarning({ ctx, access, input: await parseJson(req, AcknowledgeWarningSchema) }) },
    { status: 201 },
  ),
);
