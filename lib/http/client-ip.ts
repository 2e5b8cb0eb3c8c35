// The address used for login throttling. X-Forwarded-For is trusted only when TRUST_PROXY=1
// (behind a reverse proxy); otherwise a client could pick a fresh address per attempt.
export function clientIp(headers: Headers): string {
  if (process.env.TRUST_PROXY === "1") {
    const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
    if (forwarded) return forwarded;
  }
  return headers.get("x-real-ip") ?? "local";
}
