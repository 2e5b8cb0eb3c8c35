// /api/auth/* — next-auth (credentials sign-in, sign-out), with login throttling answered as 429.
import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { NextResponse } from "next/server";
import { authOptions } from "@/lib/auth/options";
import { lockedFor } from "@/lib/auth/login-throttle";
import { lockedError } from "@/lib/auth/verify-credentials";
import { clientIp } from "@/lib/http/client-ip";

const nextAuth = NextAuth(authOptions);

export const GET = nextAuth;

export async function POST(req: NextRequest, ctx: { params: Promise<{ nextauth: string[] }> }) {
  const { nextauth } = await ctx.params;
  if (nextauth.join("/") === "callback/credentials") {
    const form = await req
      .clone()
      .formData()
      .catch(() => null);
    const email = String(form?.get("email") ?? "")
      .trim()
      .toLowerCase();
    const wait = email ? await lockedFor({ email, ip: clientIp(req.headers) }) : 0;
    if (wait > 0) {
      const err = lockedError(wait);
      // next-auth's client reads `url` and takes the error from its query string.
      const url = new URL("/login", req.nextUrl.origin);
      url.searchParams.set("error", err.message);
      return NextResponse.json(
        { url: url.toString(), error: { code: err.code, message: err.message, retryAfterSeconds: wait } },
        { status: 429, headers: { "retry-after": String(wait) } },
      );
    }
  }
  return nextAuth(req, ctx);
}
