import { NextResponse, type NextRequest } from "next/server";
import { ATTACHMENT_CSP, contentSecurityPolicy, makeNonce, staticSecurityHeaders } from "@/lib/http/security-headers";

/**
 * Next 16's request proxy (formerly middleware): one fresh CSP nonce per request. Next reads the
 * nonce from the Content-Security-Policy *request* header while rendering and stamps it on its own
 * inline and chunk scripts, so the same policy is set on the request and on the response.
 */
const ORIGINAL_DOWNLOAD = /^\/api\/cases\/[^/]+\/documents\/[^/]+\/original\/?$/;

/** TAXII 2.1 paths are served with their trailing slash (next.config.js turns Next's own redirect off). */
const KEEPS_TRAILING_SLASH = /^\/taxii2(\/|$)/;

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const nonce = makeNonce();
  const https =
    request.nextUrl.protocol === "https:" ||
    request.headers.get("x-forwarded-proto") === "https" ||
    (process.env.NEXTAUTH_URL ?? "").startsWith("https:");
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development", https });

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);

  let response: NextResponse;
  if (pathname.length > 1 && pathname.endsWith("/") && !KEEPS_TRAILING_SLASH.test(pathname)) {
    // A plain URL: a NextURL clone puts the trailing slash back when it is formatted.
    const url = new URL(request.nextUrl.href);
    url.pathname = pathname.replace(/\/+$/, "") || "/";
    response = NextResponse.redirect(url, 308);
  } else {
    response = NextResponse.next({ request: { headers: requestHeaders } });
  }
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
