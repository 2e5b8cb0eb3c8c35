import { withCase, parseJson } from "@/lib/http/route";
import { createEntity } from "@/lib/entities/create-entity";
import { listEntities } from "@/lib/entities/list-entities";
import { CreateEntitySchema, EntityListResponseSchema, EntityResponseSchema } from "@/lib/entities/schemas";
import { respond } from "@/lib/http/respond";

// GET /api/cases/{caseId}/entities — actors, organisations, people, places… with aliases and claim counts
export const GET = withCase("entities.read", async ({ access }) =>
  respond(EntityListResponseSchema, { entities: await listEntities({ access }) }),
);

// POST /api/cases/{caseId}/entities — add an entity with aliases
export const POST = withCase("entities.manage", async ({ req, ctx, access }) => {
  const entity = await createEntity({ ctx, access, input: await parseJson(req, CreateEntitySchema) });
  return respond(EntityResponseSchema, { entity }, { status: 201 });
});
