import { withCase, parseQuery } from "@/lib/http/route";
import { respond } from "@/lib/http/respond";
import { previewBrief } from "@/lib/briefs/preview-brief";
import { BriefPreviewQuerySchema, BriefPreviewResponseSchema } from "@/lib/briefs/brief-settings-schema";

// GET /api/cases/{caseId}/brief/preview — the draft brief for an unsaved template and sections (saves nothing)
export const GET = withCase("briefs.read", async ({ req, access }) =>
  respond(BriefPreviewResponseSchema, { brief: await previewBrief({ access, query: parseQuery(req, BriefPreviewQuerySchema) }) }),
);
