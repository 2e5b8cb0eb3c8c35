// Unit tests for the STIX 2.1 confidence projections: every row of STANDARDS.md §4, both directions.
import { describe, expect, it } from "vitest";
import type { AnalyticConfidence, InformationCredibility, LikelihoodKey } from "@/lib/standards/scales";
import {
  analyticConfidenceToNoneLowMedHigh,
  analyticConfidenceToStix,
  assertStixConfidence,
  credibilityToStix,
  likelihoodToStix,
  noneLowMedHighToStix,
  stixToAnalyticConfidence,
  stixToCredibility,
  stixToLikelihood,
  stixToNoneLowMedHigh,
  type NoneLowMedHigh,
} from "@/lib/standards/stix-confidence";

const ALL_VALUES = Array.from({ length: 101 }, (_, i) => i);
const BAD_VALUES: unknown[] = [-1, 101, 1000, 50.5, 0.1, 99.999, Number.NaN, Number.POSITIVE_INFINITY, "50", null, undefined];

describe("None/Low/Med/High", () => {
  it.each<[NoneLowMedHigh, number]>([
    ["None", 0],
    ["Low", 15],
    ["Med", 50],
    ["High", 85],
  ])("projects %s to %i", (label, value) => {
    expect(noneLowMedHighToStix(label)).toBe(value);
  });

  it.each<[number, NoneLowMedHigh]>([
    [0, "None"],
    [1, "Low"],
    [15, "Low"],
    [29, "Low"],
    [30, "Med"],
    [50, "Med"],
    [69, "Med"],
    [70, "High"],
    [85, "High"],
    [100, "High"],
  ])("decodes %i to %s", (value, label) => {
    expect(stixToNoneLowMedHigh(value)).toBe(label);
  });

  it("decodes every value 0–100 into the band of the table", () => {
    const expected = (v: number): NoneLowMedHigh => (v === 0 ? "None" : v <= 29 ? "Low" : v <= 69 ? "Med" : "High");
    expect(ALL_VALUES.map(stixToNoneLowMedHigh)).toEqual(ALL_VALUES.map(expected));
  });

  it("round-trips each label", () => {
    for (const label of ["None", "Low", "Med", "High"] as const) expect(stixToNoneLowMedHigh(noneLowMedHighToStix(label))).toBe(label);
  });

  it("rejects unknown labels", () => {
    expect(() => noneLowMedHighToStix("Medium" as NoneLowMedHigh)).toThrow(RangeError);
  });

  it.each(BAD_VALUES)("rejects %s", (value) => {
    expect(() => stixToNoneLowMedHigh(value as number)).toThrow(RangeError);
  });
});

describe("Admiralty credibility", () => {
  it.each<[InformationCredibility, number | undefined]>([
    [1, 90],
    [2, 70],
    [3, 50],
    [4, 30],
    [5, 10],
    [6, undefined],
  ])("projects %i to %s", (credibility, value) => {
    expect(credibilityToStix(credibility)).toBe(value);
  });

  it.each<[number, InformationCredibility]>([
    [100, 1],
    [90, 1],
    [80, 1],
    [79, 2],
    [70, 2],
    [60, 2],
    [59, 3],
    [50, 3],
    [40, 3],
    [39, 4],
    [30, 4],
    [20, 4],
    [19, 5],
    [10, 5],
    [0, 5],
  ])("decodes %i to %i", (value, credibility) => {
    expect(stixToCredibility(value)).toBe(credibility);
  });

  it("decodes every value 0–100 into the band of the table and never to 6", () => {
    const expected = (v: number): InformationCredibility => (v >= 80 ? 1 : v >= 60 ? 2 : v >= 40 ? 3 : v >= 20 ? 4 : 5);
    expect(ALL_VALUES.map(stixToCredibility)).toEqual(ALL_VALUES.map(expected));
  });

  it("round-trips 1–5", () => {
    for (const c of [1, 2, 3, 4, 5] as const) expect(stixToCredibility(credibilityToStix(c) as number)).toBe(c);
  });

  it("rejects unknown credibility", () => {
    expect(() => credibilityToStix(7 as InformationCredibility)).toThrow(RangeError);
    expect(() => credibilityToStix(0 as InformationCredibility)).toThrow(RangeError);
  });

  it.each(BAD_VALUES)("rejects %s", (value) => {
    expect(() => stixToCredibility(value as number)).toThrow(RangeError);
  });
});

