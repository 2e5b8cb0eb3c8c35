// Password policy (ASVS 5.0 V6.2) and the signed-in password change: length 12–128, the shipped list
// of the 10,000 most common passwords (case-insensitive), not the email; bcrypt cost 11; a change
// ends every other session and keeps the current one.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { passwordProblem } from "@/lib/auth/password-policy";
import { changePassword } from "@/lib/auth/change-password";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import { actorForSession } from "@/lib/auth/sessions";
import { InvalidError } from "@/lib/errors";
import { makeUser, TEST_PASSWORD } from "../support/factories";
import { expectUnchanged } from "./db-snapshot";

const LIST = readFileSync(path.resolve(__dirname, "../../lib/auth/common-passwords.txt"), "utf8").split("\n").filter(Boolean);

describe("password policy", () => {
  it("ships the 10,000 most common passwords offline", () => {
    expect(LIST).toHaveLength(10_000);
    expect(LIST.slice(0, 3)).toEqual(["password", "123456", "12345678"]);
  });

  it("needs at least 12 characters and allows 64 and 128, not 129", () => {
    expect(passwordProblem({ password: "short-pass1" })).toMatch(/at least 12/);
    expect(passwordProblem({ password: "twelve chars" })).toBeNull();
    expect(passwordProblem({ password: "a1-".repeat(21) + "x" })).toBeNull(); // 64
    expect(passwordProblem({ password: "Zq9!".repeat(32) })).toBeNull(); // 128
    expect(passwordProblem({ password: "Zq9!".repeat(32) + "x" })).toMatch(/at most 128/);
  });

  it("refuses every listed password of 12+ characters, whatever the case, and the email", () => {
    const long = LIST.filter((p) => [...p].length >= 12);
    expect(long.length).toBeGreaterThan(0);
    for (const p of long) expect(passwordProblem({ password: p }), p).toMatch(/most common/);
    expect(passwordProblem({ password: "UNBELIEVABLE" })).toMatch(/most common/);
    expect(passwordProblem({ password: "Alex.Morgan@Example.com", email: "alex.morgan@example.com" })).toMatch(/email/);
  });
});

describe("POST /api/me/password (service)", () => {
  it("refuses a wrong current password or a weak new one and changes nothing (but counts the wrong password)", async () => {
    const ctx = await makeUser();
    const s = await verifyCredentials({ email: ctx.actor.email, password: TEST_PASSWORD, ip: "pw-1" });
    const throttlesBefore = await db.loginThrottle.count();
    const wrong = await changePassword({
      ctx,
      sessionId: s!.sessionId,
      ip: null,
      input: { currentPassword: "not-my-password", newPassword: "a brand new passphrase" },
    }).catch((e) => e);
    expect(wrong).toBeInstanceOf(InvalidError);
    expect(wrong.issues).toEqual([{ path: "currentPassword", message: "That is not your current password." }]);
    // The one write a wrong current password makes is its failure count (tests/security/login-throttle.test.ts).
    expect(await db.loginThrottle.count()).toBe(throttlesBefore + 1);
    expect((await db.user.findUniqueOrThrow({ where: { id: ctx.actor.id }, select: { sessionVersion: true } })).sessionVersion).toBe(1);
    for (const newPassword of ["too-short", "unbelievable", "Zq9!".repeat(40), ctx.actor.email]) {
      const err = await expectUnchanged(() =>
        changePassword({ ctx, sessionId: s!.sessionId, ip: null, input: { currentPassword: TEST_PASSWORD, newPassword } }).catch((e) => e),
      );
      expect(err, newPassword).toBeInstanceOf(InvalidError);
      expect(err.issues[0].path).toBe("newPassword");
    }
    expect(await actorForSession(s!.sessionId)).not.toBeNull();
  });

  it("changes the password (bcrypt cost 11), ends every other session, keeps this one, and audits it", async () => {
    const ctx = await makeUser();
    const here = await verifyCredentials({ email: ctx.actor.email, password: TEST_PASSWORD, ip: "pw-2" });
    const elsewhere = await verifyCredentials({ email: ctx.actor.email, password: TEST_PASSWORD, ip: "pw-3" });
    const newPassword = "a 64+ character passphrase that nobody would guess in a hundred years!";
    expect(newPassword.length).toBeGreaterThanOrEqual(64);
    await changePassword({ ctx, sessionId: here!.sessionId, ip: null, input: { currentPassword: TEST_PASSWORD, newPassword } });

    expect(await actorForSession(elsewhere!.sessionId)).toBeNull();
    expect(await actorForSession(here!.sessionId)).toMatchObject({ id: ctx.actor.id });
    const row = await db.user.findUniqueOrThrow({ where: { id: ctx.actor.id }, omit: { passwordHash: false } });
    expect(row.passwordHash).toMatch(/^\$2[aby]\$11\$/);
    expect(await verifyCredentials({ email: ctx.actor.email, password: TEST_PASSWORD, ip: "pw-4" })).toBeNull();
    expect(await verifyCredentials({ email: ctx.actor.email, password: newPassword, ip: "pw-4" })).not.toBeNull();
    const audit = await db.auditEvent.findMany({ where: { targetId: ctx.actor.id, action: "user.password_change" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ caseId: null, targetType: "user", actorId: ctx.actor.id });
  });
});
