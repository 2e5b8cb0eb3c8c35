import "server-only";
import { db } from "@/lib/db";
import { can, type CaseAction } from "@/lib/auth/permissions";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import type { CaseRole } from "@/lib/generated/prisma/enums";
import { isId } from "@/lib/ids/id-schema";

export type CaseAccess = { caseId: string; role: CaseRole };

/**
 * The actor's role on a case, checked against `action`. Fails closed: a case that does not exist and
 * a case the actor is not a member of both give the same 404, so ids do not leak; a member whose
 * role does not allow the action gets 403.
 */
export async function requireCaseAccess({
  actor,
  caseId,
  action,
}: {
  actor: Actor;
  caseId: string | undefined;
  action: CaseAction;
}): Promise<CaseAccess> {
  if (!isId(caseId)) throw new NotFoundError("Case");
  const member = await db.caseMember.findUnique({ where: { caseId_userId: { caseId, userId: actor.id } }, select: { role: true } });
  if (!member) throw new NotFoundError("Case");
  if (!can(member.role, action)) throw new ForbiddenError(`Your role on this case (${member.role}) does not allow that.`);
  return { caseId, role: member.role };
}
