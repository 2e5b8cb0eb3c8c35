import "server-only";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { CaseAccess } from "./require-case-access";

/** A case the caller already has access to (see requireCaseAccess), with its members. */
export async function getCase({ access }: { access: CaseAccess }) {
  const c = await db.case.findUnique({
    where: { id: access.caseId },
    include: { members: { include: { user: { select: { id: true, name: true, email: true } } }, orderBy: { createdAt: "asc" } } },
  });
  if (!c) throw new NotFoundError("Case");
  return { ...c, role: access.role };
}
