import "server-only";
import { db } from "@/lib/db";
import type { CaseAccess } from "@/lib/cases/require-case-access";

export async function listEntities({ access }: { access: CaseAccess }) {
  const rows = await db.entity.findMany({
    where: { caseId: access.caseId },
    orderBy: [{ kind: "asc" }, { name: "asc" }],
    include: { _count: { select: { claims: { where: { claim: { retractedAt: null } } } } } },
  });
  return rows.map(({ _count, ...e }) => ({ ...e, claimCount: _count.claims }));
}
