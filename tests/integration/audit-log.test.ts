import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { db } from "@/lib/db";
import { createCase } from "@/lib/cases/create-case";
import { createPastedDocument } from "@/lib/documents/create-document";
import { createSource } from "@/lib/sources/create-source";
import { createClaim } from "@/lib/claims/create-claim";
import { updateClaim } from "@/lib/claims/update-claim";
import { createEntity } from "@/lib/entities/create-entity";
import { createEvent } from "@/lib/events/create-event";
import { createQuestion } from "@/lib/attribution/questions";
import { createHypothesis, getHypothesis, updateHypothesis } from "@/lib/attribution/hypotheses";
import { rateCell } from "@/lib/attribution/ratings";
import { approveHypothesis, submitHypothesis } from "@/lib/review/review-hypothesis";
import { listAudit } from "@/lib/audit/list-audit";
import { makeCase, makeUser } from "../support/factories";
import type { Ctx } from "@/lib/auth/actor";
import type { CaseRole } from "@/lib/generated/prisma/enums";

const WIRE =
  "TIRANA, Sept 7 (Reuters) - Albania cut diplomatic ties with Iran over a cyberattack in July that it said was carried out by Iranian state actors.";

/** Runs one mutation and returns it together with the audit rows it added anywhere in the database. */
async function audited<T>(fn: () => Promise<T>) {
  const before = new Set((await db.auditEvent.findMany({ select: { id: true } })).map((r) => r.id));
  const result = await fn();
  const rows = (await db.auditEvent.findMany({ orderBy: { at: "asc" } })).filter((r) => !before.has(r.id));
  return { result, rows };
}

/** Exactly one new row, with the expected actor, action, target, case and request id. */
async function one<T>(ctx: Ctx, expected: { action: string; targetType: string; caseId?: string }, fn: () => Promise<T>) {
  const { result, rows } = await audited(fn);
  expect(rows.map((r) => r.action)).toEqual([expected.action]);
  const [row] = rows;
  expect(row).toMatchObject({ actorId: ctx.actor.id, action: expected.action, targetType: expected.targetType, requestId: ctx.requestId });
  if (expected.caseId) expect(row.caseId).toBe(expected.caseId);
  return { result, row };
}

const obj = (v: unknown) => v as Record<string, unknown>;

