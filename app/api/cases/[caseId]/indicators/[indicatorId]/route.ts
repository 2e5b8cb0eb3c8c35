import { withCase, parseJson } from "@/lib/http/route";
import { getIndicator } from "@/lib/indicators/get-indicator";
import { updateIndicator } from "@/lib/indicators/update-indicator";
import { UpdateIndicatorSchema, IndicatorResponseSchema } from "@/lib/indicators/schemas";
import { respond } from "@/lib/http/respond";

// GET /api/cases/{caseId}/indicators/{indicatorId} — one indicator with quotes, claims, entities and the other readable cases holding it
export const GET = withCase("indicators.read", async ({ actor, access, params }) =>
  respond(IndicatorResponseSchema, { indicator: await getIndicator({ actor, access, indicatorId: params.indicatorId }) }),
);

// PATCH /api/cases/{caseId}/indicators/{indicatorId} — note, first/last seen, status, claims, entities (`version` required; 409 when stale)
export const PATCH = withCase("indicators.manage", async ({ req, ctx, actor, access, params }) => {
  await updateIndicator({ ctx, access, indicatorId: params.indicatorId, input: await parseJson(req, UpdateIndicatorSchema) });
  return respond(IndicatorResponseSchema, { indicator: await getIndicator({ actor, access, indicatorId: params.indicatorId }) });
});
