// Unit tests for the printable ACH summary (STANDARDS.md §5) against matrices scored by hand.
import { describe, expect, it } from "vitest";
import { ACH_SCORES_NOTE, computeAchScores, type AchRatingInput } from "@/lib/attribution/ach-scores";
import { summariseAch } from "@/lib/attribution/ach-summary";
import type { AchRating } from "@/lib/standards/scales";

function r(claimId: string, hypothesisId: string, raterId: string, rating: AchRating): AchRatingInput {
  return { claimId, hypothesisId, raterId, rating };
}

// The Albania matrix of tests/unit/ach-scores.test.ts (every cell rated):
//             H1          H2          H3       diagnosticity
// E1 sanctions  4.5        1.5         3        √1.5    ≈ 1.2247
// E2 denial     2.5        3           3        √(1/18) ≈ 0.2357
// E3 offline    4          4           4        0 (rated alike)
// E4 DART       3          2           3        √(2/9)  ≈ 0.4714
// E5 VPN logs   3          3           1.5      √0.5    ≈ 0.7071
// Inconsistency H1 0.25, H3 2.25, H2 3.25. Most diagnostic: E1, E5, E4.
// E1 treated as false: H2 loses its 2.25 → H1 0.25, H2 1, H3 2.25; H1 still leads.
const HYPOTHESES = ["H1", "H2", "H3"];
const CLAIMS = ["E1", "E2", "E3", "E4", "E5"];
const RATINGS: AchRatingInput[] = [
  r("E1", "H1", "r1", "CC"),
  r("E1", "H1", "r2", "C"),
  r("E1", "H2", "r1", "I"),
  r("E1", "H2", "r2", "II"),
  r("E1", "H3", "r1", "N"),
  r("E1", "H3", "r2", "N"),
  r("E2", "H1", "r1", "I"),
  r("E2", "H1", "r2", "N"),
  r("E2", "H2", "r1", "N"),
  r("E2", "H3", "r1", "N"),
  r("E3", "H1", "r1", "C"),
  r("E3", "H2", "r1", "C"),
  r("E3", "H3", "r1", "C"),
  r("E4", "H1", "r1", "CC"),
  r("E4", "H1", "r2", "II"),
  r("E4", "H2", "r1", "II"),
  r("E4", "H2", "r2", "NA"),
  r("E4", "H3", "r1", "NA"),
  r("E4", "H3", "r2", "NA"),
  r("E4", "H3", "r3", "NA"),
  r("E5", "H1", "r1", "N"),
  r("E5", "H2", "r1", "N"),
  r("E5", "H3", "r1", "II"),
  r("E5", "H3", "r2", "I"),
];

