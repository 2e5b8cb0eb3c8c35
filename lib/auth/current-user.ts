import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import type { Actor } from "@/lib/audit/record-audit";
import { authOptions } from "./options";
import { actorForSession } from "./sessions";

/** The signed-in user for this request (from the next-auth cookie, checked against the session table), or null. */
export async function currentActor(): Promise<Actor | null> {
  const session = await getServerSession(authOptions);
  const sid = (session as { sid?: string } | null)?.sid;
  return actorForSession(sid);
}

/** For server components: the signed-in user, or a redirect to the login page. */
export async function requireActorOrRedirect(next?: string): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect(next ? `/login?next=${encodeURIComponent(next)}` : "/login");
  return actor;
}

/** The server-side session id behind this request's cookie (not validated: pair with currentActor). */
export async function currentSessionId(): Promise<string | null> {
  const session = await getServerSession(authOptions);
  return (session as { sid?: string } | null)?.sid ?? null;
}
