import "server-only";
import { db } from "@/lib/db";

// After MAX_FAILURES consecutive failures for one account from one address, that pair is locked
// for LOCK_SECONDS. Another address is not affected, so an attacker cannot lock a user out everywhere.
export const MAX_FAILURES = 10;
export const LOCK_SECONDS = 15 * 60;

const keyFor = ({ email, ip }: { email: string; ip: string }) => `${email.toLowerCase()}|${ip}`;

export async function lockedFor({ email, ip, now = new Date() }: { email: string; ip: string; now?: Date }): Promise<number> {
  const row = await db.loginThrottle.findUnique({ where: { key: keyFor({ email, ip }) } });
  if (!row?.lockedUntil || row.lockedUntil <= now) return 0;
  return Math.ceil((row.lockedUntil.getTime() - now.getTime()) / 1000);
}

export async function recordLoginFailure({ email, ip, now = new Date() }: { email: string; ip: string; now?: Date }) {
  const key = keyFor({ email, ip });
  // One statement, so parallel failures cannot under-count.
  await db.$executeRaw`
    INSERT INTO login_throttles (key, failures, last_failed_at) VALUES (${key}, 1, ${now})
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN login_throttles.locked_until IS NOT NULL AND login_throttles.locked_until <= ${now} THEN 1 ELSE login_throttles.failures + 1 END,
      last_failed_at = ${now},
      locked_until = CASE
        WHEN (CASE WHEN login_throttles.locked_until IS NOT NULL AND login_throttles.locked_until <= ${now} THEN 1 ELSE login_throttles.failures + 1 END) >= ${MAX_FAILURES}
        THEN ${new Date(now.getTime() + LOCK_SECONDS * 1000)}::timestamptz
        ELSE NULL END`;
}

export async function clearLoginFailures({ email, ip }: { email: string; ip: string }) {
  await db.loginThrottle.deleteMany({ where: { key: keyFor({ email, ip }) } });
}
