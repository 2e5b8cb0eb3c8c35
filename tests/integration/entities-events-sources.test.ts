import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { db } from "@/lib/db";
import { createEntity } from "@/lib/entities/create-entity";
import { getEntity } from "@/lib/entities/get-entity";
import { listEntities } from "@/lib/entities/list-entities";
import { updateEntity } from "@/lib/entities/update-entity";
import { createEvent } from "@/lib/events/create-event";
import { listEvents } from "@/lib/events/list-events";
import { assignDocumentSource } from "@/lib/sources/assign-document-source";
import { createSource } from "@/lib/sources/create-source";
import { listSources } from "@/lib/sources/list-sources";
import { updateSource } from "@/lib/sources/update-source";
import { parseEventDate } from "@/lib/events/schemas";
import { createClaim } from "@/lib/claims/create-claim";
import { createPastedDocument } from "@/lib/documents/create-document";
import { ConflictError, InvalidError, NotFoundError } from "@/lib/errors";
import type { Ctx } from "@/lib/auth/actor";
import { makeCase, makeUser } from "../support/factories";

const WIRE =
  "LONDON: A suspected Iranian cyberattack hit Albanian government services. Prime Minister Edi Rama said the attack was orchestrated by Iran. " +
  "A group calling itself HomeLand Justice claimed responsibility. The Iranian Embassy rejected the accusations.";

async function setup() {
  const ana = await makeUser({ name: "Ana" });
  const c = await makeCase({ owner: ana });
  return { ana, c, access: { caseId: c.id, role: "owner" as const } };
}

const auditRows = (where: { caseId?: string; targetId?: string; action?: string }) => db.auditEvent.count({ where });

/** A claim whose quote is found by its exact words in the pasted document (no offsets given). */
async function claimFrom({
  ctx,
  access,
  documentId,
  exact,
  entityIds,
}: {
  ctx: Ctx;
  access: { caseId: string; role: "owner" };
  documentId: string;
  exact: string;
  entityIds: string[];
}) {
  return createClaim({
    ctx,
    access,
    input: { statement: exact, claimant: "Reuters", kind: "allegation", credibility: 3, excerpts: [{ documentId, exact }], entityIds },
  });
}

describe("sources", () => {
  it("creates a source with one audit row, refuses a duplicate name on the name field, and refuses a stale version", async () => {
    const { ana, access } = await setup();
    const source = await createSource({
      ctx: ana,
      access,
      input: { name: "Reuters", kind: "outlet", reliability: "B", rationale: "Wire service with a long record." },
    });
    expect(source).toMatchObject({ name: "Reuters", kind: "outlet", reliability: "B", version: 1, url: null });
    expect(await auditRows({ targetId: source.id, action: "source.create" })).toBe(1);

    const dup = await createSource({
      ctx: ana,
      access,
      input: { name: "Reuters", kind: "vendor", reliability: "C", rationale: "Again." },
    }).catch((e) => e);
    expect(dup).toBeInstanceOf(InvalidError);
    expect((dup as InvalidError).issues).toEqual([{ path: "name", message: "A source with this name already exists in the case." }]);
    expect(await db.source.count({ where: { caseId: access.caseId } })).toBe(1);

    // A regrade needs a reason (issue 12): 422 on the reason field, nothing written.
    const noReason = await updateSource({ ctx: ana, access, sourceId: source.id, input: { reliability: "A", version: 1 } }).catch((e) => e);
    expect(noReason).toBeInstanceOf(InvalidError);
    expect((noReason as InvalidError).issues).toEqual([
      { path: "reason", message: "Regrading this source from B to A needs a reason: say what changed." },
    ]);
    const regraded = await updateSource({
      ctx: ana,
      access,
      sourceId: source.id,
      input: { reliability: "A", rationale: "Confirmed by years of reporting.", version: 1, reason: "Five years without a correction." },
    });
    expect(regraded).toMatchObject({ reliability: "A", version: 2 });
    // …and the regrade shows in the source's history with who and why.
    const [listed] = await listSources({ access });
    expect(listed.regrades).toEqual([
      { at: expect.any(String), by: ana.actor.name, from: "B", to: "A", reason: "Five years without a correction." },
    ]);
    expect(await auditRows({ targetId: source.id, action: "source.update" })).toBe(1);

    // Someone who opened version 1 saves after the regrade: refused, told what is there now, nothing written.
    const stale = await updateSource({ ctx: ana, access, sourceId: source.id, input: { reliability: "E", version: 1 } }).catch((e) => e);
    expect(stale).toBeInstanceOf(ConflictError);
    expect((stale as ConflictError).details?.current).toMatchObject({ reliability: "A", version: 2 });
    expect((await db.source.findUniqueOrThrow({ where: { id: source.id } })).reliability).toBe("A");
    expect(await auditRows({ targetId: source.id })).toBe(2);
  });

  it("counts each source's documents and refuses an override without a reason, in the service and in the database", async () => {
    const { ana, access, c } = await setup();
    const source = await createSource({
      ctx: ana,
      access,
      input: { name: "Mandiant", kind: "vendor", reliability: "B", rationale: "Vendor with direct telemetry." },
    });
    const { document: doc } = await createPastedDocument({
      ctx: ana,
      access: { caseId: c.id, role: "owner" },
      input: { title: "Vendor report", text: WIRE },
    });

    await expect(
      assignDocumentSource({ ctx: ana, access, documentId: doc.id, input: { sourceId: source.id, reliabilityOverride: "D" } }),
    ).rejects.toBeInstanceOf(ZodError);
    await expect(
      assignDocumentSource({
        ctx: ana,
        access,
        documentId: doc.id,
        input: { sourceId: source.id, reliabilityOverride: "D", overrideReason: "   " },
      }),
    ).rejects.toBeInstanceOf(ZodError);
    expect(await auditRows({ targetId: doc.id, action: "document.source" })).toBe(0);
    // The CHECK constraint holds even for a write that skips the service.
    await expect(db.document.update({ where: { id: doc.id }, data: { reliabilityOverride: "D" } })).rejects.toThrow(
      /documents_override_needs_reason|check constraint/i,
    );
    expect((await db.document.findUniqueOrThrow({ where: { id: doc.id } })).reliabilityOverride).toBeNull();

    const assigned = await assignDocumentSource({
      ctx: ana,
      access,
      documentId: doc.id,
      input: { sourceId: source.id, reliabilityOverride: "D", overrideReason: "Leaked draft, not the published report." },
    });
    expect(assigned).toMatchObject({ sourceId: source.id, reliabilityOverride: "D" });
    expect(await auditRows({ targetId: doc.id, action: "document.source" })).toBe(1);
    expect((await listSources({ access })).map((s) => [s.name, s.documentCount])).toEqual([["Mandiant", 1]]);
  });
});

