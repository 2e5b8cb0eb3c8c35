import "server-only";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { CaseAction } from "@/lib/auth/permissions";
import { requireCaseAccess, type CaseAccess } from "@/lib/cases/require-case-access";
import { isId } from "@/lib/ids/id-schema";
import { assertPathIds, withActor } from "./route";

type Args = Parameters<Parameters<typeof withActor>[0]>[0] & { access: CaseAccess; hypothesisId: string };

/**
 * Route wrapper for /api/hypotheses/{id}/…: the hypothesis's case decides access. Fails closed: an
 * unknown id and a hypothesis in a case the caller is not a member of are the same 404.
 */
export function withHypothesis(action: CaseAction, handler: (args: Args) => Promise<Response | unknown>) {
  return withActor(async (args) => {
    const hypothesisId = args.params.id;
    const h = isId(hypothesisId) ? await db.hypothesis.findUnique({ where: { id: hypothesisId }, select: { caseId: true } }) : null;
    if (!h) throw new NotFoundError("Hypothesis");
    const access = await requireCaseAccess({ actor: args.actor, caseId: h.caseId, action });
    assertPathIds(args.params);
    return handler({ ...args, access, hypothesisId });
  });
}
