import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import type { Actor } from "@/lib/auth/actor";
import { authCookies } from "./options";
import { actorForSession } from "./sessions";
import { decodeSessionToken } from "./session-token";

/** The signed-in user for this request (from the next-auth cookie, checked against the session table), or null. */
export async function currentActor(): Promise<Actor | null> {
  return actorForSession(await currentSessionId());
}

/** For server components: the signed-in user, or a redirect to the login page. */
export async function requireActorOrRedirect(next?: string): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect(next ? `/login?next=${encodeURIComponent(next)}` : "/login");
  return actor;
}

/**
 * The server-side session id carried by this request's session cookie (not validated: pair with
 * currentActor). Only decrypts the cookie as next-auth's own `decode` does (lib/auth/session-token.ts,
 * which checks its expiry):
 * next-auth's getServerSession would also run its session handler and re-encrypt a fresh cookie on
 * every request, work this app does not need, since the session row is what is checked each time.
 */
export async function currentSessionId(): Promise<string | null> {
  const jar = await cookies();
  const name = authCookies().sessionToken!.name;
  // next-auth splits a cookie over 4 kB into name.0, name.1, …; ours carries little, but read both forms.
  const token =
    jar.get(name)?.value ??
    jar
      .getAll()
      .filter((c) => c.name.startsWith(`${name}.`))
      .sort((a, b) => Number(a.name.slice(name.length + 1)) - Number(b.name.slice(name.length + 1)))
      .map((c) => c.value)
      .join("");
  if (!token) return null;
  // null when tampered, expired or signed with another secret
  const payload = await decodeSessionToken(token, process.env.NEXTAUTH_SECRET ?? "");
  return typeof payload?.sid === "string" ? payload.sid : null;
}
