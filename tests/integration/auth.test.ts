import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import { actorForSession, revokeSession, SESSION_IDLE_SECONDS } from "@/lib/auth/sessions";
import { MAX_FAILURES } from "@/lib/auth/login-throttle";
import { RateLimitedError } from "@/lib/errors";
import { makeUser, TEST_PASSWORD } from "../support/factories";

describe("sign-in and sessions", () => {
  it("stores only a bcrypt hash, signs in with the right password and not with a wrong one", async () => {
    const { actor } = await makeUser();
    const row = await db.user.findUniqueOrThrow({ where: { id: actor.id }, omit: { passwordHash: false } });
    expect(row.passwordHash).toMatch(/^\$2[aby]\$11\$/);
    expect(await verifyCredentials({ email: actor.email, password: "wrong password!!", ip: "1.1.1.1" })).toBeNull();
    expect(await verifyCredentials({ email: "nobody@example.test", password: TEST_PASSWORD, ip: "1.1.1.1" })).toBeNull();
    const ok = await verifyCredentials({ email: actor.email.toUpperCase(), password: TEST_PASSWORD, ip: "1.1.1.1" });
    expect(ok?.user.id).toBe(actor.id);
    expect(await actorForSession(ok!.sessionId)).toMatchObject({ id: actor.id });
  });

  it("revokes: logout, a bumped session version and a disabled account end the session at once", async () => {
    const { actor } = await makeUser();
    const a = await verifyCredentials({ email: actor.email, password: TEST_PASSWORD, ip: "ip" });
    await revokeSession(a!.sessionId);
    expect(await actorForSession(a!.sessionId)).toBeNull();

    const b = await verifyCredentials({ email: actor.email, password: TEST_PASSWORD, ip: "ip" });
    await db.user.update({ where: { id: actor.id }, data: { sessionVersion: { increment: 1 } } });
    expect(await actorForSession(b!.sessionId)).toBeNull();

    const c = await verifyCredentials({ email: actor.email, password: TEST_PASSWORD, ip: "ip" });
    expect(await actorForSession(c!.sessionId)).not.toBeNull();
    await db.user.update({ where: { id: actor.id }, data: { disabledAt: new Date() } });
    expect(await actorForSession(c!.sessionId)).toBeNull();
    expect(await verifyCredentials({ email: actor.email, password: TEST_PASSWORD, ip: "ip" })).toBeNull();
  });

  it("expires idle sessions", async () => {
    const { actor } = await makeUser();
    const s = await verifyCredentials({ email: actor.email, password: TEST_PASSWORD, ip: "ip" });
    const later = new Date(Date.now() + (SESSION_IDLE_SECONDS + 60) * 1000);
    expect(await actorForSession(s!.sessionId, later)).toBeNull();
    expect(await actorForSession("not-a-session-id")).toBeNull();
  });

  it(`locks one account from one address after ${MAX_FAILURES} failures; other addresses still sign in`, async () => {
    const { actor } = await makeUser();
    for (let i = 0; i < MAX_FAILURES - 1; i++)
      expect(await verifyCredentials({ email: actor.email, password: "nope-nope-nope", ip: "9.9.9.9" })).toBeNull();
    const tenth = await verifyCredentials({ email: actor.email, password: "nope-nope-nope", ip: "9.9.9.9" }).catch((e) => e);
    expect(tenth).toBeInstanceOf(RateLimitedError);
    // Even the right password is refused from that address while locked.
    const locked = await verifyCredentials({ email: actor.email, password: TEST_PASSWORD, ip: "9.9.9.9" }).catch((e) => e);
    expect(locked).toBeInstanceOf(RateLimitedError);
    expect(locked.message).toMatch(/Try again in 15 minutes/);
    expect(await verifyCredentials({ email: actor.email, password: TEST_PASSWORD, ip: "8.8.8.8" })).not.toBeNull();
  });
});
