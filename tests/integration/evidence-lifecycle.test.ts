// Issue 12, "Evidence has a lifecycle": retracting documents, claims, sources and events (soft,
// audited, with a reason, hidden from lists, search and ACH unless asked for, never deleted), and
// editing events and their claim links after creation. Through the services and the real route
// handlers (Bearer token), on a real PostgreSQL.
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { db } from "@/lib/db";
import { createPastedDocument } from "@/lib/documents/create-document";
import { listDocuments } from "@/lib/documents/list-documents";
import { getDocument } from "@/lib/documents/get-document";
import { createSource } from "@/lib/sources/create-source";
import { listSources } from "@/lib/sources/list-sources";
import { updateSource } from "@/lib/sources/update-source";
import { assignDocumentSource } from "@/lib/sources/assign-document-source";
import { createClaim } from "@/lib/claims/create-claim";
import { listClaims } from "@/lib/claims/list-claims";
import { getClaim } from "@/lib/claims/claim-details";
import { updateClaim } from "@/lib/claims/update-claim";
import { createClaimLink } from "@/lib/claims/claim-links";
import { createEvent } from "@/lib/events/create-event";
import { listEvents } from "@/lib/events/list-events";
import { linkEventClaim, unlinkEventClaim, updateEvent } from "@/lib/events/update-event";
import { retractRecord } from "@/lib/lifecycle/retract-record";
import { search } from "@/lib/search/search";
import { createEntity } from "@/lib/entities/create-entity";
import { getEntity } from "@/lib/entities/get-entity";
import { listEntities } from "@/lib/entities/list-entities";
import { createQuestion } from "@/lib/attribution/questions";
import { createHypothesis } from "@/lib/attribution/hypotheses";
import { getAchMatrix } from "@/lib/attribution/get-ach-matrix";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { ConflictError, InvalidError, NotFoundError } from "@/lib/errors";
import type { CaseAccess } from "@/lib/cases/require-case-access";
import { POST as retractDocumentRoute } from "@/app/api/cases/[caseId]/documents/[documentId]/retract/route";
import { POST as retractClaimRoute } from "@/app/api/cases/[caseId]/claims/[claimId]/retract/route";
import { GET as listDocumentsRoute } from "@/app/api/cases/[caseId]/documents/route";
import { PATCH as patchEventRoute } from "@/app/api/cases/[caseId]/events/[eventId]/route";
import { makeCase, makeUser } from "../support/factories";

const marker = () => `zq${randomBytes(4).toString("hex")}`;

async function setup() {
  const ana = await makeUser({ name: "Ana" });
  const vic = await makeUser({ name: "Vic" });
  const c = await makeCase({ owner: ana, members: [[vic, "viewer"]] });
  const access: CaseAccess = { caseId: c.id, role: "owner" };
  const word = marker();
  const source = await createSource({
    ctx: ana,
    access,
    input: { name: `Wire ${word}`, kind: "outlet", reliability: "B", rationale: "Long record." },
  });
  const { document } = await createPastedDocument({
    ctx: ana,
    access: { caseId: c.id, role: "owner" },
    input: { title: `Report ${word}`, text: `The ${word} operator was seen in the harbour on 3 May. A second sentence follows here.` },
  });
  await assignDocumentSource({ ctx: ana, access, documentId: document.id, input: { sourceId: source.id } });
  const claim = await createClaim({
    ctx: ana,
    access,
    input: {
      statement: `The ${word} operator was in the harbour.`,
      claimant: "Wire",
      kind: "fact",
      credibility: 2,
      excerpts: [{ documentId: document.id, exact: `The ${word} operator was seen in the harbour` }],
    },
  });
  const event = await createEvent({
    ctx: ana,
    access,
    input: { title: `Harbour sighting ${word}`, date: "2022-05-03", claimIds: [claim.id] },
  });
  return { ana, vic, c, access, word, source, document, claim, event };
}

