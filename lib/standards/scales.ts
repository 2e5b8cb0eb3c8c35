// The analytic scales of STANDARDS.md as data; pure and shared by server and client, so no "server-only".
import { SOURCE_RELIABILITY, type SourceReliability } from "./source-reliability";

// --- Admiralty code (FM 2-22.3 App. B; MISP taxonomy "admiralty-scale") -------------------------------

export { SOURCE_RELIABILITY, type SourceReliability };

export const INFORMATION_CREDIBILITY = [
  {
    value: 1,
    label: "Confirmed",
    meaning: "Confirmed by independent sources; logical in itself; consistent with other information on the subject.",
  },
  { value: 2, label: "Probably true", meaning: "Not confirmed; logical in itself; consistent with other information on the subject." },
  {
    value: 3,
    label: "Possibly true",
    meaning: "Not confirmed; reasonably logical in itself; agrees with some other information on the subject.",
  },
  { value: 4, label: "Doubtful", meaning: "Not confirmed; possible but not logical; no other information on the subject." },
  { value: 5, label: "Improbable", meaning: "Not confirmed; not logical in itself; contradicted by other information on the subject." },
  { value: 6, label: "Cannot be judged", meaning: "No basis exists for evaluating the validity of the information." },
] as const;

export type InformationCredibility = (typeof INFORMATION_CREDIBILITY)[number]["value"];

export type AdmiraltyPair = `${SourceReliability}${InformationCredibility}`;

export function isSourceReliability(value: unknown): value is SourceReliability {
  return SOURCE_RELIABILITY.some((r) => r.code === value);
}

export function isInformationCredibility(value: unknown): value is InformationCredibility {
  return INFORMATION_CREDIBILITY.some((c) => c.value === value);
}

// Validates at run time too: the pair is built from stored columns, and a typo there must not print "G7".
export function admiraltyPair({
  reliability,
  credibility,
}: {
  reliability: SourceReliability;
  credibility: InformationCredibility;
}): AdmiraltyPair {
  if (!isSourceReliability(reliability)) throw new RangeError(`Unknown source reliability: ${String(reliability)}`);
  if (!isInformationCredibility(credibility)) throw new RangeError(`Unknown information credibility: ${String(credibility)}`);
  return `${reliability}${credibility}`;
}

export function parseAdmiraltyPair(pair: string): { reliability: SourceReliability; credibility: InformationCredibility } | null {
  const match = /^([A-F])([1-6])$/.exec(pair.trim().toUpperCase());
  if (!match) return null;
  return { reliability: match[1] as SourceReliability, credibility: Number(match[2]) as InformationCredibility };
}

// --- Estimative language (ODNI ICD 203; MISP taxonomy "estimative-language") ---------------------------

// Intervals are half-open [min, max) because the published endpoints overlap (5 % is both "remote" and
// "very unlikely"); the last one is closed so 99 % still has a term. `adverbs` are the forms analysts write
// in prose ("almost certainly"); they carry the same meaning as the listed phrasings.
export const LIKELIHOOD = [
  { key: "almost_no_chance", label: "Almost no chance", phrasings: ["almost no chance", "remote"], adverbs: [], min: 0.01, max: 0.05 },
  { key: "very_unlikely", label: "Very unlikely", phrasings: ["very unlikely", "highly improbable"], adverbs: [], min: 0.05, max: 0.2 },
  { key: "unlikely", label: "Unlikely", phrasings: ["unlikely", "improbable"], adverbs: ["improbably"], min: 0.2, max: 0.45 },
  {
    key: "roughly_even",
    label: "Roughly even chance",
    phrasings: ["roughly even chance", "roughly even odds"],
    adverbs: [],
    min: 0.45,
    max: 0.55,
  },
  { key: "likely", label: "Likely", phrasings: ["likely", "probable"], adverbs: ["probably"], min: 0.55, max: 0.8 },
  { key: "very_likely", label: "Very likely", phrasings: ["very likely", "highly probable"], adverbs: [], min: 0.8, max: 0.95 },
  {
    key: "almost_certain",
    label: "Almost certain",
    phrasings: ["almost certain", "nearly certain"],
    adverbs: ["almost certainly", "nearly certainly"],
    min: 0.95,
    max: 0.99,
  },
] as const;

export type Likelihood = (typeof LIKELIHOOD)[number];
export type LikelihoodKey = Likelihood["key"];

export function isLikelihoodKey(value: unknown): value is LikelihoodKey {
  return LIKELIHOOD.some((l) => l.key === value);
}

export function getLikelihood(key: LikelihoodKey): Likelihood {
  const row = LIKELIHOOD.find((l) => l.key === key);
  if (!row) throw new RangeError(`Unknown likelihood: ${String(key)}`);
  return row;
}

