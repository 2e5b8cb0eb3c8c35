import "server-only";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { CaseAccess } from "@/lib/cases/require-case-access";

/** Scoped to the case: a document id from another case is a 404. */
export async function getDocument({ access, documentId }: { access: CaseAccess; documentId: string }) {
  const doc = await db.document.findFirst({
    where: { id: documentId, caseId: access.caseId },
    include: {
      addedBy: { select: { name: true } },
      retractedBy: { select: { name: true } },
      source: { select: { id: true, name: true, kind: true, reliability: true, rationale: true } },
      excerpts: { select: { id: true, claimId: true, start: true, end: true, exact: true }, orderBy: { start: "asc" } },
    },
  });
  if (!doc) throw new NotFoundError("Document");
  return doc;
}
