// The ACH matrix as the grid needs it, built from getAchMatrix (server page) or GET /api/cases/{caseId}/ach
// (client refetch). Pure and without "use client", so the server page and the client grid share it.
// Ratings are kept per row (claim → hypothesis → raters), so one rating replaces one row object and every
// other memoised row keeps its identity.
import type { AchRating } from "@/lib/standards/scales";
import type { AchRatingInput } from "@/lib/attribution/ach-scores";

export type AchRaterRating = { raterId: string; raterName: string; rating: AchRating; note: string };
export type AchRowRatings = Record<string, AchRaterRating[]>;
export type AchHypothesisView = { id: string; title: string; disposition: "open" | "leading" | "rejected"; reviewState: string };
export type AchQuoteView = { excerptId: string; documentId: string; documentTitle: string };
export type AchClaimView = {
  id: string;
  statement: string;
  claimant: string;
  grade: string;
  credibility: number;
  // The claim's first quote, opened in the reader; null for a claim without one.
  quote: AchQuoteView | null;
};

// Grid columns: 0 the claim's link, 1 its quote's link (both in the row header), then one per hypothesis from
// FIRST_RATING_COL, then diagnosticity and the "treat as false" toggle.
export const FIRST_RATING_COL = 2;

export type AchView = {
  question: { id: string; question: string };
  hypotheses: AchHypothesisView[];
  claims: AchClaimView[];
  rows: Record<string, AchRowRatings>;
};

type MatrixLike = {
  question: { id: string; question: string };
  hypotheses: AchHypothesisView[];
  claims: (Omit<AchClaimView, "quote"> & { quote?: AchQuoteView | null })[];
  cells: { hypothesisId: string; claimId: string; ratings: { raterId: string; rating: AchRating; note?: string; raterName?: string }[] }[];
};

export function toAchView(matrix: MatrixLike): AchView {
  const rows: Record<string, AchRowRatings> = {};
  for (const c of matrix.claims) rows[c.id] = {};
  for (const cell of matrix.cells) {
    if (!cell.ratings.length || !rows[cell.claimId]) continue;
    rows[cell.claimId][cell.hypothesisId] = cell.ratings.map((r) => ({
      raterId: r.raterId,
      raterName: r.raterName ?? "Unknown rater",
      rating: r.rating,
      note: r.note ?? "",
    }));
  }
  return {
    question: { id: matrix.question.id, question: matrix.question.question },
    hypotheses: matrix.hypotheses.map((h) => ({ id: h.id, title: h.title, disposition: h.disposition, reviewState: h.reviewState })),
    claims: matrix.claims.map((c) => ({
      id: c.id,
      statement: c.statement,
      claimant: c.claimant,
      grade: c.grade,
      credibility: c.credibility,
      quote: c.quote ?? null,
    })),
    rows,
  };
}

export function ratingInputs(view: AchView): AchRatingInput[] {
  const out: AchRatingInput[] = [];
  for (const [claimId, row] of Object.entries(view.rows)) {
    for (const [hypothesisId, ratings] of Object.entries(row)) {
      for (const r of ratings) out.push({ hypothesisId, claimId, raterId: r.raterId, rating: r.rating });
    }
  }
  return out;
}

/** The view with one rater's rating of one cell replaced (or removed when `rating` is null). */
export function withRating({
  view,
  claimId,
  hypothesisId,
  raterId,
  rating,
}: {
  view: AchView;
  claimId: string;
  hypothesisId: string;
  raterId: string;
  rating: AchRaterRating | null;
}): AchView {
  const row = view.rows[claimId] ?? {};
  const others = (row[hypothesisId] ?? []).filter((r) => r.raterId !== raterId);
  const cell = rating ? [...others, rating] : others;
  return { ...view, rows: { ...view.rows, [claimId]: { ...row, [hypothesisId]: cell } } };
}

// Short column labels (H1, H2, …) keep the ranking messages and the score row readable.
export function hypothesisLabel(index: number): string {
  return `H${index + 1}`;
}

/**
 * Heuer's sensitivity check in words: how the ranking with some claims treated as false differs from the
 * ranking with all of them. Ranks (ties share one) are compared, not list positions, so a tie broken
 * differently is not reported as a change.
 */
export function describeRankingChange({
  labels,
  before,
  after,
}: {
  labels: Map<string, string>;
  before: { hypothesisId: string; rank: number }[];
  after: { hypothesisId: string; rank: number }[];
}): string {
  const was = new Map(before.map((h) => [h.hypothesisId, h.rank]));
  const changed = after.filter((h) => was.get(h.hypothesisId) !== h.rank);
  if (changed.length === 0) return "ranking unchanged";
  if (changed.length === 2) {
    const [a, b] = changed;
    if (was.get(a.hypothesisId) === b.rank && was.get(b.hypothesisId) === a.rank)
      return `ranking changes: ${labels.get(a.hypothesisId)} ↔ ${labels.get(b.hypothesisId)}`;
  }
  const order = (list: { hypothesisId: string; rank: number }[]) =>
    [...list]
      .sort((x, y) => x.rank - y.rank)
      .map((h, i, all) => `${i > 0 ? (all[i - 1].rank === h.rank ? " = " : " > ") : ""}${labels.get(h.hypothesisId)}`)
      .join("");
  return `ranking changes: now ${order(after)} (was ${order(before)})`;
}
