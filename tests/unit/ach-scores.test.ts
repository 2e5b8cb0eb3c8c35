// Unit tests for ACH scoring (STANDARDS.md §5) against a matrix scored by hand.
import { describe, expect, it } from "vitest";
import { computeAchScores, type AchRatingInput } from "@/lib/attribution/ach-scores";
import type { AchRating } from "@/lib/standards/scales";

// The 2022 Albania case. Hypotheses: H1 Iran's MOIS, H2 criminal ransomware crew, H3 insider.
// Scores: CC 5, C 4, N 3, I 2, II 1, NA counts as 3. Cell = mean of raters (r1, r2, r3).
//
//             H1                    H2                   H3
// E1 sanctions  r1 CC, r2 C  = 4.5    r1 I, r2 II  = 1.5    r1 N, r2 N   = 3
// E2 denial     r1 I,  r2 N  = 2.5    r1 N         = 3      r1 N         = 3
// E3 offline    r1 C         = 4      r1 C         = 4      r1 C         = 4
// E4 DART       r1 CC, r2 II = 3 (!)  r1 II, r2 NA = 2 (!)  NA ×3        = 3
// E5 VPN logs   r1 N         = 3      r1 N         = 3      r1 II, r2 I  = 1.5
// (!) = raters differ by ≥ 2 points. E4/H2 also splits NA against a rating.
//
// Inconsistency Σ (3 − v)² for v < 3:
//   H1: E2 (0.5)² = 0.25                      → 0.25
//   H2: E1 (1.5)² = 2.25, E4 (1)² = 1         → 3.25
//   H3: E5 (1.5)² = 2.25                      → 2.25
//   ranking H1 (1), H3 (2), H2 (3)
// Every cell of this matrix is rated, so the §5 rule for blanks (left out of both scores) changes nothing here.
// ratedCount: 5 rated cells per hypothesis, 3 per row.
// Diagnosticity = population std dev of the row:
//   E1 [4.5, 1.5, 3]  mean 3,    var (2.25 + 2.25 + 0) / 3 = 1.5         → √1.5    ≈ 1.224745
//   E2 [2.5, 3, 3]    mean 17/6, var (1/9 + 1/36 + 1/36) / 3 = 1/18      → √(1/18) ≈ 0.235702
//   E3 [4, 4, 4]      → 0, non-diagnostic
//   E4 [3, 2, 3]      mean 8/3,  var (1/9 + 4/9 + 1/9) / 3 = 2/9         → √(2/9)  ≈ 0.471405
//   E5 [3, 3, 1.5]    mean 2.5,  var (0.25 + 0.25 + 1) / 3 = 0.5         → √0.5    ≈ 0.707107
const HYPOTHESES = ["H1", "H2", "H3"];
const CLAIMS = ["E1", "E2", "E3", "E4", "E5"];

function r(claimId: string, hypothesisId: string, raterId: string, rating: AchRating): AchRatingInput {
  return { claimId, hypothesisId, raterId, rating };
}

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

const base = () => computeAchScores({ hypothesisIds: HYPOTHESES, claimIds: CLAIMS, ratings: RATINGS });

function cell(scores: ReturnType<typeof computeAchScores>, claimId: string, hypothesisId: string) {
  const found = scores.cells.find((c) => c.claimId === claimId && c.hypothesisId === hypothesisId);
  if (!found) throw new Error(`no cell ${claimId}/${hypothesisId}`);
  return found;
}

