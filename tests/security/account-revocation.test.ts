// Outside test (issue 12): API tokens survived a password change and an admin password reset, and
// GET /api/auth/session answered the name, e-mail and session id of a revoked session.
import { describe, expect, it } from "vitest";
import type { Session } from "next-auth";
import type { JWT } from "next-auth/jwt";
import { db } from "@/lib/db";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { actorForApiToken } from "@/lib/tokens/actor-for-api-token";
import { changePassword } from "@/lib/auth/change-password";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import { revokeSession } from "@/lib/auth/sessions";
import { authOptions } from "@/lib/auth/options";
import { issuePasswordReset } from "@/lib/admin/issue-password-reset";
import { makeUser, TEST_PASSWORD } from "../support/factories";

describe("API tokens die with the password", () => {
  it("a password change revokes every API token of the user, and the audit event says how many", async () => {
    const ctx = await makeUser();
    const { token: a } = await createApiToken({ ctx, name: "script a" });
    const { token: b } = await createApiToken({ ctx, name: "script b" });
    const other = await makeUser();
    const { token: theirs } = await createApiToken({ ctx: other, name: "someone else's" });
    expect(await actorForApiToken(a)).not.toBeNull();

    await changePassword({
      ctx,
      sessionId: null,
      ip: null,
      input: { currentPassword: TEST_PASSWORD, newPassword: "a brand new passphrase about herons" },
    });

    expect(await actorForApiToken(a)).toBeNull();
    expect(await actorForApiToken(b)).toBeNull();
    expect(await actorForApiToken(theirs)).toMatchObject({ id: other.actor.id });
    const rows = await db.apiToken.findMany({ where: { userId: ctx.actor.id } });
    expect(rows.every((r) => r.revokedAt)).toBe(true);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { targetId: ctx.actor.id, action: "user.password_change" } });
    expect(audit.after).toMatchObject({ apiTokensRevoked: 2 });
  });

  it("an admin password reset revokes them too", async () => {
    const admin = await makeUser({ isAdmin: true });
    const ctx = await makeUser();
    const { token } = await createApiToken({ ctx, name: "nightly import" });
    await issuePasswordReset({ ctx: admin, userId: ctx.actor.id });
    expect(await actorForApiToken(token)).toBeNull();
    const audit = await db.auditEvent.findFirstOrThrow({ where: { targetId: ctx.actor.id, action: "user.reset_password" } });
    expect(audit.after).toMatchObject({ apiTokensRevoked: 1 });
  });
});

describe("GET /api/auth/session", () => {
  const callback = (token: JWT) =>
    authOptions.callbacks!.session!({
      session: { user: { name: "stale name", email: "stale@example.test" }, expires: new Date(Date.now() + 3600_000).toISOString() },
      token,
    } as never) as Promise<Session>;

  it("answers {} for a revoked session, never its id", async () => {
    const ctx = await makeUser();
    const s = await verifyCredentials({ email: ctx.actor.email, password: TEST_PASSWORD, ip: null });
    await revokeSession(s!.sessionId);
    const body = await callback({ sid: s!.sessionId, name: ctx.actor.name, email: ctx.actor.email });
    expect(body).toEqual({});
  });

  it("answers the user's name and e-mail for a live session, without the session id", async () => {
    const ctx = await makeUser({ name: "Ana Analyst" });
    const s = await verifyCredentials({ email: ctx.actor.email, password: TEST_PASSWORD, ip: null });
    const body = await callback({ sid: s!.sessionId, name: "stale name", email: ctx.actor.email });
    expect(body).toMatchObject({ user: { name: "Ana Analyst", email: ctx.actor.email } });
    expect(JSON.stringify(body)).not.toContain(s!.sessionId);
    expect(body).not.toHaveProperty("sid");
  });

  it("answers {} for a token without a session id", async () => {
    expect(await callback({ name: "x", email: "x@example.test" })).toEqual({});
  });
});
