import "server-only";
import { db } from "@/lib/db";
import { recordAudit, type Ctx } from "@/lib/audit/record-audit";
import { ConflictError } from "@/lib/errors";
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
    const before = await getBriefSettings({ caseId: access.caseId });
    if (before.version !== data.version) throw new ConflictError("Someone else changed the brief's sections after you opened them.", { current: before });
    const saved = await tx.briefSettings.upsert({
      where: { caseId: access.caseId },
      create: { caseId: access.caseId, template: data.template, sections, version: 1, updatedById: ctx.actor.id },
      update: { template: data.template, sections, version: { increment: 1 }, updatedById: ctx.actor.id },
    });
    await recordAudit({ tx, ctx, action: "brief.settings", caseId: access.caseId, targetType: "case", targetId: access.caseId, before, after: { template: saved.template, sections: saved.sections, version: saved.version } });
    return { template: saved.template, sections: saved.sections, version: saved.version };
  });
}
