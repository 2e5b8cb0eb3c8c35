import { NextResponse } from "next/server";
import { withCase, parseJson } from "@/lib/http/route";
import { createSource, listSources } from "@/lib/sources/sources";
import { CreateSourceSchema, SourceSchema } from "@/lib/sources/schemas";

// GET /api/cases/{caseId}/sources — the case's source registry with reliability grades
export const GET = withCase("sources.read", async ({ access }) => {
  const sources = await listSources({ access });
  return { sources: sources.map((s) => ({ ...SourceSchema.parse(s), documentCount: s.documentCount })) };
});

// POST /api/cases/{caseId}/sources — register a source with kind, reliability A–F and rationale
export const POST = withCase("sources.manage", async ({ req, ctx, access }) => {
  const source = await createSource({ ctx, access, input: await parseJson(req, CreateSourceSchema) });
  return NextResponse.json({ source: SourceSchema.parse(source) }, { status: 201 });
});