describe("summariseAch", () => {
  it("ranks the hypotheses, lists the three most diagnostic claims and checks the ranking without the first", () => {
    const summary = summariseAch({ hypothesisIds: HYPOTHESES, claimIds: CLAIMS, ratings: RATINGS });
    expect(summary.hypotheses).toEqual([
      { hypothesisId: "H1", inconsistency: 0.25, ratedCount: 5, rank: 1 },
      { hypothesisId: "H3", inconsistency: 2.25, ratedCount: 5, rank: 2 },
      { hypothesisId: "H2", inconsistency: 3.25, ratedCount: 5, rank: 3 },
    ]);
    expect(summary.mostDiagnostic.map((d) => d.claimId)).toEqual(["E1", "E5", "E4"]);
    expect(summary.mostDiagnostic[0].diagnosticity).toBeCloseTo(Math.sqrt(1.5), 12);
    expect(summary.mostDiagnostic[1].diagnosticity).toBeCloseTo(Math.sqrt(0.5), 12);
    expect(summary.mostDiagnostic[2].diagnosticity).toBeCloseTo(Math.sqrt(2 / 9), 12);
    expect(summary.sensitivity).toEqual({
      claimId: "E1",
      hypotheses: [
        { hypothesisId: "H1", inconsistency: 0.25, rank: 1 },
        { hypothesisId: "H2", inconsistency: 1, rank: 2 },
        { hypothesisId: "H3", inconsistency: 2.25, rank: 3 },
      ],
      leaderChanges: false,
    });
    expect(summary.note).toBe(ACH_SCORES_NOTE);
  });

  it("agrees with computeAchScores number for number", () => {
    const summary = summariseAch({ hypothesisIds: HYPOTHESES, claimIds: CLAIMS, ratings: RATINGS });
    const scores = computeAchScores({ hypothesisIds: HYPOTHESES, claimIds: CLAIMS, ratings: RATINGS });
    expect(summary.hypotheses).toEqual(scores.hypotheses);
    for (const d of summary.mostDiagnostic)
      expect(d.diagnosticity).toBe(scores.evidence.find((e) => e.claimId === d.claimId)?.diagnosticity);
    const without = computeAchScores({ hypothesisIds: HYPOTHESES, claimIds: CLAIMS, ratings: RATINGS, excludedClaimIds: ["E1"] });
    expect(summary.sensitivity?.hypotheses).toEqual(
      without.hypotheses.map(({ hypothesisId, inconsistency, rank }) => ({ hypothesisId, inconsistency, rank })),
    );
  });

  it("reports a new leader when the most diagnostic claim is treated as false", () => {
    // X: A II (1), B CC (5) → sd 2, A +4. Y: A C (4), B I (2) → sd 1, B +1. B leads (1 vs 4); without X, A leads (0 vs 1).
    const summary = summariseAch({
      hypothesisIds: ["A", "B"],
      claimIds: ["X", "Y"],
      ratings: [r("X", "A", "r1", "II"), r("X", "B", "r1", "CC"), r("Y", "A", "r1", "C"), r("Y", "B", "r1", "I")],
    });
    expect(summary.hypotheses.map((h) => [h.hypothesisId, h.inconsistency, h.rank])).toEqual([
      ["B", 1, 1],
      ["A", 4, 2],
    ]);
    expect(summary.mostDiagnostic).toEqual([
      { claimId: "X", diagnosticity: 2 },
      { claimId: "Y", diagnosticity: 1 },
    ]);
    expect(summary.sensitivity).toEqual({
      claimId: "X",
      hypotheses: [
        { hypothesisId: "A", inconsistency: 0, rank: 1 },
        { hypothesisId: "B", inconsistency: 1, rank: 2 },
      ],
      leaderChanges: true,
    });
  });

  it("counts a tie for first appearing as a leader change", () => {
    // X: A I (2), B CC (5) → sd 1.5, A +1. Z: C against both → 0. B leads alone; without X, A and B tie.
    const summary = summariseAch({
      hypothesisIds: ["A", "B"],
      claimIds: ["X", "Z"],
      ratings: [r("X", "A", "r1", "I"), r("X", "B", "r1", "CC"), r("Z", "A", "r1", "C"), r("Z", "B", "r1", "C")],
    });
    expect(summary.mostDiagnostic).toEqual([{ claimId: "X", diagnosticity: 1.5 }]);
    expect(summary.sensitivity?.hypotheses.map((h) => h.rank)).toEqual([1, 1]);
    expect(summary.sensitivity?.leaderChanges).toBe(true);
  });

  it("leaves rows without diagnosticity (one rated hypothesis) and rows rated alike out, and breaks ties by claim order", () => {
    // Q0: CC against H1 only → null (under the old blanks-as-3 rule it would have led with √(8/9) ≈ 0.94).
    // Q1: [4, 2, blank] → 1.   Q2: [5, 2, blank] → 1.5.   Q3: [blank, 4, 2] → 1.   Q4: [1, 4, blank] → 1.5.
    // Q5: [3, 3, 3] → 0 (rated alike).
    const summary = summariseAch({
      hypothesisIds: HYPOTHESES,
      claimIds: ["Q0", "Q1", "Q2", "Q3", "Q4", "Q5"],
      ratings: [
        r("Q0", "H1", "r1", "CC"),
        r("Q1", "H1", "r1", "C"),
        r("Q1", "H2", "r1", "I"),
        r("Q2", "H1", "r1", "CC"),
        r("Q2", "H2", "r1", "I"),
        r("Q3", "H2", "r1", "C"),
        r("Q3", "H3", "r1", "I"),
        r("Q4", "H1", "r1", "II"),
        r("Q4", "H2", "r1", "C"),
        r("Q5", "H1", "r1", "N"),
        r("Q5", "H2", "r1", "NA"),
        r("Q5", "H3", "r1", "N"),
      ],
    });
    expect(summary.mostDiagnostic).toEqual([
      { claimId: "Q2", diagnosticity: 1.5 },
      { claimId: "Q4", diagnosticity: 1.5 },
      { claimId: "Q1", diagnosticity: 1 },
    ]);
    expect(summary.sensitivity?.claimId).toBe("Q2");
  });

  it("has no sensitivity when no claim is diagnostic yet", () => {
    const summary = summariseAch({
      hypothesisIds: ["A", "B", "C"],
      claimIds: ["X", "Y", "Z"],
      // X rated against A only (null), Y rated alike (0), Z unrated (null).
      ratings: [r("X", "A", "r1", "II"), r("Y", "A", "r1", "C"), r("Y", "B", "r1", "C")],
    });
    expect(summary.mostDiagnostic).toEqual([]);
    expect(summary.sensitivity).toBeNull();
    expect(summary.hypotheses).toEqual([
      { hypothesisId: "B", inconsistency: 0, ratedCount: 1, rank: 1 },
      { hypothesisId: "C", inconsistency: 0, ratedCount: 0, rank: 1 },
      { hypothesisId: "A", inconsistency: 4, ratedCount: 2, rank: 3 },
    ]);
  });

  it("handles an empty matrix and carries the STANDARDS §5 sentence for exports", () => {
    const summary = summariseAch({ hypothesisIds: [], claimIds: [], ratings: [] });
    expect(summary).toEqual({ hypotheses: [], mostDiagnostic: [], sensitivity: null, note: ACH_SCORES_NOTE });
    expect(summary.note).toMatch(
      /^Unrated cells are left out of both scores; a row rated against fewer than two hypotheses has no diagnosticity yet \(—\)\.$/,
    );
  });
});