describe("every mutation through a service writes exactly one audit row", () => {
  it("from creating a case to approving a judgment: actor, action, target, before/after, reason and request id", async () => {
    const ana = await makeUser({ name: "Ana" });
    const rui = await makeUser({ name: "Rui" });

    const { result: c, row: caseRow } = await one(ana, { action: "case.create", targetType: "case" }, () =>
      createCase({ ctx: ana, input: { title: "Albania 2022", tlp: "AMBER" } }),
    );
    expect(caseRow).toMatchObject({ caseId: c.id, targetId: c.id, before: null, reason: null });
    expect(obj(caseRow.after)).toMatchObject({ title: "Albania 2022", tlp: "AMBER" });
    await db.caseMember.create({ data: { caseId: c.id, userId: rui.actor.id, role: "reviewer" } });
    const as = (ctx: Ctx, role: CaseRole) => ({ ctx, access: { caseId: c.id, role } });
    const inCase = { caseId: c.id };

    const { result: doc, row: docRow } = await one(ana, { action: "document.create", targetType: "document", ...inCase }, () =>
      createPastedDocument({ ctx: ana, access: { caseId: c.id, role: "owner" }, input: { title: "Reuters wire", text: WIRE } }),
    );
    expect(docRow.targetId).toBe(doc.document.id);
    expect(obj(docRow.after)).toMatchObject({ title: "Reuters wire", sha256: doc.document.sha256 });
    // The stored text is the evidence itself; the audit row keeps its hash, not a second copy.
    expect(obj(docRow.after)).not.toHaveProperty("text");

    const { result: source, row: sourceRow } = await one(ana, { action: "source.create", targetType: "source", ...inCase }, () =>
      createSource({
        ...as(ana, "owner"),
        input: { name: "Reuters", kind: "outlet", reliability: "B", rationale: "Wire service with corrections policy." },
      }),
    );
    expect(sourceRow).toMatchObject({ targetId: source.id, before: null });
    expect(obj(sourceRow.after)).toMatchObject({ name: "Reuters", reliability: "B" });

    const quote = "Albania cut diplomatic ties with Iran";
    const { result: claim, row: claimRow } = await one(ana, { action: "claim.create", targetType: "claim", ...inCase }, () =>
      createClaim({
        ...as(ana, "owner"),
        input: {
          statement: "Albania severed ties with Iran.",
          claimant: "Reuters",
          kind: "fact",
          credibility: 2,
          excerpts: [{ documentId: doc.document.id, exact: quote }],
        },
      }),
    );
    expect(claimRow).toMatchObject({ targetId: claim.id, before: null });
    expect(obj(claimRow.after)).toMatchObject({ statement: "Albania severed ties with Iran.", credibility: 2 });

    const { row: claimUpdate } = await one(ana, { action: "claim.update", targetType: "claim", ...inCase }, () =>
      updateClaim({ ...as(ana, "owner"), claimId: claim.id, input: { version: 1, credibility: 3 } }),
    );
    expect(obj(claimUpdate.before)).toMatchObject({ credibility: 2, version: 1 });
    expect(obj(claimUpdate.after)).toMatchObject({ credibility: 3, version: 2 });

    const { result: entity, row: entityRow } = await one(ana, { action: "entity.create", targetType: "entity", ...inCase }, () =>
      createEntity({ ...as(ana, "owner"), input: { kind: "threat_actor", name: "HomeLand Justice" } }),
    );
    expect(entityRow.targetId).toBe(entity.id);
    expect(obj(entityRow.after)).toMatchObject({ name: "HomeLand Justice", kind: "threat_actor" });

    const { result: event, row: eventRow } = await one(ana, { action: "event.create", targetType: "event", ...inCase }, () =>
      createEvent({ ...as(ana, "owner"), input: { title: "Albania cuts ties", date: "2022-09-07", claimIds: [claim.id] } }),
    );
    expect(eventRow.targetId).toBe(event.id);
    expect(obj(eventRow.after)).toMatchObject({ title: "Albania cuts ties", claimIds: [claim.id] });

    const { result: q } = await one(ana, { action: "question.create", targetType: "question", ...inCase }, () =>
      createQuestion({ ...as(ana, "owner"), input: { question: "Who carried out the July 2022 attack?" } }),
    );
    const { result: h, row: hRow } = await one(ana, { action: "hypothesis.create", targetType: "hypothesis", ...inCase }, () =>
      createHypothesis({
        ...as(ana, "owner"),
        input: { questionId: q.id, title: "Iran's MOIS", likelihood: "likely", confidence: "moderate" },
      }),
    );
    expect(hRow).toMatchObject({ targetId: h.id, reason: null });
    expect(obj(hRow.after)).toMatchObject({ title: "Iran's MOIS", likelihood: "likely" });

    const { row: hUpdate } = await one(ana, { action: "hypothesis.update", targetType: "hypothesis", ...inCase }, () =>
      updateHypothesis({
        ...as(ana, "owner"),
        hypothesisId: h.id,
        input: { version: 1, reason: "Microsoft's report corroborates it.", likelihood: "very_likely" },
      }),
    );
    expect(hUpdate).toMatchObject({ targetId: h.id, reason: "Microsoft's report corroborates it." });
    expect(obj(hUpdate.before)).toMatchObject({ likelihood: "likely", version: 1 });
    expect(obj(hUpdate.after)).toMatchObject({ likelihood: "very_likely", version: 2 });

    const { row: rateRow } = await one(ana, { action: "ach.rate", targetType: "hypothesis", ...inCase }, () =>
      rateCell({ ...as(ana, "owner"), hypothesisId: h.id, claimId: claim.id, input: { rating: "C", note: "Consistent." } }),
    );
    expect(rateRow).toMatchObject({ targetId: h.id, before: null, after: { claimId: claim.id, rating: "C", note: "Consistent." } });
    const { row: rerate } = await one(ana, { action: "ach.rate", targetType: "hypothesis", ...inCase }, () =>
      rateCell({ ...as(ana, "owner"), hypothesisId: h.id, claimId: claim.id, input: { rating: "CC" } }),
    );
    expect(rerate).toMatchObject({
      before: { claimId: claim.id, rating: "C", note: "Consistent." },
      after: { claimId: claim.id, rating: "CC" },
    });

    const { result: review, row: submitRow } = await one(ana, { action: "review.submit", targetType: "hypothesis", ...inCase }, () =>
      submitHypothesis({ ...as(ana, "owner"), hypothesisId: h.id, input: {} }),
    );
    const { hypothesis } = await getHypothesis({ access: as(rui, "reviewer").access, hypothesisId: h.id });
    expect(submitRow).toMatchObject({ targetId: h.id, after: { reviewId: review.id, contentHash: hypothesis.contentHash, version: 2 } });

    const { row: approveRow } = await one(rui, { action: "review.approve", targetType: "hypothesis", ...inCase }, () =>
      approveHypothesis({ ...as(rui, "reviewer"), hypothesisId: h.id, input: { contentHash: hypothesis.contentHash } }),
    );
    expect(approveRow).toMatchObject({
      actorId: rui.actor.id,
      targetId: h.id,
      after: { reviewId: review.id, contentHash: hypothesis.contentHash },
    });

    // A refused mutation leaves no trace: a stale claim version changes nothing and records nothing.
    const { rows: none } = await audited(() =>
      updateClaim({ ...as(ana, "owner"), claimId: claim.id, input: { version: 1, credibility: 5 } }).catch((e) => e),
    );
    expect(none).toEqual([]);
  });
});

