// ACH matrix scoring (Heuer ch. 8, Open Synthesis metrics) as a pure function, per STANDARDS.md §5.
import { achScore, type AchRating } from "@/lib/standards/scales";

// How NA and blanks are treated — one rule everywhere, so the numbers a reviewer sees are explainable:
// - An NA rating counts as neutral 3 (the spec's "NA counts as 3", as in Open Synthesis
//   `mean_na_neutral_vote`): "does not apply" says nothing for or against a hypothesis, but it is a
//   rating. It enters the cell mean as 3, so it dilutes other raters' views the same way an N would.
// - An unrated cell has no value (null, shown blank) and is left out of both scores (STANDARDS.md §5:
//   unrated is not "neutral"). It adds nothing to inconsistency, and diagnosticity is the population std
//   dev over the row's rated cells only, so blanks do not dilute it. A row rated against fewer than two
//   hypotheses has no diagnosticity yet (null, shown "—"): one rating cannot discriminate, and calling it 0
//   would fade it as "rated alike" when it simply has not been weighed. (Until Dec 2026 blanks scored as 3.)
// - Disagreement compares the same NA-as-3 scores, so NA vs CC is flagged; a split between NA and real
//   ratings is reported separately as `applicabilityDisputed`, since it is a different argument.
export const ACH_NEUTRAL = 3;
const DISAGREEMENT_SPREAD = 2;
// Cell means are ratios of small integers; compare floats with a tolerance so equal scores tie.
export const ACH_EPSILON = 1e-9;
const EPSILON = ACH_EPSILON;

// The STANDARDS.md §5 caveat, for every place that shows or exports the scores (matrix page, API, exports).
export const ACH_SCORES_NOTE =
  "Unrated cells are left out of both scores; a row rated against fewer than two hypotheses has no diagnosticity yet (—).";

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

// `ratedCount`: the rated cells the inconsistency is summed over (rows treated as false are not counted).
export type AchHypothesisScore = { hypothesisId: string; inconsistency: number; ratedCount: number; rank: number };

// `diagnosticity`: population std dev over the row's rated cells; null while fewer than two hypotheses are
// rated (shown "—", never 0). `nonDiagnostic`: only a real 0 — rated alike against two or more hypotheses.
// `ratedCount`: how many of the row's cells are rated. Exclusion ("treat as false") does not change these.
export type AchEvidenceScore = {
  claimId: string;
  diagnosticity: number | null;
  nonDiagnostic: boolean;
  excluded: boolean;
  ratedCount: number;
};

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
  const m = mean(values);
  return Math.sqrt(mean(values.map((v) => (v - m) ** 2)));
}

const MIN_RATED_FOR_DIAGNOSTICITY = 2;

function buildCell({
  hypothesisId,
  claimId,
  byRater,
}: {
  hypothesisId: string;
  claimId: string;
  byRater: Map<string, AchRating> | undefined;
}): AchCell {
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
  const ratedValues = (list: readonly AchCell[]) => list.flatMap((c) => (c.value === null ? [] : [c.value]));

  const evidence: AchEvidenceScore[] = claimIds.map((claimId) => {
    const values = ratedValues(cells.filter((c) => c.claimId === claimId));
    const spread = values.length < MIN_RATED_FOR_DIAGNOSTICITY ? null : populationStdDev(values);
    // Float noise from thirds (8/3 three times) is snapped to a real 0.
    const diagnosticity = spread !== null && spread < EPSILON ? 0 : spread;
    return { claimId, diagnosticity, nonDiagnostic: diagnosticity === 0, excluded: excluded.has(claimId), ratedCount: values.length };
  });

  const unranked = hypothesisIds.map((hypothesisId, order) => {
    const values = ratedValues(cells.filter((c) => c.hypothesisId === hypothesisId && !excluded.has(c.claimId)));
    const inconsistency = values.filter((v) => v < ACH_NEUTRAL).reduce((sum, v) => sum + (ACH_NEUTRAL - v) ** 2, 0);
    return { hypothesisId, inconsistency, ratedCount: values.length, order };
  });
  const sorted = [...unranked].sort((a, b) =>
    Math.abs(a.inconsistency - b.inconsistency) < EPSILON ? a.order - b.order : a.inconsistency - b.inconsistency,
  );
  const hypotheses: AchHypothesisScore[] = [];
  sorted.forEach((h, index) => {
    const previous = hypotheses[index - 1];
    const tied = previous !== undefined && Math.abs(previous.inconsistency - h.inconsistency) < EPSILON;
    hypotheses.push({
      hypothesisId: h.hypothesisId,
      inconsistency: h.inconsistency,
      ratedCount: h.ratedCount,
      rank: tied ? previous.rank : index + 1,
    });
  });

  return { cells, hypotheses, evidence };
}
