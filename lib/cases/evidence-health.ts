import "server-only";
import { db } from "@/lib/db";
import type { CaseAccess } from "@/lib/cases/require-case-access";
import { assessIndependence } from "@/lib/claims/assess-independence";
import { CLAIM_EXCERPT_GRADE } from "@/lib/claims/claim-grade-sql";
import { getBriefReadiness } from "@/lib/briefs/brief-readiness";
import { confidenceLabel, likelihoodLabel } from "@/lib/standards/scales";
import { HEALTH_KEYS, HEALTH_LABELS, type HealthKey } from "./health-keys";

/**
 * "How strong is this case, and where is it weak?" (issue 15): the case overview's numbers. Each one is
 * the count of a list the claims table can show with `?health=<key>` (or reliability × credibility), so a
 * number always opens exactly the claims behind it.
 *
 * The Admiralty table counts the claims the claims table lists (not retracted), by the grade each shows (the best
 * of its quotes' documents, lib/claims/reliability.ts; "none" when no quote lends one); the weak spots count
 * evidence only (rejected claims left out).
 */
const RELIABILITY_ROWS = ["A", "B", "C", "D", "E", "F", "none"] as const;

type GradedClaim = { id: string; credibility: number; reliability: string | null; rejected: boolean };

/** The case's claims that are not retracted (what the claims table lists by default), with the grade they show. */
async function gradedClaims(caseId: string): Promise<GradedClaim[]> {
  return db.$queryRaw<GradedClaim[]>`
    SELECT c.id, c.credibility, p.reliability, c.status = 'rejected'::"ClaimStatus" AS rejected
    FROM claims c
    LEFT JOIN LATERAL (
      SELECT ${CLAIM_EXCERPT_GRADE} AS reliability
      FROM excerpts e JOIN documents d ON d.id = e.document_id LEFT JOIN sources s ON s.id = d.source_id
      WHERE e.claim_id = c.id ORDER BY 1, e.position LIMIT 1
    ) p ON true
    WHERE c.case_id = ${caseId}::uuid AND c.retracted_at IS NULL`;
}

/**
 * The ids behind each weak-spot number, by the independence check the brief and the claim page use. Only
 * evidence counts: a rejected claim is not a weakness of the case.
 */
async function healthSets(caseId: string, all: GradedClaim[]): Promise<Record<HealthKey, string[]>> {
  const claims = all.filter((c) => !c.rejected);
  const independence = await assessIndependence({ caseId, claims: claims.map((c) => c.id) });
  const singleOrigin: string[] = [];
  const outruns: string[] = [];
  for (const c of claims) {
    const a = independence.get(c.id);
    if (a && a.origins <= 1) singleOrigin.push(c.id);
    // Only "1 – Confirmed" makes a claim about corroboration; its warning is the same one the claim page shows.
    if (c.credibility === 1 && a?.warning) outruns.push(c.id);
  }
  const weak = claims.filter((c) => c.reliability !== null && ["D", "E", "F"].includes(c.reliability)).map((c) => c.id);
  return { "single-origin": singleOrigin, "weak-sources": weak, outruns };
}

/** The claim ids a `?health=` filter of the claims table stands for (evidence claims of the case only). */
export async function claimIdsWithHealth({ access, health }: { access: CaseAccess; health: HealthKey }): Promise<string[]> {
  return (await healthSets(access.caseId, await gradedClaims(access.caseId)))[health];
}

/**
 * The overview's numbers, without the brief's readiness: the overview page loads that after itself from
 * GET …/brief/readiness (composing the brief is some 25 statements), so the page costs few statements.
 */
export async function getEvidenceHealth({ access }: { access: CaseAccess }) {
  const caseId = access.caseId;
  const [claims, hypotheses] = await Promise.all([
    gradedClaims(caseId),
    db.$queryRaw<
      {
        id: string;
        title: string;
        proposition: string;
        likelihood: string | null;
        confidence: string | null;
        review_state: string;
        disposition: string;
        question: string;
        ratings: number;
        recorded_ratings: number;
      }[]
    >`
      SELECT h.id, h.title, h.proposition, h.likelihood::text AS likelihood, h.confidence::text AS confidence,
        h.review_state::text AS review_state, h.disposition::text AS disposition, q.question,
        (SELECT count(*)::int FROM ach_ratings r WHERE r.hypothesis_id = h.id) AS ratings,
        (SELECT count(*)::int FROM recorded_history rh
          WHERE rh.case_id = h.case_id AND rh.kind = 'rating' AND rh.record->>'hypothesisKey' = h.id::text) AS recorded_ratings
      FROM hypotheses h JOIN attribution_questions q ON q.id = h.question_id
      WHERE h.case_id = ${caseId}::uuid
      ORDER BY h.created_at, h.id`,
  ]);
  const sets = await healthSets(caseId, claims);

  const grid = Object.fromEntries(RELIABILITY_ROWS.map((r) => [r, [0, 0, 0, 0, 0, 0]])) as Record<
    (typeof RELIABILITY_ROWS)[number],
    number[]
  >;
  for (const c of claims) grid[(c.reliability ?? "none") as (typeof RELIABILITY_ROWS)[number]][c.credibility - 1]++;

  // Key judgments: those with an estimate, approved first, then awaiting review, then drafts.
  const reviewOrder: Record<string, number> = { approved: 0, in_review: 1, changes_requested: 2, draft: 3 };
  const judgments = hypotheses
    .filter((h) => h.likelihood && h.disposition !== "rejected")
    .sort((a, b) => (reviewOrder[a.review_state] ?? 9) - (reviewOrder[b.review_state] ?? 9))
    .map((h) => ({
      id: h.id,
      title: h.title,
      question: h.question,
      proposition: h.proposition,
      likelihood: h.likelihood,
      likelihoodLabel: likelihoodLabel(h.likelihood),
      confidence: h.confidence,
      confidenceLabel: confidenceLabel(h.confidence),
      reviewState: h.review_state,
    }));

  return {
    claims: claims.length,
    judgments,
    grid: RELIABILITY_ROWS.map((reliability) => ({ reliability, counts: grid[reliability] })),
    health: HEALTH_KEYS.map((key) => ({ key, label: HEALTH_LABELS[key], count: sets[key].length })),
    unratedHypotheses: hypotheses
      .filter((h) => h.ratings === 0 && h.disposition !== "rejected")
      // An imported case's hypotheses may carry the exporting workspace's ratings: history, not ratings of this one.
      .map((h) => ({ id: h.id, title: h.title, question: h.question, recordedRatings: h.recorded_ratings })),
  };
}
export type EvidenceHealth = Awaited<ReturnType<typeof getEvidenceHealth>>;

/** GET …/evidence-health: the overview's numbers and the brief's readiness in one answer. */
export async function getEvidenceHealthReport({ access }: { access: CaseAccess }) {
  const [health, brief] = await Promise.all([getEvidenceHealth({ access }), getBriefReadiness({ access })]);
  return { ...health, brief };
}
