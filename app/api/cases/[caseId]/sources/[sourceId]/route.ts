import { withCase, parseJson } from "@/lib/http/route";
import { UpdateSourceSchema, SourceResponseSchema } from "@/lib/sources/schemas";
import { respond } from "@/lib/http/respond";
import { updateSource } from "@/lib/sources/update-source";

// PATCH /api/cases/{caseId}/sources/{sourceId} — regrade or rename a source (`version` required; 409 when stale)
export const PATCH = withCase("sources.manage", async ({ req, ctx, access, params }) => {
  const source = await updateSource({ ctx, access, sourceId: params.sourceId, input: await parseJson(req, UpdateSourceSchema) });
  return respond(SourceResponseSchema, { source });
});
