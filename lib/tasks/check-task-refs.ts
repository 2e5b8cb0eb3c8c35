import "server-only";
import type { Tx } from "@/lib/db";
import { InvalidError } from "@/lib/errors";
import type { CaseAccess } from "@/lib/cases/require-case-access";

/**
 * The assignee must be a member of the case and a linked claim or hypothesis must be one of its own
 * (the database checks the same, trigger tasks_same_case); a wrong one is a field error for the form.
 * Returns the link as stored: the brief's link id is the case's id.
 */
export async function checkTaskRefs(
  tx: Tx,
  access: CaseAccess,
  { assigneeId, linkType, linkId }: { assigneeId: string | null; linkType: string | null; linkId: string | null },
): Promise<{ linkType: string | null; linkId: string | null }> {
  if (assigneeId && !(await tx.caseMember.count({ where: { caseId: access.caseId, userId: assigneeId } })))
    throw new InvalidError("The assignee must be a member of this case.", [
      { path: "assigneeId", message: "Pick a member of this case as assignee." },
    ]);
  if (!linkType) {
    if (linkId) throw new InvalidError("Say what the linked record is.", [{ path: "linkType", message: "Say what the linked record is." }]);
    return { linkType: null, linkId: null };
  }
  if (linkType === "brief") return { linkType, linkId: access.caseId };
  const missing = () =>
    new InvalidError(`That ${linkType} is not in this case.`, [{ path: "linkId", message: `Pick a ${linkType} of this case.` }]);
  if (!linkId) throw missing();
  const found =
    linkType === "claim"
      ? await tx.claim.count({ where: { id: linkId, caseId: access.caseId } })
      : await tx.hypothesis.count({ where: { id: linkId, caseId: access.caseId } });
  if (!found) throw missing();
  return { linkType, linkId };
}
