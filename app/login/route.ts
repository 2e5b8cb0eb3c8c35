// /login — the sign-in page, served as plain HTML with no script (lib/http/login-page.ts): a page the App
// Router rendered would ship React and Next's client runtime (~140 kB compressed) for one form.
import { cookies } from "next/headers";
import { currentActor } from "@/lib/auth/current-user";
import { LOGIN_EMAIL_COOKIE, loginErrorMessage, loginPageHtml, safeNextPath } from "@/lib/http/login-page";
import { callNextAuth } from "@/lib/http/next-auth-handler";

export async function GET(req: Request) {
  const url = new URL(req.url);
  const next = safeNextPath(url.searchParams.get("next") ?? url.searchParams.get("callbackUrl"));
  if (await currentActor()) return new Response(null, { status: 307, headers: { location: "/" } });
  // next-auth's CSRF token for the form, and its cookie (set here when the browser has none yet).
  const csrf = await callNextAuth(new Request(new URL("/api/auth/csrf", req.url)), ["csrf"]);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const email = (await cookies()).get(LOGIN_EMAIL_COOKIE)?.value;
  const html = loginPageHtml({ csrfToken, next, error: loginErrorMessage(url.searchParams.get("error") ?? undefined), email });
  const res = new Response(html, { headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });
  for (const c of csrf.headers.getSetCookie()) res.headers.append("set-cookie", c);
  return res;
}
