import "server-only";
import { db } from "@/lib/db";
import { RateLimitedError } from "@/lib/errors";
import { verifyPassword } from "./passwords";
import { clearLoginFailures, lockedFor, recordLoginFailure } from "./login-throttle";
import { createSession } from "./sessions";

export const LOGIN_FAILED = "Email or password is incorrect.";

/** Checks a login attempt; returns the new session, or null when the credentials are wrong. */
export async function verifyCredentials({
  email,
  password,
  ip,
  userAgent,
}: {
  email: string;
  password: string;
  ip: string | null;
  userAgent?: string;
}) {
  const normalized = email.trim().toLowerCase();
  const wait = await lockedFor({ email: normalized, ip });
  if (wait > 0) throw lockedError(wait);
  const user = await db.user.findUnique({ where: { email: normalized }, omit: { passwordHash: false } });
  const ok = await verifyPassword({ password, hash: user && !user.disabledAt ? user.passwordHash : null });
  if (!ok || !user) {
    await recordLoginFailure({ email: normalized, ip });
    const waitNow = await lockedFor({ email: normalized, ip });
    if (waitNow > 0) throw lockedError(waitNow);
    return null;
  }
  await clearLoginFailures({ email: normalized, ip });
  const session = await createSession({ userId: user.id, sessionVersion: user.sessionVersion, ip: ip ?? undefined, userAgent });
  return { sessionId: session.id, user: { id: user.id, email: user.email, name: user.name } };
}

export function lockedError(seconds: number) {
  // The per-account backoff is seconds long (lib/auth/login-throttle.ts); the address lock minutes.
  const [n, unit] = seconds <= 60 ? [seconds, "second"] : [Math.ceil(seconds / 60), "minute"];
  return new RateLimitedError(`Too many failed sign-in attempts. Try again in ${n} ${unit}${n === 1 ? "" : "s"}.`, seconds);
}