describe("computeAchScores", () => {
  it("averages raters per cell, NA as 3", () => {
    const scores = base();
    expect(scores.cells).toHaveLength(15);
    const values = CLAIMS.map((e) => HYPOTHESES.map((h) => cell(scores, e, h).value));
    expect(values).toEqual([
      [4.5, 1.5, 3],
      [2.5, 3, 3],
      [4, 4, 4],
      [3, 2, 3],
      [3, 3, 1.5],
    ]);
    expect(cell(scores, "E1", "H1").ratings).toEqual([
      { raterId: "r1", rating: "CC" },
      { raterId: "r2", rating: "C" },
    ]);
  });

  it("scores inconsistency and ranks the least inconsistent first", () => {
    expect(base().hypotheses).toEqual([
      { hypothesisId: "H1", inconsistency: 0.25, ratedCount: 5, rank: 1 },
      { hypothesisId: "H3", inconsistency: 2.25, ratedCount: 5, rank: 2 },
      { hypothesisId: "H2", inconsistency: 3.25, ratedCount: 5, rank: 3 },
    ]);
  });

  it("scores diagnosticity as the population std dev and flags a row that proves nothing", () => {
    const evidence = Object.fromEntries(base().evidence.map((e) => [e.claimId, e]));
    expect(evidence.E1.diagnosticity).toBeCloseTo(Math.sqrt(1.5), 12);
    expect(evidence.E1.diagnosticity).toBeCloseTo(1.224745, 6);
    expect(evidence.E2.diagnosticity).toBeCloseTo(Math.sqrt(1 / 18), 12);
    expect(evidence.E3.diagnosticity).toBe(0);
    expect(evidence.E4.diagnosticity).toBeCloseTo(Math.sqrt(2 / 9), 12);
    expect(evidence.E5.diagnosticity).toBeCloseTo(Math.sqrt(0.5), 12);
    expect(base().evidence.map((e) => [e.claimId, e.nonDiagnostic, e.excluded, e.ratedCount])).toEqual([
      ["E1", false, false, 3],
      ["E2", false, false, 3],
      ["E3", true, false, 3],
      ["E4", false, false, 3],
      ["E5", false, false, 3],
    ]);
  });

  it("flags disagreement when raters differ by 2 or more, and NA splits separately", () => {
    const scores = base();
    const flagged = scores.cells.filter((c) => c.disagreement).map((c) => `${c.claimId}/${c.hypothesisId}`);
    // E1/H1 (5 vs 4) and E5/H3 (1 vs 2) differ by 1 only; E4/H2 is II (1) vs NA (3).
    expect(flagged).toEqual(["E4/H1", "E4/H2"]);
    const disputed = scores.cells.filter((c) => c.applicabilityDisputed).map((c) => `${c.claimId}/${c.hypothesisId}`);
    expect(disputed).toEqual(["E4/H2"]);
    expect(cell(scores, "E4", "H3")).toMatchObject({ value: 3, disagreement: false, applicabilityDisputed: false });
  });

  it("treating a claim as false changes the ranking", () => {
    const withoutVpnLogs = computeAchScores({ hypothesisIds: HYPOTHESES, claimIds: CLAIMS, ratings: RATINGS, excludedClaimIds: ["E5"] });
    // H3 loses its only inconsistency (2.25); H1 keeps 0.25; H2 keeps 3.25.
    // ratedCount counts the cells the score is summed over: E5's row no longer counts.
    expect(withoutVpnLogs.hypotheses).toEqual([
      { hypothesisId: "H3", inconsistency: 0, ratedCount: 4, rank: 1 },
      { hypothesisId: "H1", inconsistency: 0.25, ratedCount: 4, rank: 2 },
      { hypothesisId: "H2", inconsistency: 3.25, ratedCount: 4, rank: 3 },
    ]);
    const e5 = withoutVpnLogs.evidence.find((e) => e.claimId === "E5");
    // The row's own diagnosticity is unchanged by treating it as false.
    expect(e5).toMatchObject({ excluded: true, nonDiagnostic: false, ratedCount: 3 });
    expect(e5?.diagnosticity).toBeCloseTo(Math.sqrt(0.5), 12);
    // The matrix itself is untouched: exclusion only changes scoring.
    expect(cell(withoutVpnLogs, "E5", "H3").value).toBe(1.5);
  });

  it("lets tied hypotheses share a rank and keeps the caller's order between them", () => {
    const tied = computeAchScores({ hypothesisIds: HYPOTHESES, claimIds: CLAIMS, ratings: RATINGS, excludedClaimIds: ["E2", "E5"] });
    expect(tied.hypotheses).toEqual([
      { hypothesisId: "H1", inconsistency: 0, ratedCount: 3, rank: 1 },
      { hypothesisId: "H3", inconsistency: 0, ratedCount: 3, rank: 1 },
      { hypothesisId: "H2", inconsistency: 3.25, ratedCount: 3, rank: 3 },
    ]);
  });

  it("treats float noise from thirds as a tie", () => {
    // H2: four rows of N, N, I → mean 8/3 each, (1/3)² × 4 = 4/9, summed in floats as 0.44444444444444486.
    // H3: one row of N, I, I → mean 7/3, (2/3)² = 4/9, computed as 0.44444444444444425. Same score.
    const claimIds = ["E1", "E2", "E3", "E4"];
    const ratings = [
      ...claimIds.flatMap((e) => [r(e, "H2", "a", "N"), r(e, "H2", "b", "N"), r(e, "H2", "c", "I")]),
      r("E1", "H3", "a", "N"),
      r("E1", "H3", "b", "I"),
      r("E1", "H3", "c", "I"),
    ];
    const scores = computeAchScores({ hypothesisIds: ["H2", "H3"], claimIds, ratings });
    expect(scores.hypotheses[0].inconsistency).not.toBe(scores.hypotheses[1].inconsistency);
    expect(scores.hypotheses[0].inconsistency).toBeCloseTo(4 / 9, 12);
    expect(scores.hypotheses.map((h) => [h.hypothesisId, h.rank])).toEqual([
      ["H2", 1],
      ["H3", 1],
    ]);
  });

  it("leaves an unrated cell out of both scores and shows it blank", () => {
    // E6 rated only against H1 (II). This test used to lock in the old rule (blanks scored as neutral 3):
    // row [1, 3, 3] → diagnosticity √(8/9) ≈ 0.94, which made one rating look like strong evidence.
    // STANDARDS.md §5 now leaves blanks out: one rated cell has no diagnosticity yet (null, shown "—"), and it
    // is not "non-diagnostic" either, since nothing was rated alike. Inconsistency was already the same (4).
    const scores = computeAchScores({ hypothesisIds: HYPOTHESES, claimIds: ["E6"], ratings: [r("E6", "H1", "r1", "II")] });
    expect(cell(scores, "E6", "H2")).toEqual({
      hypothesisId: "H2",
      claimId: "E6",
      ratings: [],
      value: null,
      disagreement: false,
      applicabilityDisputed: false,
    });
    expect(scores.evidence).toEqual([{ claimId: "E6", diagnosticity: null, nonDiagnostic: false, excluded: false, ratedCount: 1 }]);
    expect(scores.hypotheses).toEqual([
      { hypothesisId: "H2", inconsistency: 0, ratedCount: 0, rank: 1 },
      { hypothesisId: "H3", inconsistency: 0, ratedCount: 0, rank: 1 },
      { hypothesisId: "H1", inconsistency: 4, ratedCount: 1, rank: 3 },
    ]);
  });

  it("gives a row rated against one hypothesis no diagnosticity, however many raters or however strong", () => {
    const scores = computeAchScores({
      hypothesisIds: HYPOTHESES,
      claimIds: ["E1", "E2", "E3"],
      ratings: [r("E1", "H2", "r1", "CC"), r("E1", "H2", "r2", "II"), r("E2", "H3", "r1", "NA"), r("E3", "H1", "r1", "N")],
    });
    expect(scores.evidence).toEqual([
      { claimId: "E1", diagnosticity: null, nonDiagnostic: false, excluded: false, ratedCount: 1 },
      { claimId: "E2", diagnosticity: null, nonDiagnostic: false, excluded: false, ratedCount: 1 },
      { claimId: "E3", diagnosticity: null, nonDiagnostic: false, excluded: false, ratedCount: 1 },
    ]);
    // An unrated row has none either.
    expect(computeAchScores({ hypothesisIds: HYPOTHESES, claimIds: ["E1"], ratings: [] }).evidence).toEqual([
      { claimId: "E1", diagnosticity: null, nonDiagnostic: false, excluded: false, ratedCount: 0 },
    ]);
  });

  it("scores two cells rated alike as 0 and non-diagnostic, with the third hypothesis unrated", () => {
    // Under the old rule the blank counted as 3, so [4, 4, blank] was [4, 4, 3] → √(2/9) ≈ 0.47.
    const scores = computeAchScores({
      hypothesisIds: HYPOTHESES,
      claimIds: ["E1"],
      ratings: [r("E1", "H1", "r1", "C"), r("E1", "H3", "r1", "C")],
    });
    expect(scores.evidence).toEqual([{ claimId: "E1", diagnosticity: 0, nonDiagnostic: true, excluded: false, ratedCount: 2 }]);
    // NA is a rating (3): NA against N is rated alike too.
    const naAndN = computeAchScores({
      hypothesisIds: HYPOTHESES,
      claimIds: ["E1"],
      ratings: [r("E1", "H1", "r1", "NA"), r("E1", "H2", "r1", "N")],
    });
    expect(naAndN.evidence[0]).toMatchObject({ diagnosticity: 0, nonDiagnostic: true, ratedCount: 2 });
  });

  it("does not let unrated cells dilute the std dev", () => {
    // [CC, II] over two rated cells: mean 3, sd 2. With blanks as 3 it would have been [5, 1, 3, 3, 3] → √(8/5) ≈ 1.26.
    const five = ["H1", "H2", "H3", "H4", "H5"];
    const scores = computeAchScores({
      hypothesisIds: five,
      claimIds: ["E1"],
      ratings: [r("E1", "H1", "r1", "CC"), r("E1", "H4", "r1", "II")],
    });
    expect(scores.evidence[0]).toMatchObject({ diagnosticity: 2, nonDiagnostic: false, ratedCount: 2 });
    // The same two cells with the other three rated N: the full row [5, 3, 3, 1, 3] now counts.
    const full = computeAchScores({
      hypothesisIds: five,
      claimIds: ["E1"],
      ratings: [
        r("E1", "H1", "r1", "CC"),
        r("E1", "H2", "r1", "N"),
        r("E1", "H3", "r1", "N"),
        r("E1", "H4", "r1", "II"),
        r("E1", "H5", "r1", "N"),
      ],
    });
    expect(full.evidence[0].diagnosticity).toBeCloseTo(Math.sqrt(8 / 5), 12);
  });

  it("snaps float noise from equal thirds to a real 0", () => {
    // Seven cells of mean 5/3 (II, I, I): equal, so rated alike. Summed in floats their std dev comes out as
    // 2.2e-16, not 0; it is reported as 0 and non-diagnostic.
    const seven = ["H1", "H2", "H3", "H4", "H5", "H6", "H7"];
    const ratings = seven.flatMap((h) => [r("E1", h, "a", "II"), r("E1", h, "b", "I"), r("E1", h, "c", "I")]);
    const scores = computeAchScores({ hypothesisIds: seven, claimIds: ["E1"], ratings });
    expect(scores.evidence[0]).toEqual({ claimId: "E1", diagnosticity: 0, nonDiagnostic: true, excluded: false, ratedCount: 7 });
  });

  it("treats an all-NA row as non-diagnostic and harmless", () => {
    const scores = computeAchScores({
      hypothesisIds: ["H1", "H2"],
      claimIds: ["E1"],
      ratings: [r("E1", "H1", "r1", "NA"), r("E1", "H2", "r1", "NA")],
    });
    expect(scores.evidence).toEqual([{ claimId: "E1", diagnosticity: 0, nonDiagnostic: true, excluded: false, ratedCount: 2 }]);
    expect(scores.hypotheses.map((h) => h.inconsistency)).toEqual([0, 0]);
  });

  it("keeps only a rater's latest rating of a cell and ignores ratings outside the matrix", () => {
    const scores = computeAchScores({
      hypothesisIds: ["H1"],
      claimIds: ["E1"],
      ratings: [
        r("E1", "H1", "r1", "CC"),
        r("E1", "H1", "r2", "C"),
        r("E1", "H1", "r1", "II"),
        r("E1", "H9", "r1", "II"),
        r("E9", "H1", "r1", "II"),
      ],
    });
    expect(scores.cells).toHaveLength(1);
    expect(scores.cells[0].ratings).toEqual([
      { raterId: "r2", rating: "C" },
      { raterId: "r1", rating: "II" },
    ]);
    expect(scores.cells[0].value).toBe(2.5);
    expect(scores.cells[0].disagreement).toBe(true);
    expect(scores.hypotheses).toEqual([{ hypothesisId: "H1", inconsistency: 0.25, ratedCount: 1, rank: 1 }]);
  });

  it("rejects an unknown rating code", () => {
    expect(() => computeAchScores({ hypothesisIds: ["H1"], claimIds: ["E1"], ratings: [r("E1", "H1", "r1", "X" as AchRating)] })).toThrow(
      RangeError,
    );
  });

  it("handles an empty matrix", () => {
    expect(computeAchScores({ hypothesisIds: [], claimIds: [], ratings: [] })).toEqual({ cells: [], hypotheses: [], evidence: [] });
    const noEvidence = computeAchScores({ hypothesisIds: ["H1", "H2"], claimIds: [], ratings: [] });
    expect(noEvidence.hypotheses.map((h) => h.rank)).toEqual([1, 1]);
  });
});
