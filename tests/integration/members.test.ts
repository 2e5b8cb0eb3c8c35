// The case team (issue 18): owners manage it themselves; everyone sees who may review, so a submit
// control can warn when no second person is on the case; the /reviews page lists every kind of item.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { listMembers } from "@/lib/cases/list-members";
import { addMember } from "@/lib/cases/add-member";
import { changeMemberRole } from "@/lib/cases/change-member-role";
import { removeMember } from "@/lib/cases/remove-member";
import { createQuestion } from "@/lib/attribution/questions";
import { createHypothesis } from "@/lib/attribution/hypotheses";
import { submitHypothesis } from "@/lib/review/review-hypothesis";
import { reviewQueue } from "@/lib/review/review-queue";
import { listMySubmissions } from "@/lib/review/list-my-submissions";
import { InvalidError, NotFoundError } from "@/lib/errors";
import { makeCase, makeUser } from "../support/factories";

const HASH = "0".repeat(64);

describe("listMembers", () => {
  it("says who may review: reviewers and owners with an active account, not editors, viewers or disabled accounts", async () => {
    const [owner, editor, reviewer, viewer, gone] = await Promise.all([makeUser(), makeUser(), makeUser(), makeUser(), makeUser()]);
    const c = await makeCase({
      owner,
      members: [
        [editor, "editor"],
        [reviewer, "reviewer"],
        [viewer, "viewer"],
        [gone, "reviewer"],
      ],
    });
    await db.user.update({ where: { id: gone.actor.id }, data: { disabledAt: new Date() } });
    const members = await listMembers({ access: { caseId: c.id, role: "viewer" } });
    expect(Object.fromEntries(members.map((m) => [m.userId, m.canReview]))).toEqual({
      [owner.actor.id]: true,
      [editor.actor.id]: false,
      [reviewer.actor.id]: true,
      [viewer.actor.id]: false,
      [gone.actor.id]: false,
    });
  });
});

describe("a case owner manages the team", () => {
  it("adds by e-mail, changes a role and removes a member, each audited; an id of someone not on the case adds no one", async () => {
    const owner = await makeUser();
    const newcomer = await makeUser();
    const stranger = await makeUser();
    const c = await makeCase({ owner });
    const access = { caseId: c.id, role: "owner" as const };
    const added = await addMember({ ctx: owner, access, input: { email: newcomer.actor.email.toUpperCase(), role: "viewer" } });
    expect(added.message).toMatch(/viewer role/);
    await changeMemberRole({ ctx: owner, access, userId: newcomer.actor.id, input: { role: "reviewer" } });
    expect((await listMembers({ access })).find((m) => m.userId === newcomer.actor.id)).toMatchObject({
      role: "reviewer",
      canReview: true,
    });

    // PUT with a user id only changes someone already on the case (joining is by e-mail).
    await expect(changeMemberRole({ ctx: owner, access, userId: stranger.actor.id, input: { role: "editor" } })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(await db.caseMember.count({ where: { caseId: c.id, userId: stranger.actor.id } })).toBe(0);

    await removeMember({ ctx: owner, caseId: c.id, userId: newcomer.actor.id });
    expect(await db.caseMember.count({ where: { caseId: c.id, userId: newcomer.actor.id } })).toBe(0);
    const audit = await db.auditEvent.findMany({ where: { caseId: c.id, targetId: newcomer.actor.id }, orderBy: { at: "asc" } });
    expect(audit.map((a) => [a.action, a.actorId, a.before, a.after])).toEqual([
      ["case_member.add", owner.actor.id, null, { role: "viewer" }],
      ["case_member.set_role", owner.actor.id, { role: "viewer" }, { role: "reviewer" }],
      ["case_member.remove", owner.actor.id, { role: "reviewer" }, null],
    ]);
  });

  it("cannot demote or remove the last owner, and the refusal changes nothing", async () => {
    const owner = await makeUser();
    const editor = await makeUser();
    const c = await makeCase({ owner, members: [[editor, "editor"]] });
    const access = { caseId: c.id, role: "owner" as const };
    const before = await db.auditEvent.count({ where: { caseId: c.id } });
    await expect(changeMemberRole({ ctx: owner, access, userId: owner.actor.id, input: { role: "editor" } })).rejects.toBeInstanceOf(
      InvalidError,
    );
    await expect(removeMember({ ctx: owner, caseId: c.id, userId: owner.actor.id })).rejects.toBeInstanceOf(InvalidError);
    expect((await listMembers({ access })).map((m) => m.role).sort()).toEqual(["editor", "owner"]);
    expect(await db.auditEvent.count({ where: { caseId: c.id } })).toBe(before);
  });
});

describe("the /reviews page's lists", () => {
  it("the queue and the submitter's list describe every kind of review item with the page that opens it", async () => {
    const ana = await makeUser({ name: "Ana" });
    const rui = await makeUser({ name: "Rui" });
    const c = await makeCase({ owner: ana, members: [[rui, "reviewer"]], title: "Kinds" });
    const as = { ctx: ana, access: { caseId: c.id, role: "owner" as const } };
    const q = await createQuestion({ ...as, input: { question: "Who ran the wiper?" } });
    const h = await createHypothesis({ ...as, input: { questionId: q.id, title: "The key operators" } });
    await submitHypothesis({ ...as, hypothesisId: h.id, input: {} });
    // A brief submission (its target is the case) and a question review, as the database admits them.
    await db.review.create({ data: { caseId: c.id, targetType: "brief", targetId: c.id, contentHash: HASH, submittedById: ana.actor.id } });
    await db.review.create({
      data: { caseId: c.id, targetType: "question", targetId: q.id, contentHash: HASH, submittedById: ana.actor.id },
    });

    const expected = [
      { targetType: "hypothesis", title: "The key operators", href: `/cases/${c.id}/attribution/${h.id}` },
      { targetType: "brief", title: "Brief of “Kinds”", href: `/cases/${c.id}/brief` },
      { targetType: "question", title: "Who ran the wiper?", href: `/cases/${c.id}/attribution` },
    ];
    const queue = await reviewQueue({ actor: rui.actor });
    expect(queue.items.map(({ targetType, title, href }) => ({ targetType, title, href }))).toEqual(expected);
    const mine = await listMySubmissions({ actor: ana.actor });
    expect(mine.map(({ targetType, title, href, decision }) => ({ targetType, title, href, decision }))).toEqual(
      [...expected].reverse().map((e) => ({ ...e, decision: "pending" })),
    );
    // Nothing of Ana's is in Rui's submissions, and once Ana leaves the case hers are gone from her list.
    expect(await listMySubmissions({ actor: rui.actor })).toEqual([]);
    await db.caseMember.update({ where: { caseId_userId: { caseId: c.id, userId: rui.actor.id } }, data: { role: "owner" } });
    await db.caseMember.delete({ where: { caseId_userId: { caseId: c.id, userId: ana.actor.id } } });
    expect(await listMySubmissions({ actor: ana.actor })).toEqual([]);
  });
});
