import { withCase, parseQuery } from "@/lib/http/route";
import { suggestIndicators } from "@/lib/indicators/suggest-indicators";
import { ExtractQuerySchema, IndicatorSuggestionsResponseSchema } from "@/lib/indicators/schemas";
import { respond } from "@/lib/http/respond";

// POST /api/cases/{caseId}/documents/{documentId}/indicators/extract — suggested indicators of the document (?page, ?limit); stores nothing
export const POST = withCase("indicators.read", async ({ req, access, params }) =>
  respond(
    IndicatorSuggestionsResponseSchema,
    await suggestIndicators({ access, documentId: params.documentId, query: parseQuery(req, ExtractQuerySchema) }),
  ),
);
