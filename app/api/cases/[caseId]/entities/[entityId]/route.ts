import { withCase, parseJson } from "@/lib/http/route";
import { getEntity } from "@/lib/entities/get-entity";
import { updateEntity } from "@/lib/entities/update-entity";
import { UpdateEntitySchema, EntityResponseSchema } from "@/lib/entities/schemas";
import { respond } from "@/lib/http/respond";
import { EntityClaimsResponseSchema } from "@/lib/claims/schemas";

// GET /api/cases/{caseId}/entities/{entityId} — an entity and every claim that mentions it
export const GET = withCase("entities.read", async ({ access, params }) =>
  respond(EntityClaimsResponseSchema, await getEntity({ access, entityId: params.entityId })),
);

// PATCH /api/cases/{caseId}/entities/{entityId} — rename, re-kind or change aliases at the `version` read (409 with the current entity when stale)
export const PATCH = withCase("entities.manage", async ({ req, ctx, access, params }) =>
  respond(EntityResponseSchema, {
    entity: await updateEntity({ ctx, access, entityId: params.entityId, input: await parseJson(req, UpdateEntitySchema) }),
  }),
);
