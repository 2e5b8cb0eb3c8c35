// Workspace administration: invites and reset links (one-time, 72 h, stored hashed), disabling,
// case roles (admin and case owner, never the last owner), 403 for non-admins, and an audit event
// for every action. Routes are called for real with a Bearer token; refused calls change nothing.
import { createHash } from "node:crypto";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { actorForApiToken } from "@/lib/tokens/actor-for-api-token";
import { verifyCredentials } from "@/lib/auth/verify-credentials";
import { actorForSession } from "@/lib/auth/sessions";
import { acceptLink, linkState } from "@/lib/admin/invites";
import { disableUser } from "@/lib/admin/disable-user";
import { enableUser } from "@/lib/admin/enable-user";
import { inviteUser } from "@/lib/admin/invite-user";
import { issuePasswordReset } from "@/lib/admin/issue-password-reset";
import { removeMember } from "@/lib/cases/remove-member";
import { setMemberRole } from "@/lib/cases/set-member-role";
import { ForbiddenError, InvalidError } from "@/lib/errors";
import * as usersRoute from "@/app/api/admin/users/route";
import * as disableRoute from "@/app/api/admin/users/[userId]/disable/route";
import * as adminMemberRoute from "@/app/api/admin/cases/[caseId]/members/[userId]/route";
import * as caseMembersRoute from "@/app/api/cases/[caseId]/members/route";
import * as caseMemberRoute from "@/app/api/cases/[caseId]/members/[userId]/route";
import * as acceptRoute from "@/app/api/invites/accept/route";
import type { Ctx } from "@/lib/auth/actor";
import { makeCase, makeUser, TEST_PASSWORD } from "../support/factories";
import { expectUnchanged } from "./db-snapshot";

const ORIGIN = "http://casefile.test";
const NEW_PASSWORD = "lantern orchard velvet 42";

async function bearer(ctx: Ctx) {
  return (await createApiToken({ ctx, name: "test" })).token;
}
function req(method: string, path: string, { token, json, origin }: { token?: string; json?: unknown; origin?: boolean } = {}) {
  const headers: Record<string, string> = { host: "casefile.test" };
  if (token) headers.authorization = `Bearer ${token}`;
  if (origin) headers.origin = ORIGIN;
  if (json !== undefined) headers["content-type"] = "application/json";
  return new NextRequest(`${ORIGIN}${path}`, { method, headers, body: json !== undefined ? JSON.stringify(json) : undefined });
}
const params = (p: Record<string, string>) => ({ params: Promise.resolve(p) });
const tokenFrom = (link: string) => link.split("/invite/")[1];

