import { NextResponse } from "next/server";
import { withCase, parseJson } from "@/lib/http/route";
import { createEntity } from "@/lib/entities/create-entity";
import { listEntities } from "@/lib/entities/list-entities";
import { CreateEntitySchema } from "@/lib/entities/schemas";

// GET /api/cases/{caseId}/entities — actors, organisations, people, places… with aliases and claim counts
export const GET = withCase("entities.read", async ({ access }) => ({ entities: await listEntities({ access }) }));

// POST /api/cases/{caseId}/entities — add an entity with aliases
export const POST = withCase("entities.manage", async ({ req, ctx, access }) => {
  const entity = await createEntity({ ctx, access, input: await parseJson(req, CreateEntitySchema) });
  return NextResponse.json({ entity }, { status: 201 });
});
