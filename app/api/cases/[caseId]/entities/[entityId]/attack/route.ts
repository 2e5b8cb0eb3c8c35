import { withCase, parseJson } from "@/lib/http/route";
import { linkEntityAttack } from "@/lib/attack/link-entity-attack";
import { LinkEntityAttackSchema } from "@/lib/attack/schemas";

// PUT /api/cases/{caseId}/entities/{entityId}/attack — link the entity to an ATT&CK group, software or campaign (null unlinks)
export const PUT = withCase("entities.manage", async ({ req, ctx, access, params }) =>
  linkEntityAttack({ ctx, access, entityId: params.entityId, input: await parseJson(req, LinkEntityAttackSchema) }),
);
