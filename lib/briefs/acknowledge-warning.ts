import "server-only";
import { db } from "@/lib/db";
import type { Ctx } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { ConflictError, NotFoundError } from "@/lib/errors";
import type { CaseAccess } from "@/lib/cases/require-case-access";
import { AcknowledgeWarningSchema, type AcknowledgeWarningInput } from "./brief-settings-schema";
import { composeBrief } from "./compose-brief";

/**
 * Acknowledges one of the brief's current warnings (wording, independence) with a reason. The warning
 * no longer blocks a release, and the brief prints the acknowledgement, who gave it and why in its notes.
 * Only a warning the brief raises now can be acknowledged; a changed text raises a new warning.
 */
export async function acknowledgeBriefWarning({ ctx, access, input }: { ctx: Ctx; access: CaseAccess; input: AcknowledgeWarningInput }) {
  const { warningKey, reason } = AcknowledgeWarningSchema.parse(input);
  const model = await composeBrief({ access });
  const warning = model.warnings.find((w) => w.key === warningKey);
  if (!warning) throw new NotFoundError("Warning");
  if (warning.acknowledgement) throw new ConflictError(`This warning was already acknowledged by ${warning.acknowledgement.by}.`);
  return db.$transaction(async (tx) => {
    const row = await tx.briefAcknowledgement.create({
      data: { caseId: access.caseId, warningKey, warning: `${warning.label}: ${warning.message}`, reason, createdById: ctx.actor.id },
    });
    await recordAudit({
      tx,
      ctx,
      action: "brief.acknowledge",
      caseId: access.caseId,
      targetType: "case",
      targetId: access.caseId,
      after: { warningKey, warning: row.warning },
      reason,
    });
    return { id: row.id, warningKey, reason, createdAt: row.createdAt.toISOString() };
  });
}
