import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import { InvalidError, type FieldIssue } from "@/lib/errors";
import { PASSWORD_MAX, PASSWORD_MIN } from "./passwords";

// The 10,000 most common passwords (SecLists Passwords/Common-Credentials/10k-most-common.txt),
// shipped with the app so the check works offline. Loaded once, lower-cased: the comparison ignores case.
let common: Set<string> | null = null;
function commonPasswords(): Set<string> {
  common ??= new Set(
    readFileSync(path.join(process.cwd(), "lib/auth/common-passwords.txt"), "utf8")
      .split("\n")
      .map((l) => l.trim().toLowerCase())
      .filter(Boolean),
  );
  return common;
}

/** Why a new password is refused, or null when it is acceptable (ASVS 5.0 V6.2: length, breached/common list, not the email). */
export function passwordProblem({ password, email }: { password: string; email?: string | null }): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return `Use at least ${PASSWORD_MIN} characters (a few unrelated words work well).`;
  if (length > PASSWORD_MAX) return `Use at most ${PASSWORD_MAX} characters.`;
  const lower = password.toLowerCase();
  if (commonPasswords().has(lower)) return "That password is one of the 10,000 most common; choose another.";
  if (email && lower === email.trim().toLowerCase()) return "The password may not be your email address.";
  return null;
}

/** Throws a 422 naming `field` when the password breaks the policy. */
export function assertPasswordAllowed({
  password,
  email,
  field = "newPassword",
}: {
  password: string;
  email?: string | null;
  field?: string;
}) {
  const problem = passwordProblem({ password, email });
  if (problem) {
    const issues: FieldIssue[] = [{ path: field, message: problem }];
    throw new InvalidError("The new password is not allowed.", issues);
  }
}
