// Property: any case built through the real services — random sources, documents with non-ASCII text, claims
// quoting random word-aligned spans, links, entities with aliases, technique tags, indicators, a question with
// hypotheses of random likelihood/confidence, edits (history), reviews, ACH ratings by two raters, dissent
// and events — round-trips export → import → export with no difference in the canonical content digest.
// STIX_ROUNDTRIP_RUNS=100 raises the number of cases for a longer run; STIX_ROUNDTRIP_SEED changes the fixed seed
// (a random one once found quotes whose stored context split an emoji: tests/unit/verify-excerpt.test.ts).
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { exportCaseArchive } from "@/lib/stix/export-case-archive";
import { importStixBundle } from "@/lib/stix/import-stix";
import { caseArchiveContent, caseArchiveDigest } from "@/lib/stix/content-digest";
import { createPastedDocument } from "@/lib/documents/create-document";
import { createSource } from "@/lib/sources/create-source";
import { assignDocumentSource } from "@/lib/sources/assign-document-source";
import { createClaim } from "@/lib/claims/create-claim";
import { createClaimLink } from "@/lib/claims/claim-links";
import { createEntity } from "@/lib/entities/create-entity";
import { createIndicator } from "@/lib/indicators/create-indicator";
import { setClaimTechniques } from "@/lib/attack/set-claim-techniques";
import { createQuestion } from "@/lib/attribution/questions";
import { createHypothesis, updateHypothesis } from "@/lib/attribution/hypotheses";
import { rateCell } from "@/lib/attribution/ratings";
import { submitHypothesis, requestChanges } from "@/lib/review/review-hypothesis";
import { addComment } from "@/lib/review/comments";
import { createEvent } from "@/lib/events/create-event";
import { LIKELIHOODS, CONFIDENCES, ACH_VALUES } from "@/lib/attribution/schemas";
import type { CaseAccess } from "@/lib/cases/require-case-access";
import { makeCase, makeUser } from "../support/factories";

// Its own variable, not FUZZ_RUNS: each case here is a whole case through the database (about 3–6 s), not one call.
const RUNS = Number(process.env.STIX_ROUNDTRIP_RUNS ?? 10);
// Fixed, like the fuzzers' (FUZZ_SEED): npm test checks the same cases every time, and a failure names its seed.
const SEED = Number(process.env.STIX_ROUNDTRIP_SEED ?? 20261205);
const WORDS = ["wiper", "Ελληνικά", "日本語", "émigré", "مرحبا", "naïve", "🙂", "C2", "“quoted”", "Zürich", "server", "ransom", "a", "the"];
const TECHNIQUES = ["T1486", "T1561.002", "T1059"];
const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);

const caseArb = fc.record({
  docs: fc.array(fc.array(pick(WORDS), { minLength: 3, maxLength: 25 }), { minLength: 1, maxLength: 3 }),
  sources: fc.integer({ min: 0, max: 2 }),
  entities: fc.array(
    fc.record({
      kind: pick(["threat_actor", "intrusion_set", "malware", "organization"] as const),
      aliases: fc.array(pick(WORDS), { maxLength: 3 }),
    }),
    {
      maxLength: 3,
    },
  ),
  claims: fc.array(
    fc.record({
      quotes: fc.array(fc.record({ doc: fc.nat(), from: fc.nat(), len: fc.integer({ min: 1, max: 4 }) }), { minLength: 1, maxLength: 2 }),
      credibility: fc.integer({ min: 1, max: 6 }),
      kind: pick(["fact", "allegation", "assessment", "denial"] as const),
      entities: fc.array(fc.nat(), { maxLength: 2 }),
      techniques: fc.subarray(TECHNIQUES),
      sourceConfidence: fc.option(pick(["moderate confidence", "haute confiance"]), { nil: null }),
    }),
    { minLength: 1, maxLength: 4 },
  ),
  links: fc.array(fc.record({ from: fc.nat(), to: fc.nat(), kind: pick(["corroborates", "contradicts", "repeats"] as const) }), {
    maxLength: 3,
  }),
  indicators: fc.array(fc.record({ doc: fc.nat(), claim: fc.option(fc.nat(), { nil: null }) }), { maxLength: 2 }),
  hypotheses: fc.array(
    fc.record({
      likelihood: fc.option(pick(LIKELIHOODS), { nil: null }),
      confidence: fc.option(pick(CONFIDENCES), { nil: null }),
      rationale: fc.array(pick(WORDS), { maxLength: 5 }).map((w) => w.join(" ")),
      actor: fc.option(fc.nat(), { nil: null }),
      edit: fc.option(pick(LIKELIHOODS), { nil: null }),
      review: pick(["none", "submit", "changes"] as const),
    }),
    { minLength: 1, maxLength: 3 },
  ),
  ratings: fc.array(fc.record({ h: fc.nat(), c: fc.nat(), rating: pick(ACH_VALUES), byColleague: fc.boolean() }), { maxLength: 6 }),
  dissent: fc.array(fc.record({ onClaim: fc.boolean(), i: fc.nat(), body: fc.array(pick(WORDS), { minLength: 1, maxLength: 5 }) }), {
    maxLength: 2,
  }),
  events: fc.array(
    fc.record({
      date: pick(["2022", "2022-07", "2022-07-15", "2023-01-02"]),
      claims: fc.array(fc.nat(), { maxLength: 2 }),
      title: pick(WORDS),
    }),
    { maxLength: 2 },
  ),
});