describe("the audit trail is append-only in the database", () => {
  // The app's role has no UPDATE/DELETE/TRUNCATE on audit_events (permission denied); the trigger
  // refuses them for the owner too (tests/integration/db-roles.test.ts).
  it("refuses UPDATE, DELETE and TRUNCATE, even from the app's own connection", async () => {
    const ana = await makeUser();
    const c = await makeCase({ owner: ana });
    const row = await db.auditEvent.findFirstOrThrow({ where: { caseId: c.id } });
    await expect(db.auditEvent.update({ where: { id: row.id }, data: { action: "case.tampered" } })).rejects.toThrow(
      /append-only|permission denied/,
    );
    await expect(db.auditEvent.delete({ where: { id: row.id } })).rejects.toThrow(/append-only|permission denied/);
    await expect(db.auditEvent.deleteMany({ where: { caseId: c.id } })).rejects.toThrow(/append-only|permission denied/);
    await expect(db.$executeRawUnsafe(`UPDATE audit_events SET reason = 'covered up' WHERE id = '${row.id}'`)).rejects.toThrow(
      /append-only|permission denied/,
    );
    await expect(db.$executeRawUnsafe("TRUNCATE audit_events")).rejects.toThrow(/append-only|permission denied/);
    expect(await db.auditEvent.findUniqueOrThrow({ where: { id: row.id } })).toEqual(row);
  });
});