describe("DNI / ICD 203 likelihood", () => {
  it.each<[LikelihoodKey, number]>([
    ["almost_no_chance", 5],
    ["very_unlikely", 15],
    ["unlikely", 30],
    ["roughly_even", 50],
    ["likely", 70],
    ["very_likely", 85],
    ["almost_certain", 95],
  ])("projects %s to %i", (key, value) => {
    expect(likelihoodToStix(key)).toBe(value);
  });

  it.each<[number, LikelihoodKey]>([
    [0, "almost_no_chance"],
    [5, "almost_no_chance"],
    [9, "almost_no_chance"],
    [10, "very_unlikely"],
    [19, "very_unlikely"],
    [20, "unlikely"],
    [39, "unlikely"],
    [40, "roughly_even"],
    [59, "roughly_even"],
    [60, "likely"],
    [79, "likely"],
    [80, "very_likely"],
    [89, "very_likely"],
    [90, "almost_certain"],
    [100, "almost_certain"],
  ])("decodes %i to %s", (value, key) => {
    expect(stixToLikelihood(value)).toBe(key);
  });

  it("decodes every value 0–100 into the band of the table", () => {
    const expected = (v: number): LikelihoodKey =>
      v <= 9
        ? "almost_no_chance"
        : v <= 19
          ? "very_unlikely"
          : v <= 39
            ? "unlikely"
            : v <= 59
              ? "roughly_even"
              : v <= 79
                ? "likely"
                : v <= 89
                  ? "very_likely"
                  : "almost_certain";
    expect(ALL_VALUES.map(stixToLikelihood)).toEqual(ALL_VALUES.map(expected));
  });

  // STANDARDS.md §4: the STIX bands and ICD percentages disagree, which is why labels are stored.
  it("decodes 40 as roughly even although ICD calls 40 % unlikely", () => {
    expect(stixToLikelihood(40)).toBe("roughly_even");
  });

  it("round-trips each term", () => {
    for (const key of [
      "almost_no_chance",
      "very_unlikely",
      "unlikely",
      "roughly_even",
      "likely",
      "very_likely",
      "almost_certain",
    ] as const) {
      expect(stixToLikelihood(likelihoodToStix(key))).toBe(key);
    }
  });

  it("rejects unknown terms", () => {
    expect(() => likelihoodToStix("certain" as LikelihoodKey)).toThrow(RangeError);
  });

  it.each(BAD_VALUES)("rejects %s", (value) => {
    expect(() => stixToLikelihood(value as number)).toThrow(RangeError);
  });
});

describe("analytic confidence", () => {
  it.each<[AnalyticConfidence, NoneLowMedHigh, number]>([
    ["low", "Low", 15],
    ["moderate", "Med", 50],
    ["high", "High", 85],
  ])("projects %s to %s (%i)", (confidence, label, value) => {
    expect(analyticConfidenceToNoneLowMedHigh(confidence)).toBe(label);
    expect(analyticConfidenceToStix(confidence)).toBe(value);
  });

  it.each<[number, AnalyticConfidence | null]>([
    [0, null],
    [1, "low"],
    [29, "low"],
    [30, "moderate"],
    [69, "moderate"],
    [70, "high"],
    [100, "high"],
  ])("decodes %i to %s", (value, confidence) => {
    expect(stixToAnalyticConfidence(value)).toBe(confidence);
  });

  it("rejects unknown confidence and bad values", () => {
    expect(() => analyticConfidenceToStix("medium" as AnalyticConfidence)).toThrow(RangeError);
    expect(() => stixToAnalyticConfidence(-1)).toThrow(RangeError);
    expect(() => stixToAnalyticConfidence(70.5)).toThrow(RangeError);
  });
});

describe("assertStixConfidence", () => {
  it("accepts integers 0–100", () => {
    for (const v of [0, 1, 50, 99, 100]) expect(() => assertStixConfidence(v)).not.toThrow();
  });

  it.each(BAD_VALUES)("throws RangeError for %s", (value) => {
    expect(() => assertStixConfidence(value)).toThrow(RangeError);
  });
});
