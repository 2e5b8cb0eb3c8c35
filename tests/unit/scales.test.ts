// Unit tests for the analytic scales (STANDARDS.md §1–3, §5, §6).
import { describe, expect, it } from "vitest";
import {
  ACH_RATINGS,
  ANALYTIC_CONFIDENCE,
  INFORMATION_CREDIBILITY,
  LIKELIHOOD,
  SOURCE_RELIABILITY,
  TLP,
  TLP_EXTENSION_DEFINITION_ID,
  achScore,
  admiraltyPair,
  disagreeingEstimativePhrases,
  findEstimativePhrases,
  getLikelihood,
  getTlp,
  isAchRating,
  isAnalyticConfidence,
  isInformationCredibility,
  isLikelihoodKey,
  isSourceReliability,
  isTlpKey,
  likelihoodFromProbability,
  mostRestrictiveTlp,
  parseAdmiraltyPair,
  tlpMarkingDefinition,
  type AchRating,
  type InformationCredibility,
  type LikelihoodKey,
  type SourceReliability,
  type TlpKey,
} from "@/lib/standards/scales";

describe("Admiralty scales", () => {
  it("lists reliability A–F with the labels of FM 2-22.3", () => {
    expect(SOURCE_RELIABILITY.map((r) => `${r.code} ${r.label}`)).toEqual([
      "A Completely reliable",
      "B Usually reliable",
      "C Fairly reliable",
      "D Not usually reliable",
      "E Unreliable",
      "F Cannot be judged",
    ]);
    for (const r of SOURCE_RELIABILITY) expect(r.meaning.length).toBeGreaterThan(20);
  });

  it("lists credibility 1–6 with the labels of FM 2-22.3", () => {
    expect(INFORMATION_CREDIBILITY.map((c) => `${c.value} ${c.label}`)).toEqual([
      "1 Confirmed",
      "2 Probably true",
      "3 Possibly true",
      "4 Doubtful",
      "5 Improbable",
      "6 Cannot be judged",
    ]);
    expect(INFORMATION_CREDIBILITY[0].meaning).toContain("independent");
  });

  it("pairs every reliability with every credibility", () => {
    const pairs = SOURCE_RELIABILITY.flatMap((r) =>
      INFORMATION_CREDIBILITY.map((c) => admiraltyPair({ reliability: r.code, credibility: c.value })),
    );
    expect(pairs).toHaveLength(36);
    expect(pairs[0]).toBe("A1");
    expect(pairs[7]).toBe("B2");
    expect(pairs[35]).toBe("F6");
  });

  it("refuses a pair built from a bad stored value", () => {
    expect(() => admiraltyPair({ reliability: "G" as SourceReliability, credibility: 2 })).toThrow(RangeError);
    expect(() => admiraltyPair({ reliability: "B", credibility: 7 as InformationCredibility })).toThrow(RangeError);
    expect(() => admiraltyPair({ reliability: "B", credibility: 0 as InformationCredibility })).toThrow(RangeError);
  });

  it("parses a pair back, tolerating case and spaces", () => {
    expect(parseAdmiraltyPair("B2")).toEqual({ reliability: "B", credibility: 2 });
    expect(parseAdmiraltyPair(" f6 ")).toEqual({ reliability: "F", credibility: 6 });
    expect(parseAdmiraltyPair("G2")).toBeNull();
    expect(parseAdmiraltyPair("B7")).toBeNull();
    expect(parseAdmiraltyPair("B")).toBeNull();
    expect(parseAdmiraltyPair("B22")).toBeNull();
  });

  it("type-guards reliability and credibility", () => {
    expect(isSourceReliability("C")).toBe(true);
    expect(isSourceReliability("c")).toBe(false);
    expect(isInformationCredibility(6)).toBe(true);
    expect(isInformationCredibility("6")).toBe(false);
    expect(isInformationCredibility(1.5)).toBe(false);
  });
});

