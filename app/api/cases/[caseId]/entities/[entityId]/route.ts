import { withCase, parseJson } from "@/lib/http/route";
import { getEntity } from "@/lib/entities/get-entity";
import { updateEntity } from "@/lib/entities/update-entity";
import { UpdateEntitySchema } from "@/lib/entities/schemas";

// GET /api/cases/{caseId}/entities/{entityId} — an entity and every claim that mentions it
export const GET = withCase("entities.read", async ({ access, params }) => getEntity({ access, entityId: params.entityId }));

// PATCH /api/cases/{caseId}/entities/{entityId} — rename, re-kind or change aliases at the `version` read (409 with the current entity when stale)
export const PATCH = withCase("entities.manage", async ({ req, ctx, access, params }) => ({
  entity: await updateEntity({ ctx, access, entityId: params.entityId, input: await parseJson(req, UpdateEntitySchema) }),
}));
