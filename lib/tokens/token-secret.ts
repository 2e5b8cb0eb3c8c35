import "server-only";
import { createHash, randomBytes } from "node:crypto";

// "cf_" + 32 random bytes as base64url (43 characters). The prefix makes a leaked token easy to
// recognise in logs and secret scanners; only its SHA-256 is stored (the token has 256 bits of
// entropy, so a fast hash is enough: there is nothing to brute-force).
export const TOKEN_PATTERN = /^cf_[A-Za-z0-9_-]{43}$/;

export function generateApiToken(): { token: string; hash: string; prefix: string } {
  const token = `cf_${randomBytes(32).toString("base64url")}`;
  return { token, hash: hashApiToken(token), prefix: token.slice(0, 9) };
}

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}
