import { NextResponse } from "next/server";
import { buildOpenApiDocument } from "@/lib/http/openapi";

let cached: ReturnType<typeof buildOpenApiDocument> | undefined;

// GET /api/openapi.json — the OpenAPI 3.1 description of this API; public: it holds no data, only shapes
export function GET() {
  cached ??= buildOpenApiDocument();
  return NextResponse.json(cached, { headers: { "cache-control": "public, max-age=300" } });
}
