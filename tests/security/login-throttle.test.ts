// Outside test, finding 1 (issue 12): login throttling trusted X-Real-IP even with TRUST_PROXY off, so
// rotating the header bypassed it, and ten failures without it locked out every direct client (they
// shared one key). Wrong current passwords on /api/me/password were not counted at all.
import { afterEach, describe, expect, it } from "vitest";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import { changePassword } from "@/lib/auth/change-password";
import { ACCOUNT_FREE_FAILURES, lockedFor, MAX_BACKOFF_SECONDS, MAX_FAILURES, recordLoginFailure } from "@/lib/auth/login-throttle";
import { clientIp } from "@/lib/http/client-ip";
import { RateLimitedError } from "@/lib/errors";
import { makeUser, TEST_PASSWORD } from "../support/factories";

const WRONG = "wrong password!!";
const attempt = (email: string, password: string, headers: Record<string, string>) =>
  verifyCredentials({ email, password, ip: clientIp(new Headers(headers)) }).catch((e: unknown) => e);

afterEach(() => {
  delete process.env.TRUST_PROXY;
});

describe("clientIp", () => {
  it("ignores X-Real-IP and X-Forwarded-For unless TRUST_PROXY=1", () => {
    expect(clientIp(new Headers({ "x-real-ip": "198.51.100.1", "x-forwarded-for": "198.51.100.2" }))).toBeNull();
    expect(clientIp(new Headers())).toBeNull();
  });

  it("behind a trusted proxy, takes the address the proxy appended (the last X-Forwarded-For entry)", () => {
    process.env.TRUST_PROXY = "1";
    expect(clientIp(new Headers({ "x-forwarded-for": "6.6.6.6, 198.51.100.7" }))).toBe("198.51.100.7");
    expect(clientIp(new Headers({ "x-forwarded-for": "198.51.100.8" }))).toBe("198.51.100.8");
    // X-Real-IP is never read: a proxy that sets only it must be configured to send X-Forwarded-For.
    expect(clientIp(new Headers({ "x-real-ip": "198.51.100.9" }))).toBeNull();
  });
});

describe("login throttling without a trusted proxy", () => {
  it("is not bypassed by rotating X-Real-IP: the account itself backs off", async () => {
    const { actor } = await makeUser();
    const results: unknown[] = [];
    for (let i = 0; i < ACCOUNT_FREE_FAILURES + 3; i++) results.push(await attempt(actor.email, WRONG, { "x-real-ip": `203.0.113.${i}` }));
    expect(results.some((r) => r instanceof RateLimitedError)).toBe(true);
  });

  it("ten failures from one direct client do not lock every other direct client out for 15 minutes", async () => {
    const { actor } = await makeUser();
    for (let i = 0; i < MAX_FAILURES; i++) expect(await attempt(actor.email, WRONG, {})).toBeNull();
    // Same shared (unknown) address, the rightful user with the right password: let in.
    const ok = await attempt(actor.email, TEST_PASSWORD, {});
    expect(ok).toMatchObject({ user: { id: actor.id } });
  });

  it("backs off per account for at most a minute, so an attacker slows guessing but cannot lock the user out", async () => {
    const { actor } = await makeUser();
    // Recorded directly (as sign-in does), so the test does not depend on how fast bcrypt runs here.
    for (let i = 0; i < ACCOUNT_FREE_FAILURES + 40; i++) await recordLoginFailure({ email: actor.email, ip: null });
    const refused = await attempt(actor.email, TEST_PASSWORD, {});
    expect(refused).toBeInstanceOf(RateLimitedError);
    expect((refused as RateLimitedError).message).toMatch(/Try again in \d+ seconds?\./);
    expect((refused as RateLimitedError).details!.retryAfterSeconds).toBeLessThanOrEqual(MAX_BACKOFF_SECONDS);
    const wait = await lockedFor({ email: actor.email, ip: null });
    expect(wait).toBeGreaterThan(MAX_BACKOFF_SECONDS / 2);
    expect(wait).toBeLessThanOrEqual(MAX_BACKOFF_SECONDS);
    // Once the backoff has passed, the right password works again.
    expect(await lockedFor({ email: actor.email, ip: null, now: new Date(Date.now() + (MAX_BACKOFF_SECONDS + 1) * 1000) })).toBe(0);
  });
});

describe("login throttling behind a trusted proxy", () => {
  it("locks one account from one address after 10 failures; another address still signs in", async () => {
    process.env.TRUST_PROXY = "1";
    const { actor } = await makeUser();
    for (let i = 0; i < MAX_FAILURES - 1; i++) await attempt(actor.email, WRONG, { "x-forwarded-for": "198.51.100.20" });
    expect(await attempt(actor.email, WRONG, { "x-forwarded-for": "198.51.100.20" })).toBeInstanceOf(RateLimitedError);
    expect(await attempt(actor.email, TEST_PASSWORD, { "x-forwarded-for": "198.51.100.20" })).toBeInstanceOf(RateLimitedError);
    expect(await attempt(actor.email, TEST_PASSWORD, { "x-forwarded-for": "198.51.100.21" })).toMatchObject({ user: { id: actor.id } });
  });

  it("failures spread over many addresses still back the account off", async () => {
    process.env.TRUST_PROXY = "1";
    const { actor } = await makeUser();
    const results: unknown[] = [];
    for (let i = 0; i < ACCOUNT_FREE_FAILURES + 3; i++)
      results.push(await attempt(actor.email, WRONG, { "x-forwarded-for": `198.51.100.${100 + i}` }));
    expect(results.some((r) => r instanceof RateLimitedError)).toBe(true);
  });
});

describe("POST /api/me/password counts wrong current passwords against the same limit", () => {
  it("refuses (429) after ten wrong current passwords, even with the right one", async () => {
    const ctx = await makeUser();
    const ip = "198.51.100.30";
    for (let i = 0; i < MAX_FAILURES; i++) {
      const err = await changePassword({
        ctx,
        sessionId: null,
        ip,
        input: { currentPassword: WRONG, newPassword: "a brand new passphrase" },
      }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(Error);
    }
    const locked = await changePassword({
      ctx,
      sessionId: null,
      ip,
      input: { currentPassword: TEST_PASSWORD, newPassword: "a brand new passphrase" },
    }).catch((e: unknown) => e);
    expect(locked).toBeInstanceOf(RateLimitedError);
    // And signing in with the password from that address is refused too: it is one limit.
    process.env.TRUST_PROXY = "1";
    expect(await attempt(ctx.actor.email, TEST_PASSWORD, { "x-forwarded-for": ip })).toBeInstanceOf(RateLimitedError);
  });
});
