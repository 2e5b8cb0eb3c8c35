import { withCase, parseJson } from "@/lib/http/route";
import { updateSource } from "@/lib/sources/update-source";
import { SourceSchema, UpdateSourceSchema } from "@/lib/sources/schemas";

// PATCH /api/cases/{caseId}/sources/{sourceId} — regrade or rename a source (`version` required; 409 when stale)
export const PATCH = withCase("sources.manage", async ({ req, ctx, access, params }) => {
  const source = await updateSource({ ctx, access, sourceId: params.sourceId, input: await parseJson(req, UpdateSourceSchema) });
  return { source: SourceSchema.parse(source) };
});
