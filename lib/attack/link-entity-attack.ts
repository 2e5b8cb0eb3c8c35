import "server-only";
import { db } from "@/lib/db";
import type { Ctx } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { InvalidError, NotFoundError } from "@/lib/errors";
import type { CaseAccess } from "@/lib/cases/require-case-access";
import type { EntityKind } from "@/lib/generated/prisma/enums";
import { attackObject, type AttackObject } from "./catalog";
import { LinkEntityAttackSchema } from "./schemas";

// Which ATT&CK objects an entity of each kind may be: an actor or intrusion set is a group or the campaign it ran,
// malware is software. An organisation, person, place or piece of infrastructure is none of them.
const KINDS_FOR: Record<AttackObject["kind"], EntityKind[]> = {
  group: ["threat_actor", "intrusion_set"],
  campaign: ["threat_actor", "intrusion_set"],
  software: ["malware"],
};

/**
 * Links an entity to the ATT&CK group, software or campaign it is (or unlinks it with `attackId: null`). ATT&CK's name
 * and aliases join the entity's aliases, so search and Ctrl-K find "HomeLand Justice" by its other names; the edit
 * bumps the entity's version like any other change.
 */
export async function linkEntityAttack({
  ctx,
  access,
  entityId,
  input,
}: {
  ctx: Ctx;
  access: CaseAccess;
  entityId: string;
  input: unknown;
}) {
  const { attackId } = LinkEntityAttackSchema.parse(input);
  const object = attackId ? attackObject(attackId) : null;
  if (attackId && !object) {
    const message = `${attackId} is not a group, software or campaign in the shipped ATT&CK catalogue.`;
    throw new InvalidError(message, [{ path: "attackId", message }]);
  }
  return db.$transaction(async (tx) => {
    const entity = await tx.entity.findFirst({
      where: { id: entityId, caseId: access.caseId },
      select: { id: true, name: true, kind: true, aliases: true, attackId: true, version: true },
    });
    if (!entity) throw new NotFoundError("Entity");
    if (object && !KINDS_FOR[object.kind].includes(entity.kind)) {
      const message = `An entity of kind ${entity.kind.replace("_", " ")} cannot be ATT&CK ${object.kind} ${object.id}; ${object.kind === "software" ? "software links to malware" : "groups and campaigns link to threat actors and intrusion sets"}.`;
      throw new InvalidError(message, [{ path: "attackId", message }]);
    }
    const aliases = object ? mergeAliases(entity.name, entity.aliases, [object.name, ...object.aliases]) : entity.aliases;
    const updated = await tx.entity.update({
      where: { id: entity.id },
      data: { attackId: object?.id ?? null, aliases, version: { increment: 1 } },
      select: { id: true, name: true, aliases: true, attackId: true, version: true },
    });
    await recordAudit({
      tx,
      ctx,
      action: "entity.attack",
      caseId: access.caseId,
      targetType: "entity",
      targetId: entity.id,
      before: { attackId: entity.attackId, aliases: entity.aliases },
      after: { attackId: updated.attackId, aliases: updated.aliases },
    });
    return { entity: updated, attack: object ? { id: object.id, kind: object.kind, name: object.name, url: object.url } : null };
  });
}

function mergeAliases(name: string, aliases: string[], extra: string[]): string[] {
  const seen = new Set([name, ...aliases].map((a) => a.toLowerCase()));
  const out = [...aliases];
  for (const alias of extra) {
    if (seen.has(alias.toLowerCase())) continue;
    seen.add(alias.toLowerCase());
    out.push(alias);
  }
  return out;
}
