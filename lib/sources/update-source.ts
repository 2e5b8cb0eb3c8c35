import "server-only";
import { db } from "@/lib/db";
import type { Ctx } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { ConflictError, InvalidError, NotFoundError } from "@/lib/errors";
import type { CaseAccess } from "@/lib/cases/require-case-access";
import { retractedError } from "@/lib/lifecycle/retracted-error";
import { UpdateSourceSchema } from "./schemas";
import { duplicateSourceName, isUniqueViolation } from "./source-errors";

export async function updateSource({ ctx, access, sourceId, input }: { ctx: Ctx; access: CaseAccess; sourceId: string; input: unknown }) {
  const { version, reason, ...changes } = UpdateSourceSchema.parse(input);
  return db
    .$transaction(async (tx) => {
      const before = await tx.source.findFirst({ where: { id: sourceId, caseId: access.caseId } });
      if (!before) throw new NotFoundError("Source");
      if (before.retractedAt) throw retractedError("This source");
      if (before.version !== version) throw new ConflictError("Someone else changed this source after you opened it.", { current: before });
      // A regrade changes every document's inherited grade: it needs a reason, which the history keeps.
      const regraded = changes.reliability !== undefined && changes.reliability !== before.reliability;
      if (regraded && !reason) {
        const message = `Regrading this source from ${before.reliability} to ${changes.reliability} needs a reason: say what changed.`;
        throw new InvalidError(message, [{ path: "reason", message }]);
      }
      const { count } = await tx.source.updateMany({ where: { id: sourceId, version }, data: { ...changes, version: { increment: 1 } } });
      if (count === 0) throw new ConflictError("Someone else changed this source after you opened it.", { current: before });
      const after = await tx.source.findUniqueOrThrow({ where: { id: sourceId } });
      await recordAudit({
        tx,
        ctx,
        action: "source.update",
        caseId: access.caseId,
        targetType: "source",
        targetId: sourceId,
        before,
        after,
        reason: reason || null,
      });
      return after;
    })
    .catch((err) => {
      throw isUniqueViolation(err) ? duplicateSourceName() : err;
    });
}
