import "server-only";
import bcrypt from "bcryptjs";

const COST = 11;
// Compared against when the account does not exist, so timing does not reveal which emails are registered.
const DUMMY_HASH = bcrypt.hashSync("not-a-real-password-just-timing", COST);

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

export function hashPassword(password: string) {
  return bcrypt.hash(password, COST);
}

export async function verifyPassword({ password, hash }: { password: string; hash: string | null }) {
  const ok = await bcrypt.compare(password, hash ?? DUMMY_HASH);
  return hash != null && ok;
}
