import "server-only";
import { db } from "@/lib/db";
import { InvalidError, NotFoundError } from "@/lib/errors";
import type { Ctx } from "@/lib/auth/actor";
import type { CaseAccess } from "@/lib/cases/require-case-access";
import { recordAudit } from "@/lib/audit/record-audit";
import { versionedUpdate } from "@/lib/concurrency/versioned-update";
import { UpdateCaseSchema, type UpdateCaseInput } from "./schemas";

const EDITABLE = ["title", "summary", "status", "tlp"] as const;

/**
 * Updates a case if nobody changed it since `version`. On a stale version the update is refused with
 * 409 and the current record, so the client can show what changed and keep what the user typed.
 */
export async function updateCase({ ctx, access, input }: { ctx: Ctx; access: CaseAccess; input: UpdateCaseInput }) {
  const { caseId } = access;
  const { version, ...changes } = UpdateCaseSchema.parse(input);
  if (!EDITABLE.some((k) => changes[k] !== undefined)) throw new InvalidError("Nothing to change.");
  return db.$transaction(async (tx) => {
    const before = await tx.case.findUnique({ where: { id: caseId } });
    if (!before) throw new NotFoundError("Case");
    await versionedUpdate(tx.case, {
      id: caseId,
      version,
      data: changes,
      conflict: {
        message: "Someone else saved this case after you opened it. Review their changes; your edits are kept.",
        current: {
          id: before.id,
          title: before.title,
          summary: before.summary,
          status: before.status,
          tlp: before.tlp,
          version: before.version,
          updatedAt: before.updatedAt.toISOString(),
        },
      },
    });
    const after = await tx.case.findUniqueOrThrow({ where: { id: caseId } });
    await recordAudit({
      tx,
      ctx,
      action: "case.update",
      caseId,
      targetType: "case",
      targetId: caseId,
      before: pick(before),
      after: pick(after),
    });
    return after;
  });
}

function pick(c: Record<(typeof EDITABLE)[number] | "version", unknown>) {
  return { title: c.title, summary: c.summary, status: c.status, tlp: c.tlp, version: c.version };
}
