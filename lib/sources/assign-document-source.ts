import "server-only";
import { db } from "@/lib/db";
import type { Ctx } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { NotFoundError } from "@/lib/errors";
import type { CaseAccess } from "@/lib/cases/require-case-access";
import { retractedError } from "@/lib/lifecycle/retracted-error";
import { AssignSourceSchema, type AssignSourceInput } from "./schemas";

/** Sets a document's source; overriding the inherited grade for this document needs a reason. */
export async function assignDocumentSource({
  ctx,
  access,
  documentId,
  input,
}: {
  ctx: Ctx;
  access: CaseAccess;
  documentId: string;
  input: AssignSourceInput;
}) {
  const data = AssignSourceSchema.parse(input);
  return db.$transaction(async (tx) => {
    const before = await tx.document.findFirst({
      where: { id: documentId, caseId: access.caseId },
      select: { id: true, sourceId: true, reliabilityOverride: true, overrideReason: true, tlp: true, retractedAt: true },
    });
    if (!before) throw new NotFoundError("Document");
    if (before.retractedAt) throw retractedError("This document");
    const source = data.sourceId
      ? await tx.source.findFirst({ where: { id: data.sourceId, caseId: access.caseId }, select: { id: true, retractedAt: true } })
      : null;
    if (data.sourceId && !source) throw new NotFoundError("Source");
    if (source?.retractedAt) throw retractedError("That source", "sourceId");
    const after = await tx.document.update({
      where: { id: documentId },
      data: {
        sourceId: data.sourceId,
        reliabilityOverride: data.reliabilityOverride,
        overrideReason: data.reliabilityOverride ? data.overrideReason : null,
        ...(data.tlp !== undefined ? { tlp: data.tlp } : {}),
      },
      select: { id: true, sourceId: true, reliabilityOverride: true, overrideReason: true, tlp: true },
    });
    await recordAudit({
      tx,
      ctx,
      action: "document.source",
      caseId: access.caseId,
      targetType: "document",
      targetId: documentId,
      before,
      after,
      reason: data.overrideReason,
    });
    return after;
  });
}
