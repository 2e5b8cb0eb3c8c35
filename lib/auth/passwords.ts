import "server-only";
import bcrypt from "bcryptjs";

const COST = 11;
// Compared against when the account does not exist, so timing does not reveal which emails are registered.
const DUMMY_HASH = bcrypt.hashSync("not-a-real-password-just-timing", COST);

export { PASSWORD_MIN, PASSWORD_MAX } from "./password-limits";

export function hashPassword(password: string) {
  return bcrypt.hash(password, COST);
}

/** Stored for accounts that have no password yet (invite pending) or had it reset by an admin: matches nothing. */
export const NO_PASSWORD = "!no-password";

export async function verifyPassword({ password, hash }: { password: string; hash: string | null }) {
  // An unusable hash still costs one bcrypt comparison, so a pending account answers as slowly as any other.
  const usable = hash != null && hash.startsWith("$2");
  const ok = await bcrypt.compare(password, usable ? hash : DUMMY_HASH);
  return usable && ok;
}