describe("listAudit", () => {
  // Rows with chosen timestamps, written the way recordAudit writes them (inserts are allowed).
  async function seedTrail() {
    const ana = await makeUser({ name: "Ana" });
    const rui = await makeUser({ name: "Rui" });
    const c = await makeCase({ owner: ana, members: [[rui, "reviewer"]] });
    const other = await makeCase({ owner: ana, title: "Another case" });
    const at = (d: string) => new Date(d);
    const rows = [
      { at: at("2022-07-01T10:00:00Z"), actorId: ana.actor.id, action: "document.create", targetType: "document" },
      { at: at("2022-07-15T09:00:00Z"), actorId: ana.actor.id, action: "claim.create", targetType: "claim" },
      { at: at("2022-07-15T18:00:00Z"), actorId: rui.actor.id, action: "comment.create", targetType: "claim" },
      { at: at("2022-08-01T12:00:00Z"), actorId: ana.actor.id, action: "claim.update", targetType: "claim" },
      { at: at("2022-09-07T08:00:00Z"), actorId: rui.actor.id, action: "review.approve", targetType: "hypothesis" },
    ];
    for (const [i, r] of rows.entries())
      await db.auditEvent.create({
        data: { ...r, caseId: c.id, targetId: `00000000-0000-7000-8000-00000000000${i}`, requestId: `req-${i}` },
      });
    // The same actor's events in another case must never show up in this case's log.
    await db.auditEvent.create({
      data: {
        at: at("2022-07-15T12:00:00Z"),
        actorId: ana.actor.id,
        action: "claim.create",
        targetType: "claim",
        targetId: "x",
        caseId: other.id,
      },
    });
    const access = { caseId: c.id, role: "viewer" as const };
    return { ana, rui, c, other, access };
  }
  const actions = (r: { events: { action: string }[] }) => r.events.map((e) => e.action);

  it("returns only the case's own events, newest first, with the actor's name", async () => {
    const { other, access, ana } = await seedTrail();
    const all = await listAudit({ access, query: {} });
    // case.create (from makeCase, stamped now) is the newest.
    expect(actions(all)).toEqual(["case.create", "review.approve", "claim.update", "comment.create", "claim.create", "document.create"]);
    expect(all.total).toBe(6);
    expect(all.events[0].actor).toEqual({ id: ana.actor.id, name: "Ana" });
    expect(all.events.find((e) => e.action === "claim.update")?.requestId).toBe("req-3");
    const otherLog = await listAudit({ access: { caseId: other.id, role: "owner" }, query: {} });
    expect(otherLog.events.every((e) => e.targetId === "x" || e.targetId === other.id)).toBe(true);
    expect(otherLog.total).toBe(2);
  });

  it("filters by action prefix, actor and date range", async () => {
    const { access, rui } = await seedTrail();
    expect(actions(await listAudit({ access, query: { action: "claim." } }))).toEqual(["claim.update", "claim.create"]);
    expect(actions(await listAudit({ access, query: { actorId: rui.actor.id } }))).toEqual(["review.approve", "comment.create"]);
    const july = await listAudit({ access, query: { from: "2022-07-10T00:00:00Z", to: "2022-07-31T23:59:59.999Z" } });
    expect(actions(july)).toEqual(["comment.create", "claim.create"]);
    expect(july.total).toBe(2);
    expect(actions(await listAudit({ access, query: { from: "2022-08-01", to: "2022-09-01T00:00:00Z" } }))).toEqual(["claim.update"]);
    expect(actions(await listAudit({ access, query: { action: "claim.", actorId: rui.actor.id } }))).toEqual([]);
    expect(actions(await listAudit({ access, query: { action: "claim.", from: "2022-07-20T00:00:00+02:00" } }))).toEqual(["claim.update"]);
  });

  it("pages without overlap or gaps and reports the total", async () => {
    const { access } = await seedTrail();
    const pages = await Promise.all([1, 2, 3].map((page) => listAudit({ access, query: { page, pageSize: 2 } })));
    expect(pages.map((p) => p.events.length)).toEqual([2, 2, 2]);
    expect(pages.every((p) => p.total === 6 && p.pageSize === 2)).toBe(true);
    const ids = pages.flatMap((p) => p.events.map((e) => e.id));
    expect(new Set(ids).size).toBe(6);
    expect(pages.flatMap(actions)).toEqual(actions(await listAudit({ access, query: {} })));
    expect((await listAudit({ access, query: { page: 4, pageSize: 2 } })).events).toEqual([]);
  });

  it("rejects a malformed filter instead of ignoring it", async () => {
    const { access } = await seedTrail();
    await expect(listAudit({ access, query: { from: "not-a-date" } })).rejects.toBeInstanceOf(ZodError);
    await expect(listAudit({ access, query: { actorId: "ana" } })).rejects.toBeInstanceOf(ZodError);
    await expect(listAudit({ access, query: { pageSize: 1000 } })).rejects.toBeInstanceOf(ZodError);
  });
});
