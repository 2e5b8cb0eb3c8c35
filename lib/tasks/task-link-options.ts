import "server-only";
import { db } from "@/lib/db";
import type { CaseAccess } from "@/lib/cases/require-case-access";

/** What a task of this case may link to: its standing claims and its hypotheses, for the task form's picker. */
export async function taskLinkOptions({ access }: { access: CaseAccess }) {
  const [claims, hypotheses] = await Promise.all([
    db.claim.findMany({
      where: { caseId: access.caseId, retractedAt: null },
      select: { id: true, statement: true },
      orderBy: { createdAt: "asc" },
      take: 500,
    }),
    db.hypothesis.findMany({ where: { caseId: access.caseId }, select: { id: true, title: true }, orderBy: { createdAt: "asc" } }),
  ]);
  return {
    claims: claims.map((c) => ({ id: c.id, label: c.statement.length > 90 ? `${c.statement.slice(0, 89)}…` : c.statement })),
    hypotheses: hypotheses.map((h) => ({ id: h.id, label: h.title })),
  };
}
