import "server-only";
import type { CookiesOptions, NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { SESSION_ABSOLUTE_SECONDS, actorForSession, revokeSession } from "./sessions";
import { verifyCredentials } from "./verify-credentials";
import { clientIp } from "@/lib/http/client-ip";

/**
 * Cookie names and flags. Over https every cookie is Secure and `__Host-` prefixed (so it is bound to
 * this host and path "/" and cannot be set by a sibling subdomain); over plain http (local use, tests)
 * the same names without the prefix. All are HttpOnly and SameSite=Lax.
 */
export function authCookies(baseUrl = process.env.NEXTAUTH_URL): Partial<CookiesOptions> {
  const secure = (baseUrl ?? "").startsWith("https://");
  const name = (n: string) => (secure ? `__Host-casefile.${n}` : `casefile.${n}`);
  const options = { httpOnly: true, sameSite: "lax" as const, path: "/", secure };
  return {
    sessionToken: { name: name("session"), options },
    callbackUrl: { name: name("callback-url"), options },
    csrfToken: { name: name("csrf-token"), options },
  };
}

// next-auth signs a JWT that carries only the server-side session id (sid); lib/auth/current-user.ts
// checks that row on every request, so logout and revocation take effect immediately.
export const authOptions: NextAuthOptions = {
  secret: process.env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_ABSOLUTE_SECONDS },
  cookies: authCookies(),
  useSecureCookies: (process.env.NEXTAUTH_URL ?? "").startsWith("https://"),
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const email = String(credentials?.email ?? "");
        const password = String(credentials?.password ?? "");
        if (!email || !password) return null;
        const headers = new Headers(req?.headers as Record<string, string> | undefined);
        const result = await verifyCredentials({
          email,
          password,
          ip: clientIp(headers),
          userAgent: headers.get("user-agent") ?? undefined,
        });
        if (!result) return null;
        return { id: result.user.id, email: result.user.email, name: result.user.name, sid: result.sessionId };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user && "sid" in user) token.sid = user.sid as string;
      return token;
    },
    // GET /api/auth/session: the session row decides, as for every other request. A revoked, expired
    // or idle session answers {} (what next-auth's client reads as signed out); a live one answers
    // the user's current name and e-mail, never the server-side session id the cookie carries.
    async session({ session, token }) {
      const actor = await actorForSession(typeof token.sid === "string" ? token.sid : null);
      if (!actor) return {} as typeof session;
      return { user: { name: actor.name, email: actor.email }, expires: session.expires };
    },
  },
  events: {
    async signOut({ token }) {
      if (token?.sid) await revokeSession(String(token.sid));
    },
  },
};
