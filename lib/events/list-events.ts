import "server-only";
import { db } from "@/lib/db";
import type { CaseAccess } from "@/lib/cases/require-case-access";

/** The case timeline, oldest first; retracted events are kept but listed only when asked for. */
export async function listEvents({ access, includeRetracted = false }: { access: CaseAccess; includeRetracted?: boolean }) {
  return db.event.findMany({
    where: { caseId: access.caseId, ...(includeRetracted ? {} : { retractedAt: null }) },
    orderBy: [{ occurredAt: "asc" }, { createdAt: "asc" }],
    include: {
      claims: { include: { claim: { select: { id: true, statement: true, credibility: true, kind: true, retractedAt: true } } } },
      retractedBy: { select: { name: true } },
    },
  });
}
