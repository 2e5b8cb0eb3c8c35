// The client's address, for login throttling. Only a reverse proxy we were told about
// (TRUST_PROXY=1) can vouch for it: it appends the address it saw to X-Forwarded-For, so the last
// entry is the one it wrote (earlier entries came from the client and may be invented). Without a
// trusted proxy every forwarded header (X-Forwarded-For, X-Real-IP) is the client's own claim, and a
// Next route handler sees no socket address, so the address is unknown (null) and throttling falls
// back to the per-account limit alone (lib/auth/login-throttle.ts). Fails closed: never a value the
// client chose.
export function clientIp(headers: Headers): string | null {
  if (process.env.TRUST_PROXY !== "1") return null;
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return entries.at(-1)?.slice(0, 100) ?? null;
}
