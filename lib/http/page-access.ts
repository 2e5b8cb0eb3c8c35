import "server-only";
import { cache } from "react";
import { forbidden, notFound, redirect } from "next/navigation";
import { currentActor } from "@/lib/auth/current-user";
import { requireCaseAccess } from "@/lib/cases/require-case-access";
import { getCase } from "@/lib/cases/get-case";
import type { CaseAction } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/actor";
import type { CaseRole } from "@/lib/generated/prisma/enums";
import { ForbiddenError, NotFoundError } from "@/lib/errors";

// A case page renders a layout and a page in one request; both need the user, their access and the
// case. React's per-request cache() makes each of those one query, however many components ask.
const actorForRequest = cache(currentActor);
const accessForRequest = cache((actor: Actor, caseId: string, action: CaseAction) => requireCaseAccess({ actor, caseId, action }));

/** The case with its members, read once per request. */
export const getCaseForPage = cache((caseId: string, role: CaseRole) => getCase({ access: { caseId, role } }));

/** For server components: the signed-in user, or a redirect to the login page. */
export async function requirePageActor(path?: string): Promise<Actor> {
  const actor = await actorForRequest();
  if (!actor) redirect(path ? `/login?next=${encodeURIComponent(path)}` : "/login");
  return actor;
}

/** For case pages: the signed-in user and their access, or the login page / 404 / 403 page. */
export async function requireCasePage({ caseId, action, path }: { caseId: string; action: CaseAction; path: string }) {
  const actor = await requirePageActor(path);
  try {
    const access = await accessForRequest(actor, caseId, action);
    return { actor, access };
  } catch (err) {
    if (err instanceof NotFoundError) notFound();
    if (err instanceof ForbiddenError) forbidden();
    throw err;
  }
}

/** A record a page shows: a NotFoundError from the service is the page's 404 (never a 500). */
export async function orNotFound<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (err) {
    if (err instanceof NotFoundError) notFound();
    throw err;
  }
}
