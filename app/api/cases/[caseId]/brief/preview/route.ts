import { withCase } from "@/lib/http/route";
import { respond } from "@/lib/http/respond";
import { previewBrief } from "@/lib/briefs/preview-brief";
import { BriefPreviewResponseSchema } from "@/lib/briefs/brief-settings-schema";

// GET /api/cases/{caseId}/brief/preview — the draft brief for an unsaved template and sections (saves nothing); previewBrief
// parses the query (BriefPreviewQuerySchema) once
export const GET = withCase("briefs.read", async ({ req, access }) =>
  respond(BriefPreviewResponseSchema, { brief: await previewBrief({ access, query: Object.fromEntries(new URL(req.url).searchParams) }) }),
);
