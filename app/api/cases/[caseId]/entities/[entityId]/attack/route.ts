import { withCase, parseJson } from "@/lib/http/route";
import { respond } from "@/lib/http/respond";
import { linkEntityAttack } from "@/lib/attack/link-entity-attack";
import { EntityAttackLinkResponseSchema, LinkEntityAttackSchema } from "@/lib/attack/schemas";

// PUT /api/cases/{caseId}/entities/{entityId}/attack — link the entity to an ATT&CK group, software or campaign (null unlinks)
export const PUT = withCase("entities.manage", async ({ req, ctx, access, params }) =>
  respond(
    EntityAttackLinkResponseSchema,
    await linkEntityAttack({ ctx, access, entityId: params.entityId, input: await parseJson(req, LinkEntityAttackSchema) }),
  ),
);