describe("likelihood (ICD 203)", () => {
  it("stores seven terms with both phrasings and the published intervals", () => {
    expect(LIKELIHOOD.map((l) => [l.key, l.phrasings.join(" / "), l.min, l.max])).toEqual([
      ["almost_no_chance", "almost no chance / remote", 0.01, 0.05],
      ["very_unlikely", "very unlikely / highly improbable", 0.05, 0.2],
      ["unlikely", "unlikely / improbable", 0.2, 0.45],
      ["roughly_even", "roughly even chance / roughly even odds", 0.45, 0.55],
      ["likely", "likely / probable", 0.55, 0.8],
      ["very_likely", "very likely / highly probable", 0.8, 0.95],
      ["almost_certain", "almost certain / nearly certain", 0.95, 0.99],
    ]);
    expect(getLikelihood("roughly_even").label).toBe("Roughly even chance");
    expect(() => getLikelihood("certain" as LikelihoodKey)).toThrow(RangeError);
    expect(isLikelihoodKey("very_likely")).toBe(true);
    expect(isLikelihoodKey("Very likely")).toBe(false);
  });

  // Half-open: each shared endpoint belongs to the higher term.
  it.each<[number, LikelihoodKey]>([
    [0, "almost_no_chance"],
    [0.005, "almost_no_chance"],
    [0.01, "almost_no_chance"],
    [0.0499, "almost_no_chance"],
    [0.05, "very_unlikely"],
    [0.1999, "very_unlikely"],
    [0.2, "unlikely"],
    [0.4, "unlikely"],
    [0.4499, "unlikely"],
    [0.45, "roughly_even"],
    [0.5, "roughly_even"],
    [0.5499, "roughly_even"],
    [0.55, "likely"],
    [0.7999, "likely"],
    [0.8, "very_likely"],
    [0.9499, "very_likely"],
    [0.95, "almost_certain"],
    [0.99, "almost_certain"],
    [1, "almost_certain"],
  ])("maps probability %s to %s", (p, key) => {
    expect(likelihoodFromProbability(p)).toBe(key);
  });

  it.each([-0.01, 1.01, Number.NaN, Number.POSITIVE_INFINITY, 55])("rejects probability %s", (p) => {
    expect(() => likelihoodFromProbability(p)).toThrow(RangeError);
  });
});

describe("findEstimativePhrases", () => {
  it("finds every phrasing, longest match first, with offsets into the original text", () => {
    const text =
      "It is very unlikely that insiders did it; an outside actor is likely. " +
      "Attribution to MOIS is almost certain, and the group will almost certainly strike again. " +
      "A ceasefire is Highly\nProbable? No: roughly even odds.";
    const found = findEstimativePhrases(text);
    expect(found.map((f) => [f.key, f.phrase])).toEqual([
      ["very_unlikely", "very unlikely"],
      ["likely", "likely"],
      ["almost_certain", "almost certain"],
      ["almost_certain", "almost certainly"],
      ["very_likely", "Highly\nProbable"],
      ["roughly_even", "roughly even odds"],
    ]);
    for (const f of found) expect(text.slice(f.start, f.end)).toBe(f.phrase);
    expect(found[0].start).toBe(6);
    expect(found[0].end).toBe(19);
  });

  it("maps each listed phrasing and adverb to its row", () => {
    const cases: Array<[string, LikelihoodKey]> = [
      ["almost no chance", "almost_no_chance"],
      ["a remote chance", "almost_no_chance"],
      ["only a remote possibility", "almost_no_chance"],
      ["highly improbable", "very_unlikely"],
      ["improbable", "unlikely"],
      ["improbably", "unlikely"],
      ["unlikely", "unlikely"],
      ["roughly even chance", "roughly_even"],
      ["probable", "likely"],
      ["probably", "likely"],
      ["very likely", "very_likely"],
      ["nearly certain", "almost_certain"],
      ["nearly certainly", "almost_certain"],
    ];
    for (const [text, key] of cases) {
      const found = findEstimativePhrases(text);
      expect(
        found.map((f) => f.key),
        text,
      ).toEqual([key]);
    }
  });

  it("ignores look-alikes inside other words and non-estimative 'remote'", () => {
    expect(findEstimativePhrases("The likelihood of remote access via Remote Desktop is unclear.")).toEqual([]);
    expect(findEstimativePhrases("probabilistic improbabilities, unlikelyhood, likelyness")).toEqual([]);
    expect(findEstimativePhrases("")).toEqual([]);
  });

  it("keeps offsets right after astral characters and curly quotes", () => {
    const text = "“🙂” likely";
    const [hit] = findEstimativePhrases(text);
    expect(text.slice(hit.start, hit.end)).toBe("likely");
    expect(hit.start).toBe(5);
  });

  it("flags only the phrases that disagree with the stored likelihood", () => {
    const text = "We assess it is likely; it is very likely; it is probably so.";
    const disagreeing = disagreeingEstimativePhrases({ text, likelihood: "likely" });
    expect(disagreeing.map((d) => d.phrase)).toEqual(["very likely"]);
    expect(disagreeingEstimativePhrases({ text: "It is probable.", likelihood: "likely" })).toEqual([]);
  });
});

