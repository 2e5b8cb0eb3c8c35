// Issue 15, the case overview's "how strong is this case, and where is it weak?": the Admiralty table, the weak
// spots and the unrated hypotheses of a fixture case, each number equal to the claims list its link opens.
import { beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { createPastedDocument } from "@/lib/documents/create-document";
import { assignDocumentSource } from "@/lib/sources/assign-document-source";
import { createSource } from "@/lib/sources/create-source";
import { createClaim } from "@/lib/claims/create-claim";
import { listClaims } from "@/lib/claims/list-claims";
import { createQuestion } from "@/lib/attribution/questions";
import { createHypothesis } from "@/lib/attribution/hypotheses";
import { rateCell } from "@/lib/attribution/ratings";
import { getEvidenceHealth, getEvidenceHealthReport } from "@/lib/cases/evidence-health";
import { getBriefReadiness } from "@/lib/briefs/brief-readiness";
import { composeBrief } from "@/lib/briefs/compose-brief";
import { updateCase } from "@/lib/cases/update-case";
import { db } from "@/lib/db";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { GET as getHealthRoute } from "@/app/api/cases/[caseId]/evidence-health/route";
import { GET as getReadinessRoute } from "@/app/api/cases/[caseId]/brief/readiness/route";
import { GET as listClaimsRoute } from "@/app/api/cases/[caseId]/claims/route";
import type { CaseAccess } from "@/lib/cases/require-case-access";
import type { Ctx } from "@/lib/auth/actor";
import { makeCase, makeUser } from "../support/factories";

const VENDOR = "Vendor report. Our telemetry shows the wiper was deployed by operators working for MOIS. The loader is new.";
const FORUM = "Forum post. Someone says the wiper came from a contractor in Tehran. Hacktivists claimed it on Telegram.";
const NOTE = "An unsourced note: the e-government portal went offline on 15 July.";

let owner: { ctx: Ctx; access: CaseAccess };
let outsider: Ctx;
const ids: Record<string, string> = {};

beforeAll(async () => {
  const ana = await makeUser({ name: "Ana Health" });
  outsider = await makeUser({ name: "Olga Outsider" });
  const c = await makeCase({ owner: ana, title: "Evidence health fixture" });
  owner = { ctx: ana, access: { caseId: c.id, role: "owner" } };
  const vendor = await createSource({
    ...owner,
    input: { name: "Vendor lab", kind: "vendor", reliability: "B", rationale: "Shows its work." },
  });
  const forum = await createSource({ ...owner, input: { name: "Forum", kind: "other", reliability: "E", rationale: "Anonymous posts." } });
  const doc = async (title: string, text: string, sourceId: string | null) => {
    const { document } = await createPastedDocument({ ...owner, input: { title, text } });
    if (sourceId) await assignDocumentSource({ ...owner, documentId: document.id, input: { sourceId } });
    return document.id;
  };
  const vendorDoc = await doc("Vendor report", VENDOR, vendor.id);
  const forumDoc = await doc("Forum post", FORUM, forum.id);
  const noteDoc = await doc("Note", NOTE, null);
  const claim = async (statement: string, credibility: number, quotes: [string, string][], status?: "rejected") =>
    (
      await createClaim({
        ...owner,
        input: {
          statement,
          claimant: "fixture",
          kind: "fact",
          credibility,
          ...(status ? { status } : {}),
          excerpts: quotes.map(([documentId, exact]) => ({ documentId, exact })),
        },
      })
    ).id;
  // B1 on one vendor's word: a single origin, and "Confirmed" outruns it.
  ids.confirmed = await claim("MOIS operators deployed the wiper.", 1, [
    [vendorDoc, "the wiper was deployed by operators working for MOIS"],
  ]);
  // E3: only from an E source, single origin.
  ids.forum = await claim("A Tehran contractor made the wiper.", 3, [[forumDoc, "the wiper came from a contractor in Tehran"]]);
  // B2 with quotes from two sources: two independent origins, graded by its best quote.
  ids.twoSources = await claim("A wiper was used.", 2, [
    [vendorDoc, "Our telemetry shows the wiper"],
    [forumDoc, "Hacktivists claimed it on Telegram"],
  ]);
  // –3: no source, so ungraded (never F); single origin.
  ids.ungraded = await claim("The portal went offline on 15 July.", 3, [[noteDoc, "the e-government portal went offline on 15 July"]]);
  // E4, rejected: in the table (the claims list shows it), never a weak spot.
  ids.rejected = await claim("Hacktivists did it.", 4, [[forumDoc, "Hacktivists claimed it on Telegram"]], "rejected");

  const q = await createQuestion({ ...owner, input: { question: "Who deployed the wiper?" } });
  const h1 = await createHypothesis({
    ...owner,
    input: {
      questionId: q.id,
      title: "MOIS operators",
      likelihood: "likely",
      confidence: "moderate",
      proposition: "MOIS operators did it",
    },
  });
  const h2 = await createHypothesis({ ...owner, input: { questionId: q.id, title: "A contractor alone" } });
  await rateCell({ ...owner, hypothesisId: h1.id, claimId: ids.confirmed, input: { rating: "C" } });
  ids.h1 = h1.id;
  ids.h2 = h2.id;
});

describe("evidence health", () => {
  it("counts claims by the grade they show × credibility, ungraded apart from F", async () => {
    const health = await getEvidenceHealth({ access: owner.access });
    expect(health.claims).toBe(5);
    const row = (r: string) => health.grid.find((g) => g.reliability === r)!.counts;
    expect(row("B")).toEqual([1, 1, 0, 0, 0, 0]);
    expect(row("E")).toEqual([0, 0, 1, 1, 0, 0]);
    expect(row("none")).toEqual([0, 0, 1, 0, 0, 0]);
    expect(row("F")).toEqual([0, 0, 0, 0, 0, 0]);
    expect(health.grid.flatMap((g) => g.counts).reduce((a, b) => a + b, 0)).toBe(health.claims);
  });

  it("names the weak spots by the independence check, leaving rejected claims out", async () => {
    const health = await getEvidenceHealthReport({ access: owner.access });
    const count = (key: string) => health.health.find((h) => h.key === key)!.count;
    expect(count("single-origin")).toBe(3); // confirmed, forum, ungraded — not the two-source claim, not the rejected one
    expect(count("weak-sources")).toBe(1); // forum (the rejected E claim is not evidence)
    expect(count("outruns")).toBe(1); // B1 on one origin
    expect(health.unratedHypotheses.map((h) => h.title)).toEqual(["A contractor alone"]);
    expect(health.judgments.map((j) => [j.proposition, j.likelihoodLabel, j.confidenceLabel, j.reviewState])).toEqual([
      ["MOIS operators did it", "Likely", "Moderate", "draft"],
    ]);
    expect(health.brief.blockers.length).toBeGreaterThan(0); // nothing approved yet: the brief says so
  });

  it("states the brief's blockers and open wording warnings as composeBrief does, again after any change to the case", async () => {
    const expected = async () => {
      const brief = await composeBrief({ access: owner.access });
      return {
        blockers: brief.blockers,
        wordingWarnings: brief.warnings.filter((w) => !w.acknowledgement && w.kind !== "independence").map((w) => w.message),
      };
    };
    const first = await getBriefReadiness({ access: owner.access });
    expect(first).toEqual(await expected());
    // Nothing changed: the same answer, not composed again.
    expect(await getBriefReadiness({ access: owner.access })).toBe(first);
    // A BLUF that overstates: the next view composes again and carries the new warning.
    const { version } = await db.case.findUniqueOrThrow({ where: { id: owner.access.caseId } });
    await updateCase({ ...owner, input: { version, summary: "MOIS certainly carried out the attack." } });
    const after = await getBriefReadiness({ access: owner.access });
    expect(after).not.toBe(first);
    expect(after).toEqual(await expected());
    expect(after.wordingWarnings.length).toBeGreaterThan(first.wordingWarnings.length);
    expect((await getEvidenceHealthReport({ access: owner.access })).brief).toEqual(after);
  });

  it("every number is the total of the claims list its link opens", async () => {
    const health = await getEvidenceHealth({ access: owner.access });
    for (const h of health.health) {
      const page = await listClaims({ access: owner.access, query: { health: h.key } });
      expect(page.total, h.key).toBe(h.count);
    }
    const listed = async (health: "single-origin" | "weak-sources" | "outruns") =>
      (await listClaims({ access: owner.access, query: { health } })).claims.map((c) => c.id).sort();
    expect(await listed("outruns")).toEqual([ids.confirmed]);
    expect(await listed("weak-sources")).toEqual([ids.forum]);
    expect(await listed("single-origin")).toEqual([ids.confirmed, ids.forum, ids.ungraded].sort());
    for (const g of health.grid)
      for (let i = 0; i < 6; i++) {
        const page = await listClaims({ access: owner.access, query: { reliability: g.reliability, credibility: i + 1 } });
        expect(page.total, `${g.reliability}${i + 1}`).toBe(g.counts[i]);
      }
  });

  it("answers over the route for a member, 404 for a non-member, 422 for an unknown health list", async () => {
    const { token } = await createApiToken({ ctx: owner.ctx, name: "health" });
    const { token: other } = await createApiToken({ ctx: outsider, name: "health" });
    const call = (handler: typeof getHealthRoute, path: string, bearer: string) =>
      handler(new NextRequest(`http://localhost${path}`, { headers: { authorization: `Bearer ${bearer}` } }), {
        params: Promise.resolve({ caseId: owner.access.caseId }),
      });
    const res = await call(getHealthRoute, `/api/cases/${owner.access.caseId}/evidence-health`, token);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.health.map((h: { key: string; count: number }) => [h.key, h.count])).toEqual([
      ["single-origin", 3],
      ["weak-sources", 1],
      ["outruns", 1],
    ]);
    expect((await call(getHealthRoute, `/api/cases/${owner.access.caseId}/evidence-health`, other)).status).toBe(404);
    const readiness = await call(getReadinessRoute, `/api/cases/${owner.access.caseId}/brief/readiness`, token);
    expect(readiness.status).toBe(200);
    expect(await readiness.json()).toEqual(body.brief);
    expect((await call(getReadinessRoute, `/api/cases/${owner.access.caseId}/brief/readiness`, other)).status).toBe(404);
    const listed = await call(listClaimsRoute, `/api/cases/${owner.access.caseId}/claims?health=single-origin`, token);
    expect((await listed.json()).total).toBe(3);
    const bad = await call(listClaimsRoute, `/api/cases/${owner.access.caseId}/claims?health=weak`, token);
    expect(bad.status).toBe(422);
    expect(JSON.stringify(await bad.json())).toContain("health must be single-origin, weak-sources or outruns.");
  });
});
