import { NextResponse, type NextRequest } from "next/server";
import { ATTACHMENT_CSP, contentSecurityPolicy, makeNonce, staticSecurityHeaders } from "@/lib/http/security-headers";

/**
 * Next 16's request proxy (formerly middleware): one fresh CSP nonce per request. Next reads the
 * nonce from the Content-Security-Policy *request* header while rendering and stamps it on its own
 * inline and chunk scripts, so the same policy is set on the request and on the response.
 */
const ORIGINAL_DOWNLOAD = /^\/api\/cases\/[^/]+\/documents\/[^/]+\/original\/?$/;

export function proxy(request: NextRequest) {
  const nonce = makeNonce();
  const https =
    request.nextUrl.protocol === "https:" ||
    request.headers.get("x-forwarded-proto") === "https" ||
    (process.env.NEXTAUTH_URL ?? "").startsWith("https:");
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development", https });

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  // Headers set here overwrite the route's own, so the download of an original (untrusted bytes)
  // gets its stricter policy here too: before, it was replaced by the page policy (issue 12).
  response.headers.set("Content-Security-Policy", ORIGINAL_DOWNLOAD.test(request.nextUrl.pathname) ? ATTACHMENT_CSP : csp);
  for (const [name, value] of Object.entries(staticSecurityHeaders({ https }))) response.headers.set(name, value);
  return response;
}

export const config = {
  // Static build assets are immutable and never HTML; everything else (pages, RSC payloads, API) gets the headers.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