describe("entities", () => {
  it("dedupes aliases, drops the name from them, refuses a duplicate name, and audits each change once", async () => {
    const { ana, access } = await setup();
    const e = await createEntity({
      ctx: ana,
      access,
      input: { kind: "threat_actor", name: "HomeLand Justice", aliases: ["Homeland Justice", "HLJ", "HLJ", "Storm-0842"] },
    });
    expect(e.aliases).toEqual(["HLJ", "Storm-0842"]);
    expect(await auditRows({ targetId: e.id, action: "entity.create" })).toBe(1);

    const dup = await createEntity({ ctx: ana, access, input: { kind: "organization", name: "HomeLand Justice" } }).catch((err) => err);
    expect(dup).toBeInstanceOf(InvalidError);
    expect((dup as InvalidError).issues?.[0].path).toBe("name");
    expect(await db.entity.count({ where: { caseId: access.caseId } })).toBe(1);

    const renamed = await updateEntity({
      ctx: ana,
      access,
      entityId: e.id,
      input: { version: 1, name: "HLJ", aliases: ["HLJ", "HomeLand Justice"] },
    });
    expect(renamed).toMatchObject({ name: "HLJ", aliases: ["HomeLand Justice"], version: 2 });
    expect(await auditRows({ targetId: e.id })).toBe(2);
  });

  it("two saves of the same version: one wins, the other is a 409 carrying the winner's entity, and the winner's data is kept", async () => {
    const { ana, access } = await setup();
    const bo = await makeUser({ name: "Bo" });
    await db.caseMember.create({ data: { caseId: access.caseId, userId: bo.actor.id, role: "editor" } });
    const e = await createEntity({
      ctx: ana,
      access,
      input: { kind: "threat_actor", name: "HomeLand Justice", aliases: ["HLJ"], description: "Claimed the July 2022 attack." },
    });
    expect(e.version).toBe(1);

    // Both opened version 1; the saves race (the row lock decides which one was first).
    const results = await Promise.allSettled([
      updateEntity({ ctx: ana, access, entityId: e.id, input: { version: 1, name: "Homeland Justice", aliases: ["HLJ", "Storm-0842"] } }),
      updateEntity({
        ctx: bo,
        access: { ...access, role: "editor" },
        entityId: e.id,
        input: { version: 1, description: "Persona of an Iranian state actor.", kind: "intrusion_set" },
      }),
    ]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect([won.length, lost.length]).toEqual([1, 1]);
    const conflict = lost[0].reason as ConflictError;
    expect(conflict).toBeInstanceOf(ConflictError);
    expect(conflict.status).toBe(409);
    const winner = (won[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof updateEntity>>>).value;
    expect(winner.version).toBe(2);
    // The refusal carries the entity as the winner left it, so the loser's form can show it.
    expect(conflict.details?.current).toMatchObject({
      id: e.id,
      version: 2,
      name: winner.name,
      aliases: winner.aliases,
      description: winner.description,
      kind: winner.kind,
    });

    const stored = await db.entity.findUniqueOrThrow({ where: { id: e.id } });
    expect(stored).toMatchObject({
      version: 2,
      name: winner.name,
      aliases: winner.aliases,
      description: winner.description,
      kind: winner.kind,
    });
    // One audit row for the one change, its before and after exact.
    const audits = await db.auditEvent.findMany({ where: { targetId: e.id, action: "entity.update" } });
    expect(audits).toHaveLength(1);
    expect(audits[0].before).toMatchObject({
      version: 1,
      name: "HomeLand Justice",
      aliases: ["HLJ"],
      description: "Claimed the July 2022 attack.",
    });
    expect(audits[0].after).toMatchObject({ version: 2, name: winner.name });

    // The loser, now at the current version, can save over it deliberately.
    const loserCtx = winner.name === "Homeland Justice" ? bo : ana;
    const again = await updateEntity({ ctx: loserCtx, access, entityId: e.id, input: { version: 2, description: "Kept mine." } });
    expect(again).toMatchObject({ version: 3, description: "Kept mine.", name: winner.name });
  });

  it("an edit needs the version; a rename alone leaves aliases and description; foreign and malformed ids are 404", async () => {
    const { ana, access } = await setup();
    const e = await createEntity({
      ctx: ana,
      access,
      input: { kind: "organization", name: "Iran MOIS", aliases: ["MOIS", "VAJA"], description: "Ministry of Intelligence." },
    });
    await expect(updateEntity({ ctx: ana, access, entityId: e.id, input: { name: "No version" } as never })).rejects.toBeInstanceOf(
      ZodError,
    );
    await expect(updateEntity({ ctx: ana, access, entityId: e.id, input: { version: 2 ** 31, name: "Too big" } })).rejects.toBeInstanceOf(
      ZodError,
    );
    await expect(updateEntity({ ctx: ana, access, entityId: e.id, input: { version: 1 } })).rejects.toBeInstanceOf(InvalidError);
    // Regression: the update schema used to inherit the create schema's defaults, so a rename alone cleared the aliases and the description.
    const renamed = await updateEntity({ ctx: ana, access, entityId: e.id, input: { version: 1, name: "Ministry of Intelligence" } });
    expect(renamed).toMatchObject({
      name: "Ministry of Intelligence",
      aliases: ["MOIS", "VAJA"],
      description: "Ministry of Intelligence.",
      version: 2,
    });

    const other = await setup();
    const foreign = await createEntity({ ctx: other.ana, access: other.access, input: { kind: "person", name: "Someone else" } });
    await expect(
      updateEntity({ ctx: ana, access, entityId: foreign.id, input: { version: 1, name: "Taken over" } }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateEntity({ ctx: ana, access, entityId: "not-a-uuid", input: { version: 1, name: "x" } })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(await db.entity.findUniqueOrThrow({ where: { id: foreign.id } })).toMatchObject({ name: "Someone else", version: 1 });
    expect(await auditRows({ targetId: e.id, action: "entity.update" })).toBe(1);
  });

  it("getEntity returns the claims that mention the entity, with their quotes, and 404s another case's entity", async () => {
    const { ana, access, c } = await setup();
    const hlj = await createEntity({ ctx: ana, access, input: { kind: "threat_actor", name: "HomeLand Justice", aliases: ["HLJ"] } });
    const iran = await createEntity({ ctx: ana, access, input: { kind: "organization", name: "Iran" } });
    const { document: doc } = await createPastedDocument({
      ctx: ana,
      access: { caseId: c.id, role: "owner" },
      input: { title: "Wire", text: WIRE },
    });
    const quote = "A group calling itself HomeLand Justice claimed responsibility.";
    const c1 = await claimFrom({ ctx: ana, access, documentId: doc.id, exact: quote, entityIds: [hlj.id] });
    const c2 = await claimFrom({
      ctx: ana,
      access,
      documentId: doc.id,
      exact: "the attack was orchestrated by Iran",
      entityIds: [hlj.id, iran.id],
    });
    await claimFrom({ ctx: ana, access, documentId: doc.id, exact: "The Iranian Embassy rejected the accusations.", entityIds: [iran.id] });

    const { entity, claims } = await getEntity({ access, entityId: hlj.id });
    expect(entity.name).toBe("HomeLand Justice");
    expect(claims.map((x) => x.id)).toEqual([c1.id, c2.id]);
    expect(claims[0].excerpts[0]).toMatchObject({
      documentId: doc.id,
      exact: quote,
      start: WIRE.indexOf(quote),
      end: WIRE.indexOf(quote) + quote.length,
    });
    // The document has no source: the claim is ungraded ("–3"), not F.
    expect(claims[0]).toMatchObject({ grade: "–3", reliability: null });
    expect((await listEntities({ access })).map((x) => [x.name, x.claimCount])).toEqual([
      ["HomeLand Justice", 2],
      ["Iran", 2],
    ]);

    const other = await setup();
    const foreign = await createEntity({ ctx: other.ana, access: other.access, input: { kind: "person", name: "Someone else" } });
    await expect(getEntity({ access, entityId: foreign.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getEntity({ access, entityId: "not-a-uuid" })).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe("events", () => {
  it("parseEventDate derives the precision and rejects impossible dates", () => {
    expect(parseEventDate("2022")).toEqual({ occurredAt: new Date("2022-01-01T00:00:00Z"), precision: "year" });
    expect(parseEventDate("2022-07")).toEqual({ occurredAt: new Date("2022-07-01T00:00:00Z"), precision: "month" });
    expect(parseEventDate(" 2022-07-15 ")).toEqual({ occurredAt: new Date("2022-07-15T00:00:00Z"), precision: "day" });
    expect(parseEventDate("2022-02-30")).toBeNull();
    expect(parseEventDate("2022-13")).toBeNull();
    expect(parseEventDate("2022-00")).toBeNull();
    expect(parseEventDate("July 2022")).toEqual({ occurredAt: new Date("2022-07-01T00:00:00Z"), precision: "month" });
    expect(parseEventDate("28 Feb 2023")).toEqual({ occurredAt: new Date("2023-02-28T00:00:00Z"), precision: "day" });
    expect(parseEventDate("28th of Feb")).toBeNull();
    expect(parseEventDate("")).toBeNull();
  });

  it("creates an event linked to the case's claims, and refuses another case's claim storing nothing", async () => {
    const { ana, access, c } = await setup();
    const { document: doc } = await createPastedDocument({
      ctx: ana,
      access: { caseId: c.id, role: "owner" },
      input: { title: "Wire", text: WIRE },
    });
    const claim = await claimFrom({
      ctx: ana,
      access,
      documentId: doc.id,
      exact: "A suspected Iranian cyberattack hit Albanian government services.",
      entityIds: [],
    });

    const other = await setup();
    const { document: otherDoc } = await createPastedDocument({
      ctx: other.ana,
      access: { caseId: other.c.id, role: "owner" },
      input: { title: "Elsewhere", text: WIRE },
    });
    const foreign = await claimFrom({
      ctx: other.ana,
      access: other.access,
      documentId: otherDoc.id,
      exact: "The Iranian Embassy rejected the accusations.",
      entityIds: [],
    });

    const auditBefore = await auditRows({ caseId: c.id });
    await expect(
      createEvent({ ctx: ana, access, input: { title: "Attack", date: "2022-07", claimIds: [claim.id, foreign.id] } }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.event.count({ where: { caseId: c.id } })).toBe(0);
    expect(await db.eventClaim.count({ where: { claimId: claim.id } })).toBe(0);
    expect(await auditRows({ caseId: c.id })).toBe(auditBefore);

    await expect(createEvent({ ctx: ana, access, input: { title: "Bad", date: "2022-13" } })).rejects.toThrow(/Feb 2023, 2023-02 or 2023/);

    const event = await createEvent({
      ctx: ana,
      access,
      input: { title: "Government services taken offline", date: "2022-07", claimIds: [claim.id, claim.id] },
    });
    expect(event).toMatchObject({ precision: "month", occurredAt: new Date("2022-07-01T00:00:00Z") });
    expect(await auditRows({ caseId: c.id })).toBe(auditBefore + 1);
    expect(await auditRows({ targetId: event.id, action: "event.create" })).toBe(1);
    await createEvent({ ctx: ana, access, input: { title: "Year only", date: "2022" } });
    const listed = await listEvents({ access });
    expect(listed.map((e) => e.title)).toEqual(["Year only", "Government services taken offline"]);
    expect(listed[1].claims.map((l) => l.claim.id)).toEqual([claim.id]);
  });
});
