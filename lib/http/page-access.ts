import "server-only";
import { forbidden, notFound } from "next/navigation";
import { requireActorOrRedirect } from "@/lib/auth/current-user";
import { requireCaseAccess } from "@/lib/cases/require-case-access";
import type { CaseAction } from "@/lib/auth/permissions";
import { ForbiddenError, NotFoundError } from "@/lib/errors";

/** For case pages: the signed-in user and their access, or the login page / 404 / 403 page. */
export async function requireCasePage({ caseId, action, path }: { caseId: string; action: CaseAction; path: string }) {
  const actor = await requireActorOrRedirect(path);
  try {
    const access = await requireCaseAccess({ actor, caseId, action });
    return { actor, access };
  } catch (err) {
    if (err instanceof NotFoundError) notFound();
    if (err instanceof ForbiddenError) forbidden();
    throw err;
  }
}
