import type { NextRequest } from "next/server";

/** The absolute link to show the admin: the configured public URL when set, else this request's origin. */
export function linkUrl(req: NextRequest, path: string) {
  return new URL(path, process.env.NEXTAUTH_URL || req.nextUrl.origin).toString();
}
