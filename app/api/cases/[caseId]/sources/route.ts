import { NextResponse } from "next/server";
import { withCase, parseJson, parseQuery } from "@/lib/http/route";
import { IncludeRetractedQuerySchema } from "@/lib/lifecycle/schemas";
import { createSource } from "@/lib/sources/create-source";
import { listSources } from "@/lib/sources/list-sources";
import { CreateSourceSchema, SourceSchema } from "@/lib/sources/schemas";

// GET /api/cases/{caseId}/sources — the case's source registry with reliability grades; retracted ones with ?include=retracted
export const GET = withCase("sources.read", async ({ req, access }) => {
  const { include } = parseQuery(req, IncludeRetractedQuerySchema);
  const sources = await listSources({ access, includeRetracted: include === "retracted" });
  return { sources: sources.map((s) => ({ ...SourceSchema.parse(s), documentCount: s.documentCount, regrades: s.regrades })) };
});

// POST /api/cases/{caseId}/sources — register a source with kind, reliability A–F and rationale
export const POST = withCase("sources.manage", async ({ req, ctx, access }) => {
  const source = await createSource({ ctx, access, input: await parseJson(req, CreateSourceSchema) });
  return NextResponse.json({ source: SourceSchema.parse(source) }, { status: 201 });
});
