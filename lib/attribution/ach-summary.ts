// What an ACH matrix says, in the few numbers a brief or an export prints (STANDARDS.md §5, Heuer's last
// steps): the ranking, the claims that discriminate most, and how the ranking holds up when the most
// diagnostic claim is treated as false. Pure; every number comes from computeAchScores, so the arithmetic
// (and the rule that unrated cells are left out of both scores) is defined once, in ach-scores.ts.
import { ACH_EPSILON, ACH_SCORES_NOTE, computeAchScores, type AchHypothesisScore, type AchRatingInput } from "./ach-scores";

export type AchSummary = {
  hypotheses: { hypothesisId: string; inconsistency: number; ratedCount: number; rank: number }[]; // least inconsistent first
  mostDiagnostic: { claimId: string; diagnosticity: number }[]; // top 3 by diagnosticity (nulls and zeros excluded), ties broken by claim order
  sensitivity: {
    claimId: string;
    hypotheses: { hypothesisId: string; inconsistency: number; rank: number }[];
    leaderChanges: boolean;
  } | null; // ranking when the most diagnostic claim is treated as false (excluded); null when no claim is diagnostic
  note: string; // "Unrated cells are left out of both scores; …" (the STANDARDS §5 sentence) for exports to print
};

export const ACH_SUMMARY_TOP_DIAGNOSTIC = 3;

// The hypotheses ranked first (ties share rank 1), as a set.
function leaders(hypotheses: readonly AchHypothesisScore[]): Set<string> {
  return new Set(hypotheses.filter((h) => h.rank === 1).map((h) => h.hypothesisId));
}

/**
 * Summarises a matrix for printing. `mostDiagnostic` leaves out claims with no diagnosticity yet (rated
 * against fewer than two hypotheses) and claims rated alike (0). `sensitivity.leaderChanges` is true when
 * the set of hypotheses ranked first differs once the most diagnostic claim is left out — a new leader, or
 * a tie for first appearing or breaking.
 */
export function summariseAch(input: {
  hypothesisIds: readonly string[];
  claimIds: readonly string[];
  ratings: readonly AchRatingInput[];
}): AchSummary {
  const { hypothesisIds, claimIds, ratings } = input;
  const scores = computeAchScores({ hypothesisIds, claimIds, ratings });

  const diagnostic = scores.evidence
    .map((e, order) => ({ claimId: e.claimId, diagnosticity: e.diagnosticity, nonDiagnostic: e.nonDiagnostic, order }))
    .filter((e): e is typeof e & { diagnosticity: number } => e.diagnosticity !== null && !e.nonDiagnostic)
    .sort((a, b) => (Math.abs(a.diagnosticity - b.diagnosticity) < ACH_EPSILON ? a.order - b.order : b.diagnosticity - a.diagnosticity));
  const mostDiagnostic = diagnostic.slice(0, ACH_SUMMARY_TOP_DIAGNOSTIC).map(({ claimId, diagnosticity }) => ({ claimId, diagnosticity }));

  const critical = mostDiagnostic[0];
  let sensitivity: AchSummary["sensitivity"] = null;
  if (critical) {
    const without = computeAchScores({ hypothesisIds, claimIds, ratings, excludedClaimIds: [critical.claimId] });
    const before = leaders(scores.hypotheses);
    const after = leaders(without.hypotheses);
    sensitivity = {
      claimId: critical.claimId,
      hypotheses: without.hypotheses.map(({ hypothesisId, inconsistency, rank }) => ({ hypothesisId, inconsistency, rank })),
      leaderChanges: before.size !== after.size || [...after].some((id) => !before.has(id)),
    };
  }

  return {
    hypotheses: scores.hypotheses.map(({ hypothesisId, inconsistency, ratedCount, rank }) => ({
      hypothesisId,
      inconsistency,
      ratedCount,
      rank,
    })),
    mostDiagnostic,
    sensitivity,
    note: ACH_SCORES_NOTE,
  };
}