describe("STIX case archive round trip (property)", () => {
  it(`any random case keeps its content digest through export → import → export (${RUNS} cases)`, async () => {
    const owner = await makeUser({ name: "Olga Owner" });
    const colleague = await makeUser({ name: "Rui Rater" });
    let n = 0;
    await fc.assert(
      fc.asyncProperty(caseArb, async (spec) => {
        n += 1;
        const c = await makeCase({ owner, members: [[colleague, "reviewer"]], title: `Random case ${n} — Ελληνικά` });
        const access: CaseAccess = { caseId: c.id, role: "owner" };
        const colleagueAccess: CaseAccess = { caseId: c.id, role: "reviewer" };
        const ip = (i: number) => `198.51.100.${i + 1}`;
        const texts = spec.docs.map((words, i) => `${words.join(" ")} seen at ${ip(i)}`);
        const docs: { id: string }[] = [];
        for (const [i, text] of texts.entries())
          docs.push(
            (await createPastedDocument({ ctx: owner, access, input: { title: `Document ${i} «${spec.docs[i][0]}»`, text } })).document,
          );
        for (let s = 0; s < spec.sources; s++) {
          const source = await createSource({
            ctx: owner,
            access,
            input: { name: `Source ${s} ${WORDS[s]}`, kind: "vendor", reliability: "B", rationale: "Own telemetry." },
          });
          await assignDocumentSource({ ctx: owner, access, documentId: docs[s % docs.length].id, input: { sourceId: source.id } });
        }
        const entities: { id: string; kind: string }[] = [];
        for (const [i, e] of spec.entities.entries())
          entities.push(
            await createEntity({
              ctx: owner,
              access,
              input: { kind: e.kind, name: `Entity ${i} ${e.kind}`, aliases: [...new Set(e.aliases)] },
            }),
          );
        const claims: { id: string }[] = [];
        for (const [i, cl] of spec.claims.entries()) {
          const excerpts = cl.quotes.map((q) => {
            // A word-aligned span at a random place: offsets in UTF-16 units, as the app counts them.
            const d = q.doc % docs.length;
            const words = spec.docs[d];
            const from = q.from % words.length;
            const to = Math.min(words.length, from + q.len);
            const start = words.slice(0, from).join(" ").length + (from ? 1 : 0);
            const exact = words.slice(from, to).join(" ");
            return { documentId: docs[d].id, exact, start, end: start + exact.length };
          });
          const claim = await createClaim({
            ctx: owner,
            access,
            input: {
              statement: `Claim ${i}: ${excerpts[0].exact}`,
              claimant: "Vendor",
              kind: cl.kind,
              credibility: cl.credibility,
              sourceConfidence: cl.sourceConfidence,
              excerpts,
              entityIds: entities.length ? [...new Set(cl.entities.map((k) => entities[k % entities.length].id))] : [],
            },
          });
          if (cl.techniques.length)
            await setClaimTechniques({ ctx: owner, access, claimId: claim.id, input: { techniqueIds: cl.techniques } });
          claims.push(claim);
        }
        const linked = new Set<string>();
        for (const l of spec.links) {
          const from = claims[l.from % claims.length].id;
          const to = claims[l.to % claims.length].id;
          const k = [l.kind, ...[from, to].sort()].join();
          if (from === to || linked.has(k)) continue;
          linked.add(k);
          await createClaimLink({ ctx: owner, access, fromClaimId: from, input: { toClaimId: to, kind: l.kind } });
        }
        const indicated = new Set<number>();
        for (const ind of spec.indicators) {
          const d = ind.doc % docs.length;
          if (indicated.has(d)) continue;
          indicated.add(d);
          const start = texts[d].lastIndexOf(ip(d));
          await createIndicator({
            ctx: owner,
            access,
            input: {
              type: "ipv4",
              value: ip(d),
              excerpts: [{ documentId: docs[d].id, exact: ip(d), start, end: start + ip(d).length }],
              claimIds: ind.claim === null ? [] : [claims[ind.claim % claims.length].id],
            },
          });
        }
        const question = await createQuestion({ ctx: owner, access, input: { question: `Who did it? (${n})` } });
        const actors = entities.filter((e) => e.kind === "threat_actor" || e.kind === "intrusion_set");
        const hypotheses = [];
        for (const [i, h] of spec.hypotheses.entries()) {
          let row = await createHypothesis({
            ctx: owner,
            access,
            input: {
              questionId: question.id,
              title: `Hypothesis ${i}`,
              likelihood: h.likelihood,
              confidence: h.confidence,
              rationale: h.rationale,
              actorEntityId: h.actor !== null && actors.length ? actors[h.actor % actors.length].id : null,
            },
          });
          if (h.edit)
            row = (
              await updateHypothesis({
                ctx: owner,
                access,
                hypothesisId: row.id,
                input: { version: row.version, reason: "Revised", likelihood: h.edit },
              })
            ).hypothesis;
          if (h.review !== "none") await submitHypothesis({ ctx: owner, access, hypothesisId: row.id, input: { note: "Please review" } });
          if (h.review === "changes")
            await requestChanges({
              ctx: colleague,
              access: colleagueAccess,
              hypothesisId: row.id,
              input: { comment: "Cite the second vendor — s'il vous plaît." },
            });
          hypotheses.push(row);
        }
        for (const r of spec.ratings) {
          const [ctx, a] = r.byColleague ? [colleague, colleagueAccess] : [owner, access];
          await rateCell({
            ctx,
            access: a,
            hypothesisId: hypotheses[r.h % hypotheses.length].id,
            claimId: claims[r.c % claims.length].id,
            input: { rating: r.rating, note: r.rating === "NA" ? "" : "rated" },
          });
        }
        for (const d of spec.dissent)
          await addComment({
            ctx: colleague,
            access: colleagueAccess,
            input: {
              targetType: d.onClaim ? "claim" : "hypothesis",
              targetId: d.onClaim ? claims[d.i % claims.length].id : hypotheses[d.i % hypotheses.length].id,
              body: d.body.join(" "),
              isDissent: true,
            },
          });
        for (const e of spec.events)
          await createEvent({
            ctx: owner,
            access,
            input: { title: e.title, date: e.date, claimIds: [...new Set(e.claims.map((k) => claims[k % claims.length].id))] },
          });

        const first = await exportCaseArchive({ access });
        const created = await importStixBundle({ ctx: owner, raw: JSON.stringify(first) });
        const second = await exportCaseArchive({ access: { caseId: created.id, role: "owner" } });
        expect(caseArchiveContent(second)).toEqual(caseArchiveContent(first));
        expect(caseArchiveDigest(second)).toBe(caseArchiveDigest(first));
      }),
      { numRuns: RUNS, seed: SEED },
    );
  }, 600_000);
});
