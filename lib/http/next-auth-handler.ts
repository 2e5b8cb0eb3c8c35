import "server-only";
import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/options";

/** next-auth's route handler (app/api/auth/[...nextauth]/route.ts), built once. */
export const nextAuth = NextAuth(authOptions);

/**
 * One next-auth action (e.g. `["csrf"]`, `["callback", "credentials"]`) run in-process for this request.
 * next-auth reads the cookies and headers of the request being served (next/headers); `req` gives it the
 * method, query and body.
 */
export function callNextAuth(req: Request, nextauth: string[]): Promise<Response> {
  return nextAuth(req instanceof NextRequest ? req : new NextRequest(req), { params: Promise.resolve({ nextauth }) });
}