// ICD 203 has no term below 1 % or above 99 % (those are not estimates); the outermost terms absorb them
// rather than leaving a probability without words.
export function likelihoodFromProbability(p: number): LikelihoodKey {
  if (!Number.isFinite(p) || p < 0 || p > 1) throw new RangeError(`Probability must be a number from 0 to 1, got ${p}`);
  for (const row of LIKELIHOOD) if (p < row.max) return row.key;
  return "almost_certain";
}

export type EstimativePhrase = { key: LikelihoodKey; phrase: string; start: number; end: number };

// "remote" alone is everywhere in a cyber case ("remote access"); it only estimates as "remote chance" etc.
const REMOTE_ESTIMATIVE = String.raw`remote(?=\s+(?:chance|possibility|likelihood|probability|prospect|odds)s?\b)`;

function phrasePattern(phrase: string): string {
  if (phrase === "remote") return REMOTE_ESTIMATIVE;
  return phrase.split(" ").join(String.raw`\s+`);
}

const PHRASE_TO_KEY: ReadonlyArray<{ phrase: string; key: LikelihoodKey }> = LIKELIHOOD.flatMap((row) =>
  [...row.phrasings, ...row.adverbs].map((phrase) => ({ phrase, key: row.key })),
);

// Longest first, so "very unlikely" wins over "unlikely" at the same position.
const ESTIMATIVE_REGEX_SOURCE = [...PHRASE_TO_KEY]
  .sort((a, b) => b.phrase.length - a.phrase.length)
  .map(({ phrase }) => `(?:${phrasePattern(phrase)})`)
  .join("|");

function keyForMatch(matched: string): LikelihoodKey {
  const normalised = matched.toLowerCase().replace(/\s+/g, " ");
  const hit = PHRASE_TO_KEY.find(({ phrase }) => phrase === normalised);
  if (!hit) throw new Error(`Estimative phrase without a key: ${matched}`);
  return hit.key;
}

