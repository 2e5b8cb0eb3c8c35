// ACH matrix scoring (Heuer ch. 8, Open Synthesis metrics) as a pure function, per STANDARDS.md §5.
import { achScore, type AchRating } from "@/lib/standards/scales";

// How NA and blanks are treated — one rule everywhere, so the numbers a reviewer sees are explainable:
// - An NA rating counts as neutral 3 (the spec's "NA counts as 3", as in Open Synthesis
//   `mean_na_neutral_vote`): "does not apply" says nothing for or against a hypothesis. It enters the
//   cell mean as 3, so it dilutes other raters' views the same way an N would.
// - An unrated cell has no value (null, shown blank) but scores as neutral 3 too: it adds nothing to
//   inconsistency, and in diagnosticity it stands for "no view". Open Synthesis drops blanks from the std
//   dev instead, which makes an item rated against one hypothesis only look non-diagnostic.
// - Disagreement compares the same NA-as-3 scores, so NA vs CC is flagged; a split between NA and real
//   ratings is reported separately as `applicabilityDisputed`, since it is a different argument.
export const ACH_NEUTRAL = 3;
const DISAGREEMENT_SPREAD = 2;
// Cell means are ratios of small integers; compare floats with a tolerance so equal scores tie.
const EPSILON = 1e-9;

export type AchRatingInput = { hypothesisId: string; claimId: string; raterId: string; rating: AchRating };

export type AchCell = {
  hypothesisId: string;
  claimId: string;
  ratings: { raterId: string; rating: AchRating }[];
  // Mean of the raters' scores with NA as 3; null when nobody rated the cell.
  value: number | null;
  disagreement: boolean;
  applicabilityDisputed: boolean;
};

export type AchHypothesisScore = { hypothesisId: string; inconsistency: number; rank: number };

export type AchEvidenceScore = { claimId: string; diagnosticity: number; nonDiagnostic: boolean; excluded: boolean };

export type AchScores = {
  cells: AchCell[];
  // Least inconsistent first; equal scores share a rank (1, 1, 3), then keep the caller's order.
  hypotheses: AchHypothesisScore[];
  evidence: AchEvidenceScore[];
};

function cellKey({ hypothesisId, claimId }: { hypothesisId: string; claimId: string }): string {
  return JSON.stringify([hypothesisId, claimId]);
}

function effectiveScore(rating: AchRating): number {
  return rating === "NA" ? ACH_NEUTRAL : achScore(rating);
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

function populationStdDev(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const m = mean(values);
  return Math.sqrt(mean(values.map((v) => (v - m) ** 2)));
}

function buildCell({ hypothesisId, claimId, byRater }: { hypothesisId: string; claimId: string; byRater: Map<string, AchRating> | undefined }): AchCell {
  const ratings = [...(byRater ?? new Map<string, AchRating>())].map(([raterId, rating]) => ({ raterId, rating }));
  if (ratings.length === 0) return { hypothesisId, claimId, ratings, value: null, disagreement: false, applicabilityDisputed: false };
  const scores = ratings.map((r) => effectiveScore(r.rating));
  const naCount = ratings.filter((r) => r.rating === "NA").length;
  return {
    hypothesisId,
    claimId,
    ratings,
    value: mean(scores),
    disagreement: Math.max(...scores) - Math.min(...scores) >= DISAGREEMENT_SPREAD,
    applicabilityDisputed: naCount > 0 && naCount < ratings.length,
  };
}

// `excludedClaimIds` is Heuer's sensitivity check ("what if this item is false or deceptive?"): the rows are
// dropped from inconsistency, so the caller can compare the ranking with and without them.
export function computeAchScores({
  hypothesisIds,
  claimIds,
  ratings,
  excludedClaimIds = [],
}: {
  hypothesisIds: readonly string[];
  claimIds: readonly string[];
  ratings: readonly AchRatingInput[];
  excludedClaimIds?: readonly string[];
}): AchScores {
  const hypothesisSet = new Set(hypothesisIds);
  const claimSet = new Set(claimIds);
  const excluded = new Set(excludedClaimIds);

  // Ratings outside the matrix (a hypothesis since deleted) are ignored; a rater's later rating of the
  // same cell replaces the earlier one, so the list can be an append-only history.
  const byCell = new Map<string, Map<string, AchRating>>();
  for (const r of ratings) {
    if (!hypothesisSet.has(r.hypothesisId) || !claimSet.has(r.claimId)) continue;
    const key = cellKey(r);
    const byRater = byCell.get(key) ?? new Map<string, AchRating>();
    byRater.delete(r.raterId);
    byRater.set(r.raterId, r.rating);
    byCell.set(key, byRater);
  }

  const cells: AchCell[] = [];
  for (const claimId of claimIds) {
    for (const hypothesisId of hypothesisIds) {
      cells.push(buildCell({ hypothesisId, claimId, byRater: byCell.get(cellKey({ hypothesisId, claimId })) }));
    }
  }
  const scored = (cell: AchCell) => cell.value ?? ACH_NEUTRAL;

  const evidence: AchEvidenceScore[] = claimIds.map((claimId) => {
    const diagnosticity = populationStdDev(cells.filter((c) => c.claimId === claimId).map(scored));
    return { claimId, diagnosticity, nonDiagnostic: diagnosticity < EPSILON, excluded: excluded.has(claimId) };
  });

  const unranked = hypothesisIds.map((hypothesisId, order) => {
    const inconsistency = cells
      .filter((c) => c.hypothesisId === hypothesisId && !excluded.has(c.claimId))
      .map(scored)
      .filter((v) => v < ACH_NEUTRAL)
      .reduce((sum, v) => sum + (ACH_NEUTRAL - v) ** 2, 0);
    return { hypothesisId, inconsistency, order };
  });
  const sorted = [...unranked].sort((a, b) => (Math.abs(a.inconsistency - b.inconsistency) < EPSILON ? a.order - b.order : a.inconsistency - b.inconsistency));
  const hypotheses: AchHypothesisScore[] = [];
  sorted.forEach((h, index) => {
    const previous = hypotheses[index - 1];
    const tied = previous !== undefined && Math.abs(previous.inconsistency - h.inconsistency) < EPSILON;
    hypotheses.push({ hypothesisId: h.hypothesisId, inconsistency: h.inconsistency, rank: tied ? previous.rank : index + 1 });
  });

  return { cells, hypotheses, evidence };
}
