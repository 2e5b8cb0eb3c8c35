import "server-only";
import { db } from "@/lib/db";

// Two limits on guessing a password, both kept in PostgreSQL so a restart does not reset them:
//
// - Per account and address: after MAX_FAILURES consecutive failures for one account from one
//   address, that pair is locked for LOCK_SECONDS. Only when the address is known (TRUST_PROXY=1,
//   see lib/http/client-ip.ts): without a trusted proxy every client looks the same, and a lock on
//   that shared key would let one attacker lock every other direct client out.
// - Per account, from anywhere: after ACCOUNT_FREE_FAILURES consecutive failures each further one
//   makes the account wait 1, 2, 4 … seconds, at most MAX_BACKOFF_SECONDS. Rotating addresses (or
//   headers) does not escape it, and since it never exceeds a minute, an attacker can slow a user's
//   sign-in down but not lock them out. A successful sign-in clears both.
export const MAX_FAILURES = 10;
export const LOCK_SECONDS = 15 * 60;
export const ACCOUNT_FREE_FAILURES = 10;
export const MAX_BACKOFF_SECONDS = 60;

type Who = { email: string; ip: string | null };

const pairKey = ({ email, ip }: { email: string; ip: string }) => `${email.toLowerCase()}|${ip}`;
const accountKey = (email: string) => `acct:${email.toLowerCase()}`;
const keysFor = ({ email, ip }: Who) => [accountKey(email), ...(ip ? [pairKey({ email, ip })] : [])];

/** Seconds until this account may try again from this address (0: now). */
export async function lockedFor({ email, ip, now = new Date() }: Who & { now?: Date }): Promise<number> {
  const rows = await db.loginThrottle.findMany({ where: { key: { in: keysFor({ email, ip }) } }, select: { lockedUntil: true } });
  const until = Math.max(0, ...rows.map((r) => r.lockedUntil?.getTime() ?? 0));
  return until > now.getTime() ? Math.ceil((until - now.getTime()) / 1000) : 0;
}

/** Counts one wrong password (at sign-in or as the current password when changing it). */
export async function recordLoginFailure({ email, ip, now = new Date() }: Who & { now?: Date }) {
  // Each counter is one statement, so parallel failures cannot under-count.
  if (ip) {
    const key = pairKey({ email, ip });
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
  // Failure n (> ACCOUNT_FREE_FAILURES) waits 2^(n - ACCOUNT_FREE_FAILURES - 1) s, capped.
  await db.$executeRaw`
    INSERT INTO login_throttles (key, failures, last_failed_at) VALUES (${accountKey(email)}, 1, ${now})
    ON CONFLICT (key) DO UPDATE SET
      failures = login_throttles.failures + 1,
      last_failed_at = ${now},
      locked_until = CASE
        WHEN login_throttles.failures + 1 > ${ACCOUNT_FREE_FAILURES}
        THEN ${now}::timestamptz + make_interval(secs => LEAST(power(2, LEAST(login_throttles.failures - ${ACCOUNT_FREE_FAILURES}, 16)), ${MAX_BACKOFF_SECONDS}))
        ELSE NULL END`;
}

export async function clearLoginFailures({ email, ip }: Who) {
  await db.loginThrottle.deleteMany({ where: { key: { in: keysFor({ email, ip }) } } });
}
