import { withCase, parseJson, parseQuery } from "@/lib/http/route";
import { IncludeRetractedQuerySchema } from "@/lib/lifecycle/schemas";
import { CreateSourceSchema, SourceListResponseSchema, SourceResponseSchema } from "@/lib/sources/schemas";
import { respond } from "@/lib/http/respond";
import { createSource } from "@/lib/sources/create-source";
import { listSources } from "@/lib/sources/list-sources";

// GET /api/cases/{caseId}/sources — the case's source registry with reliability grades; retracted ones with ?include=retracted
export const GET = withCase("sources.read", async ({ req, access }) => {
  const { include } = parseQuery(req, IncludeRetractedQuerySchema);
  const sources = await listSources({ access, includeRetracted: include === "retracted" });
  return respond(SourceListResponseSchema, { sources });
});

// POST /api/cases/{caseId}/sources — register a source with kind, reliability A–F and rationale
export const POST = withCase("sources.manage", async ({ req, ctx, access }) => {
  const source = await createSource({ ctx, access, input: await parseJson(req, CreateSourceSchema) });
  return respond(SourceResponseSchema, { source }, { status: 201 });
});