// Offsets index the original text (UTF-16 code units, as String.prototype.slice) so the UI can highlight.
export function findEstimativePhrases(text: string): EstimativePhrase[] {
  const regex = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${ESTIMATIVE_REGEX_SOURCE})(?![\p{L}\p{N}])`, "giu");
  const found: EstimativePhrase[] = [];
  for (const match of text.matchAll(regex)) {
    const start = match.index;
    found.push({ key: keyForMatch(match[0]), phrase: match[0], start, end: start + match[0].length });
  }
  return found;
}

// The phrases a brief uses that contradict the likelihood stored on its judgment.
export function disagreeingEstimativePhrases({ text, likelihood }: { text: string; likelihood: LikelihoodKey }): EstimativePhrase[] {
  return findEstimativePhrases(text).filter((p) => p.key !== likelihood);
}

/** "Likely" for "likely"; null when the key is not a likelihood. */
export function likelihoodLabel(key: string | null | undefined): string | null {
  return LIKELIHOOD.find((l) => l.key === key)?.label ?? null;
}

/** "55–80 %": the ICD 203 range of a likelihood term; null when the key is not one. */
export function likelihoodRange(key: string | null | undefined): string | null {
  const row = LIKELIHOOD.find((l) => l.key === key);
  return row ? `${Math.round(row.min * 100)}–${Math.round(row.max * 100)} %` : null;
}

// --- Analytic confidence (ICD 203): a separate axis from likelihood ------------------------------------

export const ANALYTIC_CONFIDENCE = [
  { key: "low", label: "Low", meaning: "Uncorroborated information, or many assumptions." },
  { key: "moderate", label: "Moderate", meaning: "Partially corroborated information; several assumptions." },
  { key: "high", label: "High", meaning: "Well-corroborated information from proven sources; minimal assumptions." },
] as const;

export type AnalyticConfidence = (typeof ANALYTIC_CONFIDENCE)[number]["key"];

/** "Moderate" for "moderate"; null when the key is not an analytic confidence. */
export function confidenceLabel(key: string | null | undefined): string | null {
  return ANALYTIC_CONFIDENCE.find((c) => c.key === key)?.label ?? null;
}

export function isAnalyticConfidence(value: unknown): value is AnalyticConfidence {
  return ANALYTIC_CONFIDENCE.some((c) => c.key === value);
}

// --- Traffic Light Protocol 2.0 (FIRST) -------------------------------------------------------------------

// The STIX ids, extension id and created timestamp are fixed by OASIS: the JSON schema
// oasis-open/cti-stix-common-objects extension-definition-specifications/tlp-2.0/marking-definition.json
// enumerates each id per level, and the examples/tlp-*.json bundles there carry them; the CACAO
// Common-Objects/Data-Markings README (oasis-tcs/cacao) lists the same UUIDs. Never regenerate them.
export const TLP_EXTENSION_DEFINITION_ID = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d";
export const TLP_MARKING_CREATED = "2022-10-01T00:00:00.000Z";

// Colours are FIRST's TLP 2.0 RGB values: coloured text on a black background. The class strings are
// spelled out whole so Tailwind's source scan finds them.
export const TLP = [
  {
    key: "CLEAR",
    label: "TLP:CLEAR",
    stixLevel: "clear",
    stixId: "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487",
    meaning: "Recipients can spread this to the world; there is no limit on disclosure.",
    colour: { text: "#FFFFFF", background: "#000000", className: "bg-[#000000] text-[#FFFFFF]" },
  },
  {
    key: "GREEN",
    label: "TLP:GREEN",
    stixLevel: "green",
    stixId: "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
    meaning: "Limited disclosure: recipients can spread this within their community.",
    colour: { text: "#33FF00", background: "#000000", className: "bg-[#000000] text-[#33FF00]" },
  },
  {
    key: "AMBER",
    label: "TLP:AMBER",
    stixLevel: "amber",
    stixId: "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421",
    meaning: "Limited disclosure: recipients can share on a need-to-know basis within their organisation and its clients.",
    colour: { text: "#FFC000", background: "#000000", className: "bg-[#000000] text-[#FFC000]" },
  },
  {
    key: "AMBER_STRICT",
    label: "TLP:AMBER+STRICT",
    stixLevel: "amber+strict",
    stixId: "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003",
    meaning: "Limited disclosure: recipients can share on a need-to-know basis within their organisation only.",
    colour: { text: "#FFC000", background: "#000000", className: "bg-[#000000] text-[#FFC000]" },
  },
  {
    key: "RED",
    label: "TLP:RED",
    stixLevel: "red",
    stixId: "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1",
    meaning: "For the eyes and ears of individual recipients only; no further disclosure.",
    colour: { text: "#FF2B2B", background: "#000000", className: "bg-[#000000] text-[#FF2B2B]" },
  },
] as const;

// TLP 1.0 marking definitions, fixed by STIX 2.1 §7.2.1.4: bundles from older tools still carry them. An
// import maps WHITE to CLEAR and the others to their TLP 2.0 level (RED must never become anything weaker).
export const TLP_1_0_STIX_IDS: Record<string, TlpKey> = {
  "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9": "CLEAR",
  "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da": "GREEN",
  "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82": "AMBER",
  "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed": "RED",
};

/** The TLP level a marking-definition id (TLP 2.0 or 1.0) stands for, if it is one. */
export function tlpForStixMarking(id: string): TlpKey | null {
  return TLP.find((t) => t.stixId === id)?.key ?? TLP_1_0_STIX_IDS[id] ?? null;
}

export type TlpMarking = (typeof TLP)[number];
export type TlpKey = TlpMarking["key"];

export function isTlpKey(value: unknown): value is TlpKey {
  return TLP.some((t) => t.key === value);
}

export function getTlp(key: TlpKey): TlpMarking {
  const row = TLP.find((t) => t.key === key);
  if (!row) throw new RangeError(`Unknown TLP marking: ${String(key)}`);
  return row;
}

// Array order is restrictiveness (CLEAR least, RED most), which a merge of markings relies on.
export function mostRestrictiveTlp(keys: readonly TlpKey[]): TlpKey | null {
  let best = -1;
  for (const key of keys)
    best = Math.max(
      best,
      TLP.findIndex((t) => t.key === key),
    );
  return best < 0 ? null : TLP[best].key;
}

export type TlpMarkingDefinition = {
  type: "marking-definition";
  spec_version: "2.1";
  id: string;
  created: string;
  name: string;
  extensions: Record<string, { extension_type: "property-extension"; tlp_2_0: string }>;
};

// The exact object OASIS publishes, so an export's marking resolves against other tools' copies.
export function tlpMarkingDefinition(key: TlpKey): TlpMarkingDefinition {
  const tlp = getTlp(key);
  return {
    type: "marking-definition",
    spec_version: "2.1",
    id: tlp.stixId,
    created: TLP_MARKING_CREATED,
    name: tlp.label,
    extensions: { [TLP_EXTENSION_DEFINITION_ID]: { extension_type: "property-extension", tlp_2_0: tlp.stixLevel } },
  };
}

// --- ACH cell ratings (Heuer ch. 8; scores as Open Synthesis uses them, STANDARDS.md §5) ----------------

export const ACH_RATINGS = [
  { code: "CC", label: "Very consistent", score: 5 },
  { code: "C", label: "Consistent", score: 4 },
  { code: "N", label: "Neutral", score: 3 },
  { code: "I", label: "Inconsistent", score: 2 },
  { code: "II", label: "Very inconsistent", score: 1 },
  { code: "NA", label: "Not applicable", score: 0 },
] as const;

export type AchRating = (typeof ACH_RATINGS)[number]["code"];

export function isAchRating(value: unknown): value is AchRating {
  return ACH_RATINGS.some((r) => r.code === value);
}

export function achScore(rating: AchRating): number {
  const row = ACH_RATINGS.find((r) => r.code === rating);
  if (!row) throw new RangeError(`Unknown ACH rating: ${String(rating)}`);
  return row.score;
}