describe("analytic confidence", () => {
  it("has low, moderate and high", () => {
    expect(ANALYTIC_CONFIDENCE.map((c) => c.key)).toEqual(["low", "moderate", "high"]);
    expect(ANALYTIC_CONFIDENCE.map((c) => c.label)).toEqual(["Low", "Moderate", "High"]);
    expect(isAnalyticConfidence("moderate")).toBe(true);
    expect(isAnalyticConfidence("medium")).toBe(false);
  });
});

describe("TLP 2.0", () => {
  it("holds the five levels, least to most restrictive, with FIRST colours on black", () => {
    expect(TLP.map((t) => [t.key, t.label, t.colour.text, t.colour.background])).toEqual([
      ["CLEAR", "TLP:CLEAR", "#FFFFFF", "#000000"],
      ["GREEN", "TLP:GREEN", "#33FF00", "#000000"],
      ["AMBER", "TLP:AMBER", "#FFC000", "#000000"],
      ["AMBER_STRICT", "TLP:AMBER+STRICT", "#FFC000", "#000000"],
      ["RED", "TLP:RED", "#FF2B2B", "#000000"],
    ]);
    expect(getTlp("RED").colour.className).toBe("bg-[#000000] text-[#FF2B2B]");
  });

  // Regression guard: these ids are fixed by OASIS (cti-stix-common-objects tlp-2.0/marking-definition.json).
  it("carries the OASIS marking-definition ids", () => {
    expect(Object.fromEntries(TLP.map((t) => [t.key, t.stixId]))).toEqual({
      CLEAR: "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487",
      GREEN: "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
      AMBER: "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421",
      AMBER_STRICT: "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003",
      RED: "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1",
    });
  });

  it("builds the published marking-definition object", () => {
    expect(tlpMarkingDefinition("AMBER_STRICT")).toEqual({
      type: "marking-definition",
      spec_version: "2.1",
      id: "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003",
      created: "2022-10-01T00:00:00.000Z",
      name: "TLP:AMBER+STRICT",
      extensions: {
        "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d": { extension_type: "property-extension", tlp_2_0: "amber+strict" },
      },
    });
    expect(TLP_EXTENSION_DEFINITION_ID).toBe("extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d");
  });

  it("picks the most restrictive marking", () => {
    expect(mostRestrictiveTlp(["GREEN", "AMBER_STRICT", "AMBER"])).toBe("AMBER_STRICT");
    expect(mostRestrictiveTlp(["CLEAR", "RED"])).toBe("RED");
    expect(mostRestrictiveTlp(["CLEAR"])).toBe("CLEAR");
    expect(mostRestrictiveTlp([])).toBeNull();
  });

  it("guards keys", () => {
    expect(isTlpKey("AMBER_STRICT")).toBe(true);
    expect(isTlpKey("TLP:AMBER")).toBe(false);
    expect(isTlpKey("WHITE")).toBe(false);
    expect(() => getTlp("WHITE" as TlpKey)).toThrow(RangeError);
  });
});

describe("ACH ratings", () => {
  it("scores as Open Synthesis does", () => {
    expect(Object.fromEntries(ACH_RATINGS.map((r) => [r.code, r.score]))).toEqual({ CC: 5, C: 4, N: 3, I: 2, II: 1, NA: 0 });
    expect(ACH_RATINGS.map((r) => achScore(r.code))).toEqual([5, 4, 3, 2, 1, 0]);
    expect(ACH_RATINGS.find((r) => r.code === "II")?.label).toBe("Very inconsistent");
  });

  it("rejects unknown ratings", () => {
    expect(isAchRating("NA")).toBe(true);
    expect(isAchRating("III")).toBe(false);
    expect(() => achScore("X" as AchRating)).toThrow(RangeError);
  });
});
