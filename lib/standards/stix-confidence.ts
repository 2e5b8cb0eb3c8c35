// Projections between our stored labels and STIX 2.1 `confidence`, per STIX 2.1 Appendix A (STANDARDS.md §4).
import type { AnalyticConfidence, InformationCredibility, LikelihoodKey } from "@/lib/standards/scales";

// Labels are stored, numbers are only projected on export and decoded on import: the decode bands are
// coarser than the labels and do not line up with the ICD percentages, so a round trip is lossy by design.

export const NONE_LOW_MED_HIGH = ["None", "Low", "Med", "High"] as const;
export type NoneLowMedHigh = (typeof NONE_LOW_MED_HIGH)[number];

type Band<T> = { min: number; max: number; label: T };

const NONE_LOW_MED_HIGH_TO_VALUE: Record<NoneLowMedHigh, number> = { None: 0, Low: 15, Med: 50, High: 85 };
const NONE_LOW_MED_HIGH_BANDS: ReadonlyArray<Band<NoneLowMedHigh>> = [
  { min: 0, max: 0, label: "None" },
  { min: 1, max: 29, label: "Low" },
  { min: 30, max: 69, label: "Med" },
  { min: 70, max: 100, label: "High" },
];

// Credibility 6 ("cannot be judged") has no number: STIX says omit the property, since absent ≠ 0.
const CREDIBILITY_TO_VALUE: Record<InformationCredibility, number | undefined> = { 1: 90, 2: 70, 3: 50, 4: 30, 5: 10, 6: undefined };
const CREDIBILITY_BANDS: ReadonlyArray<Band<Exclude<InformationCredibility, 6>>> = [
  { min: 0, max: 19, label: 5 },
  { min: 20, max: 39, label: 4 },
  { min: 40, max: 59, label: 3 },
  { min: 60, max: 79, label: 2 },
  { min: 80, max: 100, label: 1 },
];

const LIKELIHOOD_TO_VALUE: Record<LikelihoodKey, number> = {
  almost_no_chance: 5,
  very_unlikely: 15,
  unlikely: 30,
  roughly_even: 50,
  likely: 70,
  very_likely: 85,
  almost_certain: 95,
};
const LIKELIHOOD_BANDS: ReadonlyArray<Band<LikelihoodKey>> = [
  { min: 0, max: 9, label: "almost_no_chance" },
  { min: 10, max: 19, label: "very_unlikely" },
  { min: 20, max: 39, label: "unlikely" },
  { min: 40, max: 59, label: "roughly_even" },
  { min: 60, max: 79, label: "likely" },
  { min: 80, max: 89, label: "very_likely" },
  { min: 90, max: 100, label: "almost_certain" },
];

const ANALYTIC_TO_NONE_LOW_MED_HIGH: Record<AnalyticConfidence, Exclude<NoneLowMedHigh, "None">> = {
  low: "Low",
  moderate: "Med",
  high: "High",
};

// Imported bundles are untrusted: a float, a string or 101 must fail loudly, not decode to a label.
export function assertStixConfidence(value: unknown): asserts value is number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > 100) {
    throw new RangeError(`STIX confidence must be an integer from 0 to 100, got ${String(value)}`);
  }
}

function decode<T>(bands: ReadonlyArray<Band<T>>, value: unknown): T {
  assertStixConfidence(value);
  const band = bands.find((b) => value >= b.min && value <= b.max);
  if (!band) throw new RangeError(`No band for STIX confidence ${value}`);
  return band.label;
}

function encode<K extends string | number, V>(table: Record<K, V>, key: K, scale: string): V {
  if (!Object.prototype.hasOwnProperty.call(table, key)) throw new RangeError(`Unknown ${scale} label: ${String(key)}`);
  return table[key];
}

export function noneLowMedHighToStix(label: NoneLowMedHigh): number {
  return encode(NONE_LOW_MED_HIGH_TO_VALUE, label, "None/Low/Med/High");
}

export function stixToNoneLowMedHigh(value: number): NoneLowMedHigh {
  return decode(NONE_LOW_MED_HIGH_BANDS, value);
}

export function credibilityToStix(credibility: InformationCredibility): number | undefined {
  return encode(CREDIBILITY_TO_VALUE, credibility, "Admiralty credibility");
}

// Never yields 6: a missing property means "cannot be judged", and that is the caller's branch.
export function stixToCredibility(value: number): Exclude<InformationCredibility, 6> {
  return decode(CREDIBILITY_BANDS, value);
}

export function likelihoodToStix(likelihood: LikelihoodKey): number {
  return encode(LIKELIHOOD_TO_VALUE, likelihood, "likelihood");
}

export function stixToLikelihood(value: number): LikelihoodKey {
  return decode(LIKELIHOOD_BANDS, value);
}

export function analyticConfidenceToNoneLowMedHigh(confidence: AnalyticConfidence): Exclude<NoneLowMedHigh, "None"> {
  return encode(ANALYTIC_TO_NONE_LOW_MED_HIGH, confidence, "analytic confidence");
}

export function analyticConfidenceToStix(confidence: AnalyticConfidence): number {
  return noneLowMedHighToStix(analyticConfidenceToNoneLowMedHigh(confidence));
}

// STIX 0 ("None") is an explicit lack of confidence, which our three-step scale cannot hold: null.
export function stixToAnalyticConfidence(value: number): AnalyticConfidence | null {
  const label = stixToNoneLowMedHigh(value);
  if (label === "None") return null;
  const entry = (Object.keys(ANALYTIC_TO_NONE_LOW_MED_HIGH) as AnalyticConfidence[]).find(
    (key) => ANALYTIC_TO_NONE_LOW_MED_HIGH[key] === label,
  );
  if (!entry) throw new RangeError(`No analytic confidence for ${label}`);
  return entry;
}