describe("invites", () => {
  it("non-admins get 403 from every admin route and nothing changes", async () => {
    const user = await makeUser();
    const other = await makeUser();
    const owner = await makeUser();
    const c = await makeCase({ owner });
    const token = await bearer(user);
    const calls: [string, () => Promise<Response>][] = [
      ["GET users", () => usersRoute.GET(req("GET", "/api/admin/users", { token }), params({}))],
      [
        "POST users",
        () =>
          usersRoute.POST(req("POST", "/api/admin/users", { token, json: { email: "new-person@example.test", name: "New" } }), params({})),
      ],
      [
        "disable",
        () => disableRoute.POST(req("POST", `/api/admin/users/${other.actor.id}/disable`, { token }), params({ userId: other.actor.id })),
      ],
      [
        "set role",
        () =>
          adminMemberRoute.PUT(
            req("PUT", `/api/admin/cases/${c.id}/members/${user.actor.id}`, { token, json: { role: "owner" } }),
            params({ caseId: c.id, userId: user.actor.id }),
          ),
      ],
    ];
    for (const [name, call] of calls) {
      const res = await expectUnchanged(call);
      expect(res.status, name).toBe(403);
      expect((await res.json()).error.message).toBe("Only a workspace admin can do that.");
    }
  });

  it("invites with a one-time link stored only as a hash; the link sets name and password once", async () => {
    const admin = await makeUser({ isAdmin: true });
    const token = await bearer(admin);
    const res = await usersRoute.POST(
      req("POST", "/api/admin/users", { token, json: { email: "Invitee.One@Example.test", name: "Invitee", isAdmin: false } }),
      params({}),
    );
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
    const linkToken = tokenFrom(body.link);
    const row = await db.userInvite.findFirstOrThrow({ where: { userId: body.user.id } });
    expect(row.tokenHash).toBe(createHash("sha256").update(linkToken).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(linkToken);
    expect(Math.abs(row.expiresAt.getTime() - row.createdAt.getTime() - 72 * 3600_000)).toBeLessThan(5000);
    // Not usable to sign in before the link is used.
    expect(await verifyCredentials({ email: "invitee.one@example.test", password: "!no-password", ip: "inv" })).toBeNull();

    // Weak password: refused with the field named, nothing consumed.
    const weak = await expectUnchanged(() =>
      acceptRoute.POST(
        req("POST", "/api/invites/accept", { origin: true, json: { token: linkToken, name: "Ina", password: "Unbelievable" } }),
        params({}),
      ),
    );
    expect(weak.status).toBe(422);
    expect((await weak.json()).error.issues[0]).toMatchObject({ path: "password" });
    // Without a same-origin Origin header: 403.
    const crossSite = await expectUnchanged(() =>
      acceptRoute.POST(req("POST", "/api/invites/accept", { json: { token: linkToken, name: "Ina", password: NEW_PASSWORD } }), params({})),
    );
    expect(crossSite.status).toBe(403);

    const ok = await acceptRoute.POST(
      req("POST", "/api/invites/accept", { origin: true, json: { token: linkToken, name: "Ina Vitee", password: NEW_PASSWORD } }),
      params({}),
    );
    expect(ok.status).toBe(200);
    const signedIn = await verifyCredentials({ email: "invitee.one@example.test", password: NEW_PASSWORD, ip: "inv" });
    expect(signedIn?.user.name).toBe("Ina Vitee");

    const second = await expectUnchanged(() =>
      acceptRoute.POST(
        req("POST", "/api/invites/accept", { origin: true, json: { token: linkToken, password: "another good passphrase" } }),
        params({}),
      ),
    );
    expect(second.status).toBe(410);
    expect((await second.json()).error.message).toMatch(/already been used/);
    expect(await linkState("x".repeat(43))).toMatchObject({ state: "invalid" });

    const audit = await db.auditEvent.findMany({ where: { targetId: body.user.id }, orderBy: { at: "asc" } });
    expect(audit.map((a) => [a.action, a.caseId, a.targetType])).toEqual([
      ["user.invite", null, "user"],
      ["user.invite_accept", null, "user"],
    ]);
  });

  it("refuses an expired link and a duplicate email", async () => {
    const admin = await makeUser({ isAdmin: true });
    const { token, user } = await inviteUser({ ctx: admin, input: { email: "late@example.test", name: "Late" } });
    await db.userInvite.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const err = await expectUnchanged(() => acceptLink({ input: { token, password: NEW_PASSWORD } }).catch((e) => e));
    expect(err.status).toBe(410);
    expect(err.message).toMatch(/expired/);
    const dup = await expectUnchanged(() =>
      inviteUser({ ctx: admin, input: { email: "LATE@example.test", name: "Again" } }).catch((e) => e),
    );
    expect(dup.status).toBe(409);
  });

  it("two invites of the same address at the same moment: one user, one 409, never a 500", async () => {
    const admin = await makeUser({ isAdmin: true });
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) => inviteUser({ ctx: admin, input: { email: "race@example.test", name: `Racer ${i}` } })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected").map((r) => r.reason);
    expect(refused.map((e) => e.status)).toEqual([409, 409, 409, 409, 409]);
    expect(await db.user.count({ where: { email: "race@example.test" } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "user.invite", after: { path: ["email"], equals: "race@example.test" } } })).toBe(
      1,
    );
  });
});

