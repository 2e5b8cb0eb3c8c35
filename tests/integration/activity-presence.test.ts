// The activity log reads as sentences with names (members, claims, hypotheses), a burst of one person's
// ACH ratings is one entry, and presence forgets a colleague who closed the case at once.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { setMemberRole } from "@/lib/cases/set-member-role";
import { createPastedDocument } from "@/lib/documents/create-document";
import { createClaim } from "@/lib/claims/create-claim";
import { createQuestion } from "@/lib/attribution/questions";
import { createHypothesis } from "@/lib/attribution/hypotheses";
import { rateCell } from "@/lib/attribution/ratings";
import { listAudit } from "@/lib/audit/list-audit";
import { nameAuditRecords } from "@/lib/audit/name-audit-records";
import { FRESH_SECONDS, leavePresence, touchPresence } from "@/lib/cases/presence";
import { burstSummary, groupActivity, partText, sentence } from "@/components/activity/activity-sentences";
import { makeCase, makeUser } from "../support/factories";
import type { Ctx } from "@/lib/auth/actor";

const WIRE = "TIRANA, Sept 7 (Reuters) - Albania cut diplomatic ties with Iran over a cyberattack in July.";

async function claimIn(ctx: Ctx, caseId: string, documentId: string, statement: string) {
  return createClaim({
    ctx,
    access: { caseId, role: "owner" },
    input: {
      statement,
      claimant: "Reuters",
      kind: "fact",
      credibility: 2,
      excerpts: [{ documentId, exact: "Albania cut diplomatic ties" }],
    },
  });
}

describe("activity sentences", () => {
  it("names members, claims and hypotheses, and folds one person's burst of ratings into one entry", async () => {
    const ana = await makeUser({ name: "Ana" });
    const rui = await makeUser({ name: "Rui" });
    const c = await makeCase({ owner: ana });
    const access = { caseId: c.id, role: "owner" as const };
    await setMemberRole({ ctx: ana, caseId: c.id, userId: rui.actor.id, input: { role: "reviewer" } });
    const doc = await createPastedDocument({
      ctx: ana,
      access: { caseId: c.id, role: "owner" },
      input: { title: "Reuters wire", text: WIRE },
    });
    const claims = [];
    for (const s of ["Albania severed ties with Iran.", "The attack came in July.", "Iran denies it."])
      claims.push(await claimIn(ana, c.id, doc.document.id, s));
    const q = await createQuestion({ ctx: ana, access, input: { question: "Who did it?" } });
    const h1 = await createHypothesis({ ctx: ana, access, input: { questionId: q.id, title: "H1 Iran's MOIS" } });
    const h2 = await createHypothesis({ ctx: ana, access, input: { questionId: q.id, title: "H2 Hacktivists" } });
    for (const claim of claims) await rateCell({ ctx: ana, access, hypothesisId: h2.id, claimId: claim.id, input: { rating: "C" } });
    await rateCell({ ctx: ana, access, hypothesisId: h1.id, claimId: claims[0].id, input: { rating: "CC" } });

    const { events } = await listAudit({ access, query: {} });
    const names = await nameAuditRecords({ access, events });
    const sentences = events.map((e) => sentence(e, names));
    expect(sentences).toContain("Ana added Rui as reviewer");
    expect(sentences).toContain("Ana rated claim “Albania severed ties with Iran.” against “H2 Hacktivists”: consistent");
    expect(sentences).toContain("Ana created a claim “Iran denies it.”");
    // No raw ids anywhere in the sentences.
    for (const s of sentences) expect(s).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}/);

    const items = groupActivity(events);
    const burst = items.find((i) => i.kind === "burst");
    expect(burst?.kind === "burst" && burst.events).toHaveLength(4);
    if (burst?.kind !== "burst") throw new Error("no burst");
    expect(burst.actor.name).toBe("Ana");
    expect(burstSummary(burst.events, names).map(partText).join("")).toBe("rated 4 cells against 2 hypotheses");
    // The burst replaces its four events; everything else stays one entry each.
    expect(items).toHaveLength(events.length - 3);
  });

  it("names no record from another case (an id that is not this case's stays an id)", async () => {
    const ana = await makeUser({ name: "Ana" });
    const mine = await makeCase({ owner: ana, title: "Mine" });
    const other = await makeCase({ owner: ana, title: "Other" });
    const doc = await createPastedDocument({
      ctx: ana,
      access: { caseId: other.id, role: "owner" },
      input: { title: "Secret wire", text: WIRE },
    });
    const claim = await claimIn(ana, other.id, doc.document.id, "A claim from the other case.");
    const forged = { targetType: "claim", targetId: claim.id, before: null, after: { claimId: claim.id } };
    expect(await nameAuditRecords({ access: { caseId: mine.id, role: "owner" }, events: [forged] })).toEqual({});
  });
});

describe("presence", () => {
  it("shows who has the case open, forgets whoever closes it at once, and drops a silent tab after FRESH_SECONDS", async () => {
    const ana = await makeUser({ name: "Ana" });
    const rui = await makeUser({ name: "Rui" });
    const c = await makeCase({ owner: ana, members: [[rui, "reviewer"]] });
    const access = { caseId: c.id, role: "owner" as const };
    await touchPresence({ actor: ana.actor, access });
    expect((await touchPresence({ actor: rui.actor, access })).map((v) => v.name)).toEqual(["Ana"]);
    await leavePresence({ actor: ana.actor, access });
    expect(await touchPresence({ actor: rui.actor, access })).toEqual([]);

    await touchPresence({ actor: ana.actor, access });
    expect(FRESH_SECONDS).toBeLessThan(60);
    await db.casePresence.updateMany({
      where: { caseId: c.id, userId: ana.actor.id },
      data: { lastSeenAt: new Date(Date.now() - (FRESH_SECONDS + 1) * 1000) },
    });
    expect(await touchPresence({ actor: rui.actor, access })).toEqual([]);
  });
});
