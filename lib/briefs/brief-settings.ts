import "server-only";
import { db } from "@/lib/db";
import type { Ctx } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { ConflictError, InvalidError } from "@/lib/errors";
import type { CaseAccess } from "@/lib/cases/require-case-access";
import { BRIEF_SECTIONS } from "./brief-types";
import { getBriefSettings } from "./compose-brief";
import { BriefSettingsSchema } from "./brief-settings-schema";

export { BriefSettingsSchema };

/** Saves which sections the case's brief includes; `version` guards against two people overwriting each other. */
export async function saveBriefSettings({ ctx, access, input }: { ctx: Ctx; access: CaseAccess; input: unknown }) {
  const data = BriefSettingsSchema.parse(input);
  const sections = BRIEF_SECTIONS.filter((s) => data.sections.includes(s));
  return db.$transaction(async (tx) => {
    const before = await getBriefSettings({ access });
    if (before.version !== data.version)
      throw new ConflictError("Someone else changed the brief's sections after you opened them.", { current: before });
    const includeDocumentIds = [...new Set(data.includeDocumentIds ?? before.includeDocumentIds)];
    const excludeDocumentIds = [...new Set(data.excludeDocumentIds ?? before.excludeDocumentIds)];
    const both = includeDocumentIds.filter((id) => excludeDocumentIds.includes(id));
    if (both.length)
      throw new InvalidError("A document cannot be both added to and left out of the brief.", [
        { path: "excludeDocumentIds", message: "also listed in includeDocumentIds" },
      ]);
    const ids = [...includeDocumentIds, ...excludeDocumentIds];
    const found = ids.length ? await tx.document.count({ where: { caseId: access.caseId, id: { in: ids } } }) : 0;
    if (found !== ids.length)
      throw new InvalidError("Not found: every included or excluded document must be a document of this case.", [
        { path: "includeDocumentIds", message: "Not found" },
      ]);
    const saved = await tx.briefSettings.upsert({
      where: { caseId: access.caseId },
      create: {
        caseId: access.caseId,
        template: data.template,
        sections,
        includeDocumentIds,
        excludeDocumentIds,
        version: 1,
        updatedById: ctx.actor.id,
      },
      update: {
        template: data.template,
        sections,
        includeDocumentIds,
        excludeDocumentIds,
        version: { increment: 1 },
        updatedById: ctx.actor.id,
      },
    });
    const after = {
      template: saved.template,
      sections: saved.sections,
      includeDocumentIds: saved.includeDocumentIds,
      excludeDocumentIds: saved.excludeDocumentIds,
      version: saved.version,
    };
    await recordAudit({
      tx,
      ctx,
      action: "brief.settings",
      caseId: access.caseId,
      targetType: "case",
      targetId: access.caseId,
      before,
      after,
    });
    return after;
  });
}