describe("reset, disable, enable", () => {
  it("a reset link ends every session and the old password at once; the link sets a new one", async () => {
    const admin = await makeUser({ isAdmin: true });
    const victim = await makeUser();
    const s = await verifyCredentials({ email: victim.actor.email, password: TEST_PASSWORD, ip: "r" });
    const { token } = await issuePasswordReset({ ctx: admin, userId: victim.actor.id });
    expect(await actorForSession(s!.sessionId)).toBeNull();
    expect(await verifyCredentials({ email: victim.actor.email, password: TEST_PASSWORD, ip: "r" })).toBeNull();
    expect(await linkState(token)).toMatchObject({ state: "ok", purpose: "reset" });
    await acceptLink({ input: { token, password: NEW_PASSWORD } });
    expect(await verifyCredentials({ email: victim.actor.email, password: NEW_PASSWORD, ip: "r" })).not.toBeNull();
    const actions = (await db.auditEvent.findMany({ where: { targetId: victim.actor.id }, orderBy: { at: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["user.reset_password", "user.password_reset_complete"]);
  });

  it("disabling ends sessions and API tokens at once; enabling lets them sign in again; self-disable is refused", async () => {
    const admin = await makeUser({ isAdmin: true });
    const target = await makeUser();
    const s = await verifyCredentials({ email: target.actor.email, password: TEST_PASSWORD, ip: "d" });
    const apiToken = await bearer(target);
    const res = await disableRoute.POST(
      req("POST", `/api/admin/users/${target.actor.id}/disable`, { token: await bearer(admin) }),
      params({ userId: target.actor.id }),
    );
    expect(res.status).toBe(200);
    expect(await actorForSession(s!.sessionId)).toBeNull();
    expect(await actorForApiToken(apiToken)).toBeNull();
    expect(await verifyCredentials({ email: target.actor.email, password: TEST_PASSWORD, ip: "d" })).toBeNull();
    await enableUser({ ctx: admin, userId: target.actor.id });
    expect(await actorForSession(s!.sessionId)).toBeNull(); // old sessions stay ended
    expect(await verifyCredentials({ email: target.actor.email, password: TEST_PASSWORD, ip: "d" })).not.toBeNull();
    const self = await expectUnchanged(() => disableUser({ ctx: admin, userId: admin.actor.id }).catch((e) => e));
    expect(self).toBeInstanceOf(InvalidError);
    const audit = await db.auditEvent.findMany({ where: { targetId: target.actor.id, targetType: "user" }, orderBy: { at: "asc" } });
    expect(audit.map((a) => [a.action, a.caseId, a.actorId])).toEqual([
      ["user.disable", null, admin.actor.id],
      ["user.enable", null, admin.actor.id],
    ]);
  });
});

describe("case roles", () => {
  it("an admin changes and removes roles on any case; the last owner stays", async () => {
    const admin = await makeUser({ isAdmin: true });
    const owner = await makeUser();
    const viewer = await makeUser();
    const c = await makeCase({ owner, members: [[viewer, "viewer"]] });
    const token = await bearer(admin);
    const put = await adminMemberRoute.PUT(
      req("PUT", "/x", { token, json: { role: "editor" } }),
      params({ caseId: c.id, userId: viewer.actor.id }),
    );
    expect(put.status).toBe(200);
    expect((await db.caseMember.findUniqueOrThrow({ where: { caseId_userId: { caseId: c.id, userId: viewer.actor.id } } })).role).toBe(
      "editor",
    );

    const demoteLast = await expectUnchanged(() =>
      adminMemberRoute.PUT(req("PUT", "/x", { token, json: { role: "viewer" } }), params({ caseId: c.id, userId: owner.actor.id })),
    );
    expect(demoteLast.status).toBe(422);
    expect((await demoteLast.json()).error.message).toMatch(/at least one owner/);
    const removeLast = await expectUnchanged(() =>
      adminMemberRoute.DELETE(req("DELETE", "/x", { token }), params({ caseId: c.id, userId: owner.actor.id })),
    );
    expect(removeLast.status).toBe(422);
    const badRole = await expectUnchanged(() =>
      adminMemberRoute.PUT(req("PUT", "/x", { token, json: { role: "god" } }), params({ caseId: c.id, userId: viewer.actor.id })),
    );
    expect(badRole.status).toBe(422);

    const del = await adminMemberRoute.DELETE(req("DELETE", "/x", { token }), params({ caseId: c.id, userId: viewer.actor.id }));
    expect(del.status).toBe(200);
    const audit = await db.auditEvent.findMany({ where: { caseId: c.id, targetId: viewer.actor.id }, orderBy: { at: "asc" } });
    expect(audit.map((a) => [a.action, a.targetType])).toEqual([
      ["case_member.set_role", "user"],
      ["case_member.remove", "user"],
    ]);
  });

  it("a case owner manages members of their own case; other roles get 403, non-members 404", async () => {
    const owner = await makeUser();
    const editor = await makeUser();
    const outsider = await makeUser();
    const newcomer = await makeUser();
    const c = await makeCase({ owner, members: [[editor, "editor"]] });
    const ownerToken = await bearer(owner);
    const add = await caseMembersRoute.POST(
      req("POST", "/x", { token: ownerToken, json: { email: newcomer.actor.email, role: "reviewer" } }),
      params({ caseId: c.id }),
    );
    expect(add.status).toBe(200);
    const list = await (await caseMembersRoute.GET(req("GET", "/x", { token: ownerToken }), params({ caseId: c.id }))).json();
    expect(list.members.map((m: { email: string; role: string }) => [m.email, m.role]).sort()).toEqual(
      [
        [owner.actor.email, "owner"],
        [editor.actor.email, "editor"],
        [newcomer.actor.email, "reviewer"],
      ].sort(),
    );
    // Promote the editor to co-owner; then the first owner may step down.
    expect(
      (
        await caseMemberRoute.PUT(
          req("PUT", "/x", { token: ownerToken, json: { role: "owner" } }),
          params({ caseId: c.id, userId: editor.actor.id }),
        )
      ).status,
    ).toBe(200);
    expect(
      (
        await caseMemberRoute.PUT(
          req("PUT", "/x", { token: ownerToken, json: { role: "editor" } }),
          params({ caseId: c.id, userId: owner.actor.id }),
        )
      ).status,
    ).toBe(200);

    const [newcomerToken, editorToken, outsiderToken] = [await bearer(newcomer), await bearer(editor), await bearer(outsider)];
    const reviewerTry = await expectUnchanged(() =>
      caseMemberRoute.DELETE(req("DELETE", "/x", { token: newcomerToken }), params({ caseId: c.id, userId: editor.actor.id })),
    );
    expect(reviewerTry.status).toBe(403);
    const outsiderTry = await expectUnchanged(() =>
      caseMembersRoute.POST(
        req("POST", "/x", { token: outsiderToken, json: { email: outsider.actor.email, role: "owner" } }),
        params({ caseId: c.id }),
      ),
    );
    expect(outsiderTry.status).toBe(404);
    // An e-mail without an account gets the same answer as one with (tests/security/membership.test.ts) and changes nothing.
    const unknownEmail = await expectUnchanged(() =>
      caseMembersRoute.POST(
        req("POST", "/x", { token: editorToken, json: { email: "nobody@example.test", role: "viewer" } }),
        params({ caseId: c.id }),
      ),
    );
    expect(unknownEmail.status).toBe(200);
  });

  it("two owners demoting each other at once cannot leave the case without an owner", async () => {
    const a = await makeUser();
    const b = await makeUser();
    const c = await makeCase({ owner: a, members: [[b, "owner"]] });
    const results = await Promise.allSettled([
      setMemberRole({ ctx: a, caseId: c.id, userId: a.actor.id, input: { role: "viewer" } }),
      setMemberRole({ ctx: b, caseId: c.id, userId: b.actor.id, input: { role: "viewer" } }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.caseMember.count({ where: { caseId: c.id, role: "owner" } })).toBe(1);
    await expect(removeMember({ ctx: a, caseId: c.id, userId: "not-a-uuid" })).rejects.toThrow(/^Not found\.$/);
    await expect(inviteUser({ ctx: a, input: { email: "x@example.test", name: "X" } })).rejects.toBeInstanceOf(ForbiddenError);
  });
});
