import "server-only";
import { createHash, randomBytes } from "node:crypto";

// One-time links (invites, password resets): 256 random bits in the URL, only the SHA-256 stored.
export const LINK_TTL_SECONDS = 72 * 3600;
export const LINK_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function newLinkToken() {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashLinkToken(token) };
}

export function hashLinkToken(token: string) {
  return createHash("sha256").update(token).digest("hex");
}

export const linkPath = (token: string) => `/invite/${token}`;
