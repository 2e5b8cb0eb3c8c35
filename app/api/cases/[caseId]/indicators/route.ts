import { respond } from "@/lib/http/respond";
import { withCase, parseJson, parseQuery } from "@/lib/http/route";
import { createIndicator } from "@/lib/indicators/create-indicator";
import { listIndicators } from "@/lib/indicators/list-indicators";
import {
  CreateIndicatorSchema,
  IndicatorListQuerySchema,
  IndicatorListResponseSchema,
  CreatedIndicatorResponseSchema,
} from "@/lib/indicators/schemas";

// GET /api/cases/{caseId}/indicators — the case's indicators, filtered (type, flag, status, q), sorted, paginated, with the pivot count
export const GET = withCase("indicators.read", async ({ req, actor, access }) =>
  respond(IndicatorListResponseSchema, await listIndicators({ actor, access, query: parseQuery(req, IndicatorListQuerySchema) })),
);

// POST /api/cases/{caseId}/indicators — record an indicator with its quotes: {type, value, excerpts: [{documentId, start, end, exact}], claimIds?, entityIds?}
export const POST = withCase("indicators.manage", async ({ req, ctx, access }) => {
  const { created, indicator } = await createIndicator({ ctx, access, input: await parseJson(req, CreateIndicatorSchema) });
  return respond(CreatedIndicatorResponseSchema, { indicator, created }, { status: created ? 201 : 200 });
});
