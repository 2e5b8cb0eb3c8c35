// Outside test (issue 12): adding a member by e-mail told whether an account exists (201 vs 422), an
// added user had no way out of a case they were put in, and unknown-id messages should not differ
// between "exists in another case" and "does not exist".
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { createPastedDocument } from "@/lib/documents/create-document";
import * as caseRoute from "@/app/api/cases/[caseId]/route";
import * as membersRoute from "@/app/api/cases/[caseId]/members/route";
import * as memberRoute from "@/app/api/cases/[caseId]/members/[userId]/route";
import * as documentRoute from "@/app/api/cases/[caseId]/documents/[documentId]/route";
import * as claimsRoute from "@/app/api/cases/[caseId]/claims/route";
import type { Ctx } from "@/lib/auth/actor";
import { makeCase, makeUser } from "../support/factories";
import { expectUnchanged } from "./db-snapshot";

async function bearer(ctx: Ctx) {
  return (await createApiToken({ ctx, name: "membership" })).token;
}
function req(method: string, token: string, json?: unknown) {
  const headers: Record<string, string> = { host: "casefile.test", authorization: `Bearer ${token}` };
  if (json !== undefined) headers["content-type"] = "application/json";
  return new NextRequest("http://casefile.test/api/x", { method, headers, body: json !== undefined ? JSON.stringify(json) : undefined });
}
const params = (p: Record<string, string>) => ({ params: Promise.resolve(p) });
const shape = (value: unknown): unknown =>
  value && typeof value === "object"
    ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === "email" || k === "message" ? typeof v : shape(v)]))
    : typeof value;

describe("POST /api/cases/{caseId}/members by e-mail", () => {
  it("answers the same status and body shape whether or not an account has that e-mail", async () => {
    const owner = await makeUser();
    const someone = await makeUser();
    const c = await makeCase({ owner });
    const token = await bearer(owner);
    const existing = await membersRoute.POST(req("POST", token, { email: someone.actor.email, role: "viewer" }), params({ caseId: c.id }));
    const missing = await expectUnchanged(() =>
      membersRoute.POST(req("POST", token, { email: "nobody-at-all@example.test", role: "viewer" }), params({ caseId: c.id })),
    );
    expect(missing.status).toBe(existing.status);
    const [a, b] = [await existing.json(), await missing.json()];
    expect(shape(b)).toEqual(shape(a));
    expect(b.message).toBe(a.message.replace(someone.actor.email, "nobody-at-all@example.test"));
    // The existing account was added, and the change is audited.
    expect(await db.caseMember.findUnique({ where: { caseId_userId: { caseId: c.id, userId: someone.actor.id } } })).toMatchObject({
      role: "viewer",
    });
    expect(await db.auditEvent.count({ where: { caseId: c.id, action: "case_member.add", targetId: someone.actor.id } })).toBe(1);
  });
});

describe("DELETE /api/cases/{caseId}/members/{own id}: leaving a case", () => {
  it("lets an added member (any role) see the case and leave it, audited; afterwards the case is a 404 to them", async () => {
    const owner = await makeUser();
    const added = await makeUser();
    const c = await makeCase({ owner });
    await membersRoute.POST(req("POST", await bearer(owner), { email: added.actor.email, role: "viewer" }), params({ caseId: c.id }));
    const token = await bearer(added);
    expect((await caseRoute.GET(req("GET", token), params({ caseId: c.id }))).status).toBe(200);

    const left = await memberRoute.DELETE(req("DELETE", token), params({ caseId: c.id, userId: added.actor.id }));
    expect(left.status).toBe(200);
    expect(await db.caseMember.count({ where: { caseId: c.id, userId: added.actor.id } })).toBe(0);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { caseId: c.id, action: "case_member.leave" } });
    expect(audit).toMatchObject({ actorId: added.actor.id, targetType: "user", targetId: added.actor.id, before: { role: "viewer" } });
    expect((await caseRoute.GET(req("GET", token), params({ caseId: c.id }))).status).toBe(404);
  });

  it("refuses the last owner (422) and changes nothing; a viewer still cannot remove someone else (403)", async () => {
    const owner = await makeUser();
    const viewer = await makeUser();
    const c = await makeCase({ owner, members: [[viewer, "viewer"]] });
    const ownerToken = await bearer(owner);
    const lastOwner = await expectUnchanged(() =>
      memberRoute.DELETE(req("DELETE", ownerToken), params({ caseId: c.id, userId: owner.actor.id })),
    );
    expect(lastOwner.status).toBe(422);
    expect((await lastOwner.json()).error.message).toMatch(/owner/);
    const viewerToken = await bearer(viewer);
    const other = await expectUnchanged(() =>
      memberRoute.DELETE(req("DELETE", viewerToken), params({ caseId: c.id, userId: owner.actor.id })),
    );
    expect(other.status).toBe(403);
  });
});

describe("unknown ids", () => {
  it("answer the same 404 'Not found.' whether the record exists in another case or nowhere", async () => {
    const owner = await makeUser();
    const mine = await makeCase({ owner, title: "Mine" });
    const stranger = await makeUser();
    const theirs = await makeCase({ owner: stranger, title: "Theirs" });
    const theirDoc = (
      await createPastedDocument({
        ctx: stranger,
        access: { caseId: theirs.id, role: "owner" },
        input: { title: "Secret", text: "The secret text." },
      })
    ).document;
    const token = await bearer(owner);
    const random = crypto.randomUUID();

    const pairs: [string, () => Promise<Response>, () => Promise<Response>][] = [
      [
        "case",
        () => caseRoute.GET(req("GET", token), params({ caseId: theirs.id })),
        () => caseRoute.GET(req("GET", token), params({ caseId: random })),
      ],
      [
        "document in path",
        () => documentRoute.GET(req("GET", token), params({ caseId: mine.id, documentId: theirDoc.id })),
        () => documentRoute.GET(req("GET", token), params({ caseId: mine.id, documentId: random })),
      ],
      [
        "document in body",
        () =>
          claimsRoute.POST(
            req("POST", token, {
              statement: "s",
              claimant: "c",
              kind: "fact",
              credibility: 2,
              excerpts: [{ documentId: theirDoc.id, exact: "secret" }],
            }),
            params({ caseId: mine.id }),
          ),
        () =>
          claimsRoute.POST(
            req("POST", token, {
              statement: "s",
              claimant: "c",
              kind: "fact",
              credibility: 2,
              excerpts: [{ documentId: random, exact: "secret" }],
            }),
            params({ caseId: mine.id }),
          ),
      ],
    ];
    for (const [label, elsewhere, nowhere] of pairs) {
      const [a, b] = [await elsewhere(), await nowhere()];
      expect([a.status, b.status], label).toEqual([404, 404]);
      const [ea, eb] = [(await a.json()).error, (await b.json()).error];
      expect(ea, label).toEqual(eb);
      expect(ea.message, label).toBe("Not found.");
    }
  });
});