const call = (
  handler: (req: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>,
  { token, method, url, params, body }: { token: string; method: string; url: string; params: Record<string, string>; body?: unknown },
) =>
  handler(
    new NextRequest(`http://localhost${url}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { "content-type": "application/json" } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
    { params: Promise.resolve(params) },
  );

describe("retracting evidence", () => {
  it("needs a reason (422 naming the field), keeps the row, audits it with the reason, and refuses a second retraction (409)", async () => {
    const { ana, access, document } = await setup();
    for (const input of [{}, { reason: "   " }]) {
      const err = await retractRecord({ ctx: ana, access, kind: "document", id: document.id, input: input as { reason: string } }).catch(
        (e: unknown) => e,
      );
      // A ZodError, which the route wrapper answers as 422 with this issue (checked through the route below).
      expect(err).toHaveProperty("issues", [
        expect.objectContaining({ path: ["reason"], message: expect.stringMatching(/needs a reason/) }),
      ]);
    }
    expect((await db.document.findUniqueOrThrow({ where: { id: document.id } })).retractedAt).toBeNull();

    const r = await retractRecord({
      ctx: ana,
      access,
      kind: "document",
      id: document.id,
      input: { reason: "The outlet withdrew the story." },
    });
    expect(r.retraction).toMatchObject({ by: "Ana", reason: "The outlet withdrew the story." });
    const row = await db.document.findUniqueOrThrow({ where: { id: document.id } });
    expect(row).toMatchObject({ retractedById: ana.actor.id, retractionReason: "The outlet withdrew the story." });
    expect(row.text).toContain("operator"); // never deleted, text untouched
    const audit = await db.auditEvent.findFirstOrThrow({ where: { targetId: document.id, action: "document.retract" } });
    expect(audit).toMatchObject({ actorId: ana.actor.id, reason: "The outlet withdrew the story.", caseId: access.caseId });

    const again = await retractRecord({ ctx: ana, access, kind: "document", id: document.id, input: { reason: "again" } }).catch(
      (e: unknown) => e,
    );
    expect(again).toBeInstanceOf(ConflictError);
    expect((again as ConflictError).message).toMatch(/already retracted .* by Ana: The outlet withdrew the story/);
    expect(await db.auditEvent.count({ where: { targetId: document.id, action: "document.retract" } })).toBe(1);

    // The database refuses a retraction without its reason or author (constraint *_retraction_complete).
    await expect(db.$executeRaw`UPDATE claims SET retracted_at = now() WHERE case_id = ${access.caseId}::uuid`).rejects.toThrow(
      /retraction_complete/,
    );
  });

  it("hides retracted documents, claims, sources and events from lists, search and ACH unless asked for", async () => {
    const { ana, access, word, source, document, claim, event } = await setup();
    const question = await createQuestion({ ctx: ana, access, input: { question: "Who?" } });
    await createHypothesis({ ctx: ana, access, input: { questionId: question.id, title: "Them" } });
    const found = async (include?: "retracted") =>
      (await search({ actor: ana.actor, query: { q: word, caseId: access.caseId, include } })).results
        .map((x) => `${x.kind}${x.retracted ? "*" : ""}`)
        .sort();
    expect(await found()).toEqual(["claim", "document", "source"]);

    for (const [kind, id] of [
      ["document", document.id],
      ["claim", claim.id],
      ["source", source.id],
      ["event", event.id],
    ] as const) {
      await retractRecord({ ctx: ana, access, kind, id, input: { reason: `Retract the ${kind}.` } });
    }
    expect(await listDocuments({ access })).toEqual([]);
    expect((await listDocuments({ access, includeRetracted: true })).map((d) => d.id)).toEqual([document.id]);
    expect((await listClaims({ access, query: {} })).claims).toEqual([]);
    expect((await listClaims({ access, query: { include: "retracted" } })).claims.map((x) => x.retraction?.reason)).toEqual([
      "Retract the claim.",
    ]);
    expect(await listSources({ access })).toEqual([]);
    expect((await listSources({ access, includeRetracted: true }))[0].retractionReason).toBe("Retract the source.");
    expect(await listEvents({ access })).toEqual([]);
    expect((await listEvents({ access, includeRetracted: true }))[0].retractionReason).toBe("Retract the event.");
    expect(await found()).toEqual([]);
    expect(await found("retracted")).toEqual(["claim*", "document*", "source*"]);
    expect((await getAchMatrix({ access }))!.claims).toEqual([]);
    expect((await getAchMatrix({ access, includeRetracted: true }))!.claims.map((x) => x.id)).toEqual([claim.id]);

    // The item's own page still opens, and says so.
    expect((await getDocument({ access, documentId: document.id })).retractionReason).toBe("Retract the document.");
    expect((await getClaim({ access, claimId: claim.id })).retraction).toMatchObject({ reason: "Retract the claim.", by: "Ana" });
    // Nothing was deleted.
    expect(await db.document.count({ where: { caseId: access.caseId } })).toBe(1);
    expect(await db.claim.count({ where: { caseId: access.caseId } })).toBe(1);
  });

  it("leaves a retracted claim off its entities' pages and counts", async () => {
    const { ana, access, document } = await setup();
    const mois = await createEntity({ ctx: ana, access, input: { kind: "organization", name: "MOIS" } });
    const tagged = await createClaim({
      ctx: ana,
      access,
      input: {
        statement: "Tagged",
        claimant: "Wire",
        kind: "fact",
        credibility: 3,
        entityIds: [mois.id],
        excerpts: [{ documentId: document.id, exact: "A second sentence follows here." }],
      },
    });
    expect((await getEntity({ access, entityId: mois.id })).claims.map((x) => x.id)).toEqual([tagged.id]);
    await retractRecord({ ctx: ana, access, kind: "claim", id: tagged.id, input: { reason: "Wrong entity." } });
    expect((await getEntity({ access, entityId: mois.id })).claims).toEqual([]);
    expect((await listEntities({ access }))[0].claimCount).toBe(0);
  });

  it("refuses to build on or edit what was retracted", async () => {
    const { ana, access, source, document, claim } = await setup();
    await retractRecord({ ctx: ana, access, kind: "claim", id: claim.id, input: { reason: "Misquoted." } });
    await expect(updateClaim({ ctx: ana, access, claimId: claim.id, input: { version: 2, statement: "x" } })).rejects.toThrow(
      /was retracted/,
    );
    const other = await createClaim({
      ctx: ana,
      access,
      input: {
        statement: "Other",
        claimant: "Wire",
        kind: "fact",
        credibility: 3,
        excerpts: [{ documentId: document.id, exact: "A second sentence follows here." }],
      },
    });
    await expect(
      createClaimLink({ ctx: ana, access, fromClaimId: other.id, input: { toClaimId: claim.id, kind: "corroborates" } }),
    ).rejects.toBeInstanceOf(InvalidError);
    await expect(createEvent({ ctx: ana, access, input: { title: "E", date: "2022", claimIds: [claim.id] } })).rejects.toThrow(
      /was retracted/,
    );

    await retractRecord({ ctx: ana, access, kind: "source", id: source.id, input: { reason: "Registered twice." } });
    await expect(updateSource({ ctx: ana, access, sourceId: source.id, input: { version: 2, name: "x" } })).rejects.toThrow(
      /was retracted/,
    );
    await retractRecord({ ctx: ana, access, kind: "document", id: document.id, input: { reason: "Fake." } });
    const err = await createClaim({
      ctx: ana,
      access,
      input: {
        statement: "New",
        claimant: "x",
        kind: "fact",
        credibility: 3,
        excerpts: [{ documentId: document.id, exact: "A second sentence" }],
      },
    }).catch((e: unknown) => e);
    expect(err).toHaveProperty("issues", [{ path: "excerpts.0.documentId", message: expect.stringMatching(/retracted/) }]);
    // The remaining claim on the retracted document now shows its quote's document as retracted and lends no grade.
    expect(await getClaim({ access, claimId: other.id })).toMatchObject({
      reliability: null,
      excerpts: [expect.objectContaining({ documentRetracted: true })],
    });
  });

  it("is authorised on the server: a viewer gets 403, another case's id 404, a missing reason 422; an owner 200", async () => {
    const { ana, vic, c, document, claim } = await setup();
    const [owner, viewer] = await Promise.all([createApiToken({ ctx: ana, name: "t" }), createApiToken({ ctx: vic, name: "t" })]);
    const url = `/api/cases/${c.id}/documents/${document.id}/retract`;
    const params = { caseId: c.id, documentId: document.id };
    expect((await call(retractDocumentRoute, { token: viewer.token, method: "POST", url, params, body: { reason: "no" } })).status).toBe(
      403,
    );
    const stranger = await makeUser();
    const strangerCase = await makeCase({ owner: stranger });
    const strangerToken = await createApiToken({ ctx: stranger, name: "t" });
    expect(
      (
        await call(retractDocumentRoute, {
          token: strangerToken.token,
          method: "POST",
          url,
          params: { caseId: strangerCase.id, documentId: document.id },
          body: { reason: "x" },
        })
      ).status,
    ).toBe(404);
    const missing = await call(retractDocumentRoute, { token: owner.token, method: "POST", url, params, body: {} });
    expect(missing.status).toBe(422);
    expect((await missing.json()).error.issues).toEqual([{ path: "reason", message: expect.stringMatching(/needs a reason/) }]);
    const ok = await call(retractDocumentRoute, {
      token: owner.token,
      method: "POST",
      url,
      params,
      body: { reason: "Withdrawn by the outlet." },
    });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ id: document.id, kind: "document", retraction: { reason: "Withdrawn by the outlet." } });
    expect(
      (
        await call(retractClaimRoute, {
          token: owner.token,
          method: "POST",
          url: `/api/cases/${c.id}/claims/${claim.id}/retract`,
          params: { caseId: c.id, claimId: claim.id },
          body: { reason: "r" },
        })
      ).status,
    ).toBe(200);

    const list = async (query: string) =>
      (await (
        await call(listDocumentsRoute, {
          token: viewer.token,
          method: "GET",
          url: `/api/cases/${c.id}/documents${query}`,
          params: { caseId: c.id },
        })
      ).json()) as { documents: { id: string; retractedAt: string | null; retractionReason: string | null }[] };
    expect((await list("")).documents).toEqual([]);
    expect((await list("?include=retracted")).documents).toEqual([
      expect.objectContaining({ id: document.id, retractionReason: "Withdrawn by the outlet." }),
    ]);
    const bad = await call(listDocumentsRoute, {
      token: viewer.token,
      method: "GET",
      url: `/api/cases/${c.id}/documents?include=everything`,
      params: { caseId: c.id },
    });
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.issues[0].message).toMatch(/"retracted"/);
  });
});

describe("editing events after creation", () => {
  it("edits title, date and claims with a version (409 when stale), links and unlinks claims idempotently, all audited", async () => {
    const { ana, access, document, claim, event } = await setup();
    const second = await createClaim({
      ctx: ana,
      access,
      input: {
        statement: "Second",
        claimant: "Wire",
        kind: "fact",
        credibility: 3,
        excerpts: [{ documentId: document.id, exact: "A second sentence follows here." }],
      },
    });
    const edited = await updateEvent({
      ctx: ana,
      access,
      eventId: event.id,
      input: { version: 1, title: "Harbour sighting (corrected)", date: "2022-05" },
    });
    expect(edited).toMatchObject({ title: "Harbour sighting (corrected)", precision: "month", version: 2 });
    expect(edited.occurredAt.toISOString()).toBe("2022-05-01T00:00:00.000Z");
    const stale = await updateEvent({ ctx: ana, access, eventId: event.id, input: { version: 1, title: "Lost" } }).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(ConflictError);
    expect((stale as ConflictError).details?.current).toMatchObject({ title: "Harbour sighting (corrected)", version: 2 });

    expect(await linkEventClaim({ ctx: ana, access, eventId: event.id, claimId: second.id })).toEqual({ linked: true });
    expect(await linkEventClaim({ ctx: ana, access, eventId: event.id, claimId: second.id })).toEqual({ linked: false });
    expect(await unlinkEventClaim({ ctx: ana, access, eventId: event.id, claimId: claim.id })).toEqual({ unlinked: true });
    expect(await unlinkEventClaim({ ctx: ana, access, eventId: event.id, claimId: claim.id })).toEqual({ unlinked: false });
    const [listed] = await listEvents({ access });
    expect(listed.claims.map((x) => x.claimId)).toEqual([second.id]);
    expect(listed.version).toBe(4);
    const replaced = await updateEvent({ ctx: ana, access, eventId: event.id, input: { version: 4, claimIds: [claim.id, second.id] } });
    expect(replaced.claims.map((x) => x.claimId).sort()).toEqual([claim.id, second.id].sort());
    const actions = (await db.auditEvent.findMany({ where: { targetId: event.id }, orderBy: { at: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["event.create", "event.update", "event.link", "event.unlink", "event.update"]);

    // Another case's claim is not found; a missing version names the field.
    const other = await makeCase({ owner: ana, title: "Elsewhere" });
    const otherDoc = await createPastedDocument({
      ctx: ana,
      access: { caseId: other.id, role: "owner" },
      input: { title: "x", text: "Elsewhere text here." },
    });
    const foreign = await createClaim({
      ctx: ana,
      access: { caseId: other.id, role: "owner" },
      input: {
        statement: "x",
        claimant: "x",
        kind: "fact",
        credibility: 3,
        excerpts: [{ documentId: otherDoc.document.id, exact: "Elsewhere text" }],
      },
    });
    await expect(linkEventClaim({ ctx: ana, access, eventId: event.id, claimId: foreign.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(unlinkEventClaim({ ctx: ana, access, eventId: event.id, claimId: foreign.id })).rejects.toBeInstanceOf(NotFoundError);
    const noVersion = await updateEvent({ ctx: ana, access, eventId: event.id, input: { title: "x" } as never }).catch((e: unknown) => e);
    expect(JSON.stringify(noVersion)).toMatch(/version is required/);

    const token = await createApiToken({ ctx: ana, name: "t" });
    const res = await call(patchEventRoute, {
      token: token.token,
      method: "PATCH",
      url: `/api/cases/${access.caseId}/events/${event.id}`,
      params: { caseId: access.caseId, eventId: event.id },
      body: { version: 5, date: "2022-02-30" },
    });
    expect(res.status).toBe(422);
    expect((await res.json()).error.issues[0]).toMatchObject({ path: "date" });
  });
});
