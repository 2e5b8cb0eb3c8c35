// Session lifetime and cookie flags, and login throttling that survives a restart of the app.
import { describe, expect, it, vi } from "vitest";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import { actorForSession, SESSION_ABSOLUTE_SECONDS, SESSION_IDLE_SECONDS } from "@/lib/auth/sessions";
import { MAX_FAILURES } from "@/lib/auth/login-throttle";
import { RateLimitedError } from "@/lib/errors";
import { makeUser, TEST_PASSWORD } from "../support/factories";

const HOUR = 3600_000;

describe("session timeouts", () => {
  it("ends a session idle for more than 12 hours, not one used within them", async () => {
    const { actor } = await makeUser();
    const s = await verifyCredentials({ email: actor.email, password: TEST_PASSWORD, ip: "idle" });
    const t0 = Date.now();
    expect(SESSION_IDLE_SECONDS).toBe(12 * 3600);
    expect(await actorForSession(s!.sessionId, new Date(t0 + 11 * HOUR))).not.toBeNull();
    // Used at +11 h, so +22 h is only 11 h idle.
    expect(await actorForSession(s!.sessionId, new Date(t0 + 22 * HOUR))).not.toBeNull();
    expect(await actorForSession(s!.sessionId, new Date(t0 + 34 * HOUR + 60_000))).toBeNull();
  });

  it("ends a session after 7 days however actively it is used", async () => {
    const { actor } = await makeUser();
    const s = await verifyCredentials({ email: actor.email, password: TEST_PASSWORD, ip: "absolute" });
    const t0 = Date.now();
    expect(SESSION_ABSOLUTE_SECONDS).toBe(7 * 24 * 3600);
    // Touch it every 10 hours: never idle, yet it still ends at 7 days.
    let t = t0;
    while (t + 10 * HOUR < t0 + SESSION_ABSOLUTE_SECONDS * 1000 - HOUR) {
      t += 10 * HOUR;
      expect(await actorForSession(s!.sessionId, new Date(t)), `at +${(t - t0) / HOUR} h`).not.toBeNull();
    }
    expect(await actorForSession(s!.sessionId, new Date(t0 + SESSION_ABSOLUTE_SECONDS * 1000 + 60_000))).toBeNull();
  });
});

describe("login throttling is kept in PostgreSQL", () => {
  it("still locks the account from that address after the app restarts (fresh modules, new database client)", async () => {
    const { actor } = await makeUser();
    for (let i = 0; i < MAX_FAILURES - 1; i++)
      await verifyCredentials({ email: actor.email, password: "wrong password!!", ip: "192.0.2.44" });
    const locked = await verifyCredentials({ email: actor.email, password: "wrong password!!", ip: "192.0.2.44" }).catch((e) => e);
    expect(locked).toBeInstanceOf(RateLimitedError);

    // "Restart": drop the Prisma client and every cached module, then load them again.
    const { disconnectDb } = await import("@/lib/db");
    await disconnectDb();
    vi.resetModules();
    const fresh = await import("@/lib/auth/verify-credentials");
    const freshErrors = await import("@/lib/errors");
    const again = await fresh.verifyCredentials({ email: actor.email, password: TEST_PASSWORD, ip: "192.0.2.44" }).catch((e) => e);
    expect(again).toBeInstanceOf(freshErrors.RateLimitedError);
    expect(again.details.retryAfterSeconds).toBeGreaterThan(0);
    expect(await fresh.verifyCredentials({ email: actor.email, password: TEST_PASSWORD, ip: "192.0.2.45" })).not.toBeNull();
  });
});

describe("session cookie flags", () => {
  it("over https: __Host- prefixed, Secure, HttpOnly, SameSite=Lax, path / and no domain", async () => {
    const { authCookies } = await import("@/lib/auth/options");
    const c = authCookies("https://casefile.example.org");
    expect(c.sessionToken).toEqual({
      name: "__Host-casefile.session",
      options: { httpOnly: true, sameSite: "lax", path: "/", secure: true },
    });
    expect(c.csrfToken?.name).toBe("__Host-casefile.csrf-token");
    expect(c.callbackUrl?.name).toBe("__Host-casefile.callback-url");
    for (const v of Object.values(c)) expect(v.options).not.toHaveProperty("domain");
  });

  it("over http (local use): the same flags without Secure and without the prefix", async () => {
    const { authCookies } = await import("@/lib/auth/options");
    const c = authCookies("http://localhost:3000");
    expect(c.sessionToken).toEqual({ name: "casefile.session", options: { httpOnly: true, sameSite: "lax", path: "/", secure: false } });
  });
});
