// /api/auth/* — next-auth (credentials sign-in, sign-out), with login throttling answered as 429.
// The login page (app/login/route.ts) is a plain HTML form: its post (no `json=true`) gets next-auth's
// own answer turned into a redirect, to the page asked for or back to the form with `?error=`.
import type { NextRequest } from "next/server";
import { NextResponse } from "next/server";
import { authCookies } from "@/lib/auth/options";
import { lockedFor } from "@/lib/auth/login-throttle";
import { lockedError } from "@/lib/auth/verify-credentials";
import { clientIp } from "@/lib/http/client-ip";
import { loginEmailCookie, safeNextPath } from "@/lib/http/login-page";
import { callNextAuth, nextAuth } from "@/lib/http/next-auth-handler";

export const GET = nextAuth;

/** A 303 to a same-site path (relative Location: right behind any proxy), with these cookies. */
function seeOther(location: string, cookies: string[]) {
  const res = new Response(null, { status: 303, headers: { location, "cache-control": "no-store" } });
  for (const c of cookies) res.headers.append("set-cookie", c);
  return res;
}

function backToLogin({ error, next, email }: { error: string; next: string; email: string }, cookies: string[] = []) {
  const q = new URLSearchParams({ error });
  if (next !== "/") q.set("next", next);
  // The email goes back in a short-lived cookie for this page only, not in the URL (history, logs).
  return seeOther(`/login?${q}`, [...cookies, loginEmailCookie(email)]);
}

export async function POST(req: NextRequest, ctx: { params: Promise<{ nextauth: string[] }> }) {
  const { nextauth } = await ctx.params;
  if (nextauth.join("/") !== "callback/credentials") return nextAuth(req, ctx);
  const form = await req
    .clone()
    .formData()
    .catch(() => null);
  const email = String(form?.get("email") ?? "")
    .trim()
    .toLowerCase();
  // The HTML form posts without json=true; API clients (and tests) ask for next-auth's JSON answer.
  const htmlForm = form !== null && form.get("json") !== "true";
  const next = safeNextPath(String(form?.get("callbackUrl") ?? ""));
  const wait = email ? await lockedFor({ email, ip: clientIp(req.headers) }) : 0;
  if (wait > 0) {
    const err = lockedError(wait);
    if (htmlForm) return backToLogin({ error: err.message, next, email: String(form?.get("email") ?? "") });
    // next-auth's client reads `url` and takes the error from its query string.
    const url = new URL("/login", req.nextUrl.origin);
    url.searchParams.set("error", err.message);
    return NextResponse.json(
      { url: url.toString(), error: { code: err.code, message: err.message, retryAfterSeconds: wait } },
      { status: 429, headers: { "retry-after": String(wait) } },
    );
  }
  if (!htmlForm) return nextAuth(req, ctx);

  // The same next-auth call with json=true (its CSRF check and authorize run unchanged), then a redirect.
  const fields = new URLSearchParams();
  for (const [k, v] of form) if (typeof v === "string") fields.append(k, v);
  fields.set("json", "true");
  const headers = new Headers(req.headers);
  headers.delete("content-length");
  headers.set("content-type", "application/x-www-form-urlencoded");
  const res = await callNextAuth(new Request(req.url, { method: "POST", headers, body: fields }), nextauth);
  const data = (await res.json().catch(() => ({}))) as { url?: string };
  const cookies = res.headers.getSetCookie();
  const sessionCookie = `${authCookies().sessionToken!.name}=`;
  const signedIn = res.ok && cookies.some((c) => c.startsWith(sessionCookie));
  if (signedIn) return seeOther(next, [...cookies, loginEmailCookie("")]);
  // next-auth names the failure in its url's `error` (CredentialsSignin, or a message authorize threw);
  // a refused CSRF token comes back as `csrf=true` instead.
  const answer = data.url ? new URL(data.url, req.nextUrl.origin).searchParams : new URLSearchParams();
  const error = answer.get("error") ?? (answer.get("csrf") === "true" ? "csrf" : "CredentialsSignin");
  return backToLogin({ error, next, email: String(form?.get("email") ?? "") }, cookies);
}
