import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createCase } from "@/lib/cases/create-case";
import { updateCase } from "@/lib/cases/update-case";
import { listCases } from "@/lib/cases/list-cases";
import { requireCaseAccess } from "@/lib/cases/require-case-access";
import { ConflictError, ForbiddenError, InvalidError, NotFoundError } from "@/lib/errors";
import { makeCase, makeUser } from "../support/factories";

describe("createCase", () => {
  it("makes the creator owner and writes one audit event in the same transaction", async () => {
    const ana = await makeUser();
    const c = await createCase({ ctx: ana, input: { title: "  2022 Albania government cyberattacks ", tlp: "AMBER_STRICT" } });
    expect(c.title).toBe("2022 Albania government cyberattacks");
    expect(c.slug).toMatch(/^2022-albania-government-cyberattacks-[0-9a-f]{6}$/);
    expect(await db.caseMember.findMany({ where: { caseId: c.id } })).toEqual([
      expect.objectContaining({ userId: ana.actor.id, role: "owner" }),
    ]);
    const audit = await db.auditEvent.findMany({ where: { caseId: c.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "case.create", actorId: ana.actor.id, targetId: c.id, requestId: ana.requestId });
  });

  it("refuses an empty title and stores nothing", async () => {
    const ana = await makeUser();
    const before = await db.case.count();
    await expect(createCase({ ctx: ana, input: { title: "   " } })).rejects.toThrow(/Title is required/);
    expect(await db.case.count()).toBe(before);
    expect(await db.auditEvent.count({ where: { actorId: ana.actor.id } })).toBe(0);
  });
});

describe("updateCase (optimistic concurrency)", () => {
  it("applies a change based on the current version and bumps it", async () => {
    const ana = await makeUser();
    const c = await makeCase({ owner: ana });
    const updated = await updateCase({
      ctx: ana,
      access: { caseId: c.id, role: "owner" },
      input: { version: 1, summary: "BLUF", tlp: "RED" },
    });
    expect(updated).toMatchObject({ summary: "BLUF", tlp: "RED", version: 2 });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { caseId: c.id, action: "case.update" } });
    expect(audit.before).toMatchObject({ tlp: "AMBER", version: 1 });
    expect(audit.after).toMatchObject({ tlp: "RED", version: 2 });
  });

  it("refuses a stale version with the other person's values and changes nothing", async () => {
    const ana = await makeUser();
    const rui = await makeUser();
    const c = await makeCase({ owner: ana, members: [[rui, "editor"]] });
    await updateCase({ ctx: rui, access: { caseId: c.id, role: "editor" }, input: { version: 1, title: "Rui's title" } });
    const err = await updateCase({ ctx: ana, access: { caseId: c.id, role: "owner" }, input: { version: 1, title: "Ana's title" } }).catch(
      (e) => e,
    );
    expect(err).toBeInstanceOf(ConflictError);
    expect(err.details.current).toMatchObject({ title: "Rui's title", version: 2 });
    expect(await db.case.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({ title: "Rui's title", version: 2 });
  });

  it("lets exactly one of 50 parallel saves of the same version win", async () => {
    const ana = await makeUser();
    const c = await makeCase({ owner: ana });
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        updateCase({ ctx: ana, access: { caseId: c.id, role: "owner" }, input: { version: 1, summary: `writer ${i}` } }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(rejected).toHaveLength(49);
    expect(rejected.every((r) => r.reason instanceof ConflictError)).toBe(true);
    expect((await db.case.findUniqueOrThrow({ where: { id: c.id } })).version).toBe(2);
    expect(await db.auditEvent.count({ where: { caseId: c.id, action: "case.update" } })).toBe(1);
  });

  it("refuses an empty change", async () => {
    const ana = await makeUser();
    const c = await makeCase({ owner: ana });
    await expect(updateCase({ ctx: ana, access: { caseId: c.id, role: "owner" }, input: { version: 1 } })).rejects.toBeInstanceOf(
      InvalidError,
    );
  });
});

describe("requireCaseAccess", () => {
  it("gives 404 to non-members and for unknown ids, 403 to a role without the permission", async () => {
    const ana = await makeUser();
    const vera = await makeUser();
    const stranger = await makeUser();
    const c = await makeCase({ owner: ana, members: [[vera, "viewer"]] });
    await expect(requireCaseAccess({ actor: stranger.actor, caseId: c.id, action: "case.read" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(requireCaseAccess({ actor: ana.actor, caseId: "not-a-uuid", action: "case.read" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      requireCaseAccess({ actor: ana.actor, caseId: "01a20859-28ff-767a-8931-24133ee69f1c", action: "case.read" }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await requireCaseAccess({ actor: vera.actor, caseId: c.id, action: "case.read" })).toEqual({ caseId: c.id, role: "viewer" });
    await expect(requireCaseAccess({ actor: vera.actor, caseId: c.id, action: "case.update" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(requireCaseAccess({ actor: vera.actor, caseId: c.id, action: "documents.create" })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("lists only the cases a user is a member of", async () => {
    const ana = await makeUser();
    const ines = await makeUser();
    const mine = await makeCase({ owner: ana, title: "Mine" });
    await makeCase({ owner: ines, title: "Not mine" });
    expect((await listCases({ actor: ana.actor })).map((c) => c.id)).toEqual([mine.id]);
  });
});

describe("audit_events", () => {
  it("is append-only: UPDATE, DELETE and TRUNCATE are refused by the database", async () => {
    const ana = await makeUser();
    const c = await makeCase({ owner: ana });
    const ev = await db.auditEvent.findFirstOrThrow({ where: { caseId: c.id } });
    await expect(db.$executeRaw`UPDATE audit_events SET action = 'tampered' WHERE id = ${ev.id}::uuid`).rejects.toThrow(
      /append-only|permission denied/,
    );
    await expect(db.$executeRaw`DELETE FROM audit_events WHERE id = ${ev.id}::uuid`).rejects.toThrow(/append-only|permission denied/);
    await expect(db.$executeRawUnsafe(`TRUNCATE audit_events`)).rejects.toThrow(/append-only|permission denied/);
    expect((await db.auditEvent.findUniqueOrThrow({ where: { id: ev.id } })).action).toBe("case.create");
  });
});
