// Unit tests for independent-origin counting behind Admiralty "1 Confirmed", on the real seed texts.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  containment,
  contradictionWarning,
  credibilityWarning,
  independentOrigins,
  jaccard,
  nearDuplicate,
  normaliseWords,
  shingles,
  type OriginClaim,
} from "@/lib/claims/independence";

const SEEDS = path.resolve(__dirname, "../../../shared/seeds");
function seed(prefix: string): string {
  const file = readdirSync(SEEDS).find((f) => f.startsWith(prefix) && f.endsWith(".txt"));
  if (!file) throw new Error(`seed ${prefix} missing in ${SEEDS}`);
  return readFileSync(path.join(SEEDS, file), "utf8");
}

const WIRE = seed("000_");
const COLUMN = seed("001_");

// What a second outlet does to a wire story: new dateline, a few words swapped, straight quotes, a footer.
const REPUBLISHED = WIRE.replace(/^ date \S+ LONDON:/, "TIRANA (Agencies) —")
  .replace("suspected Iranian", "presumed Iranian")
  .replace("reported on Tuesday", "said on Tuesday")
  .replace("a huge incident", "a major incident")
  .replace("temporarily offline", "offline for a time")
  .replace("up to 60 percent", "as many as 60 percent")
  .replace(/[“”]/g, '"')
  .replace(/’/g, "'")
  .concat("\nRead more: How Albania cut ties with Tehran\nLeave a Comment\n");

// One quote per source (and document) given; a quote with no document given cites a document of its own.
function originClaim(claimId: string, sourceIds: string[], documentIds: string[] = []): OriginClaim {
  const n = Math.max(sourceIds.length, documentIds.length, 1);
  return {
    claimId,
    evidence: Array.from({ length: n }, (_, i) => ({ documentId: documentIds[i] ?? `${claimId}-doc${i}`, sourceId: sourceIds[i] ?? null })),
  };
}

describe("normaliseWords and shingles", () => {
  it("lowercases, folds NFKC and quotes, joins apostrophes and drops punctuation", () => {
    expect(normaliseWords("Albania’s “same aggressors” — ＴＩＭＳ, offline!")).toEqual([
      "albanias",
      "same",
      "aggressors",
      "tims",
      "offline",
    ]);
    expect(normaliseWords('Albania\'s "same aggressors"')).toEqual(normaliseWords("Albania’s “same aggressors”"));
    expect(normaliseWords("  \n\t ")).toEqual([]);
  });

  it("builds 5-word shingles by default", () => {
    const set = shingles("The US Treasury Department sanctioned Iran’s spy agency.");
    expect([...set]).toEqual([
      "the us treasury department sanctioned",
      "us treasury department sanctioned irans",
      "treasury department sanctioned irans spy",
      "department sanctioned irans spy agency",
    ]);
  });

  it("honours k, keeps one shingle for short text and none for empty text", () => {
    expect([...shingles("one two three", { k: 2 })]).toEqual(["one two", "two three"]);
    expect([...shingles("Iran denies it")]).toEqual(["iran denies it"]);
    expect(shingles("— … —").size).toBe(0);
    expect(() => shingles("a b c", { k: 0 })).toThrow(RangeError);
    expect(() => shingles("a b c", { k: 1.5 })).toThrow(RangeError);
  });

  it("ignores quote style entirely", () => {
    const straight = WIRE.replace(/[“”]/g, '"').replace(/’/g, "'");
    expect(jaccard(shingles(WIRE), shingles(straight))).toBe(1);
  });
});

describe("jaccard", () => {
  it("is |A∩B| / |A∪B|", () => {
    expect(jaccard(new Set(["a", "b", "c"]), new Set(["b", "c", "d"]))).toBe(0.5);
    expect(jaccard(new Set(["a"]), new Set(["a"]))).toBe(1);
    expect(jaccard(new Set(["a"]), new Set(["b"]))).toBe(0);
    expect(jaccard(new Set(["a", "b", "c", "d"]), new Set(["a"]))).toBe(0.25);
  });

  it("gives 0 for two empty sets", () => {
    expect(jaccard(new Set(), new Set())).toBe(0);
  });
});

describe("nearDuplicate on the seed texts", () => {
  it("detects a lightly edited republication of the wire report (000)", () => {
    const similarity = jaccard(shingles(WIRE), shingles(REPUBLISHED));
    expect(similarity).toBeGreaterThan(0.75);
    expect(similarity).toBeLessThan(1);
    expect(nearDuplicate({ a: WIRE, b: REPUBLISHED })).toBe(true);
  });

  it("does not confuse the wire report (000) with the opinion column (001)", () => {
    const similarity = jaccard(shingles(WIRE), shingles(COLUMN));
    expect(similarity).toBeLessThan(0.02);
    expect(nearDuplicate({ a: WIRE, b: COLUMN })).toBe(false);
  });

  it("accepts precomputed shingle sets and a custom threshold", () => {
    const a = shingles(WIRE);
    const b = shingles(REPUBLISHED);
    expect(nearDuplicate({ a, b })).toBe(true);
    expect(nearDuplicate({ a, b, threshold: 0.99 })).toBe(false);
    expect(nearDuplicate({ a: WIRE, b: WIRE, threshold: 1 })).toBe(true);
  });
});

describe("independentOrigins", () => {
  it("counts unrelated claims from different sources as separate origins", () => {
    const result = independentOrigins({
      claim: originClaim("c1", ["telegraph"]),
      supporting: [originClaim("c2", ["microsoft-dart"]), originClaim("c3", ["mandiant"])],
    });
    expect(result).toEqual({ origins: 3, groups: [["c1"], ["c2"], ["c3"]], reasons: [] });
  });

  it("collapses a repeats chain into one origin, even through a claim outside the set", () => {
    // c2 repeats c1; c3 repeats x9 (not corroborating), which repeats c2.
    const result = independentOrigins({
      claim: originClaim("c1", ["telegraph"]),
      supporting: [originClaim("c2", ["arab-news"]), originClaim("c3", ["upi"]), originClaim("c4", ["mandiant"])],
      repeats: [
        { claimId: "c2", repeatsClaimId: "c1" },
        { claimId: "c3", repeatsClaimId: "x9" },
        { claimId: "x9", repeatsClaimId: "c2" },
        { claimId: "y1", repeatsClaimId: "y2" },
      ],
    });
    expect(result.origins).toBe(2);
    expect(result.groups).toEqual([["c1", "c2", "c3"], ["c4"]]);
    expect(result.reasons).toEqual([
      { kind: "repeats", claimIds: ["c2", "c1"] },
      { kind: "repeats", claimIds: ["c3", "x9"] },
      { kind: "repeats", claimIds: ["x9", "c2"] },
    ]);
  });

  it("collapses quotes that share a source, but counts each quote's own source", () => {
    // c2 quotes Microsoft and UPI: its Microsoft quote is c1's origin, its UPI quote is c3's. Before
    // issue 12 the whole of c2 was one unit and chained Microsoft to UPI (2 origins instead of 3).
    const result = independentOrigins({
      claim: originClaim("c1", ["microsoft-dart"]),
      supporting: [originClaim("c2", ["microsoft-dart", "upi"]), originClaim("c3", ["upi"]), originClaim("c4", ["mandiant"])],
    });
    expect(result.origins).toBe(3);
    expect(result.groups).toEqual([["c1", "c2"], ["c2", "c3"], ["c4"]]);
    expect(result.reasons).toEqual([
      { kind: "same-source", claimIds: ["c1", "c2"], sourceId: "microsoft-dart" },
      { kind: "same-source", claimIds: ["c2", "c3"], sourceId: "upi" },
    ]);
  });

  it("collapses claims citing the same document", () => {
    const result = independentOrigins({
      claim: originClaim("c1", ["s1"], ["d1"]),
      supporting: [originClaim("c2", ["s2"], ["d1"])],
    });
    expect(result.origins).toBe(1);
    expect(result.reasons).toEqual([{ kind: "same-document", claimIds: ["c1", "c2"], documentId: "d1" }]);
  });

  it("collapses claims citing near-duplicate documents, from texts or shingle sets", () => {
    const claim = originClaim("c1", ["arab-news"], ["d-wire"]);
    const supporting = [originClaim("c2", ["regional-paper"], ["d-republished"]), originClaim("c3", ["upi"], ["d-column"])];
    for (const documents of [
      [
        { documentId: "d-wire", text: WIRE },
        { documentId: "d-republished", text: REPUBLISHED },
        { documentId: "d-column", text: COLUMN },
      ],
      [
        { documentId: "d-wire", shingles: shingles(WIRE) },
        { documentId: "d-republished", shingles: shingles(REPUBLISHED) },
        { documentId: "d-column", shingles: shingles(COLUMN) },
      ],
    ]) {
      const result = independentOrigins({ claim, supporting, documents });
      expect(result.origins).toBe(2);
      expect(result.groups).toEqual([["c1", "c2"], ["c3"]]);
      expect(result.reasons).toHaveLength(1);
      const [reason] = result.reasons;
      expect(reason).toMatchObject({ kind: "near-duplicate-documents", claimIds: ["c1", "c2"], documentIds: ["d-wire", "d-republished"] });
      expect(reason.kind === "near-duplicate-documents" && reason.similarity).toBeGreaterThan(0.75);
    }
  });

  it("respects a stricter threshold", () => {
    const result = independentOrigins({
      claim: originClaim("c1", ["a"], ["d1"]),
      supporting: [originClaim("c2", ["b"], ["d2"])],
      documents: [
        { documentId: "d1", text: WIRE },
        { documentId: "d2", text: REPUBLISHED },
      ],
      threshold: 0.99,
    });
    expect(result.origins).toBe(2);
  });

  it("counts the claim once even if it is listed as its own support", () => {
    const result = independentOrigins({ claim: originClaim("c1", ["s1"]), supporting: [originClaim("c1", ["s1"])] });
    expect(result).toEqual({ origins: 1, groups: [["c1"]], reasons: [] });
  });
});

describe("originators and containment (issue 12: who said it first)", () => {
  it("counts a vendor report relayed by two outlets as one origin, with the vendor's own report", () => {
    const relay = (claimId: string, outlet: string): OriginClaim => ({
      claimId,
      originatorSourceId: "microsoft",
      evidence: [{ documentId: `${outlet}-doc`, sourceId: outlet }],
    });
    const result = independentOrigins({
      claim: relay("c1", "upi"),
      supporting: [relay("c2", "reuters"), originClaim("c3", ["microsoft"], ["ms-report"]), originClaim("c4", ["mandiant"])],
    });
    expect(result.origins).toBe(2);
    expect(result.groups).toEqual([["c1", "c2", "c3"], ["c4"]]);
    expect(result.reasons).toEqual([
      { kind: "same-originator", claimIds: ["c1", "c2"], sourceId: "microsoft" },
      { kind: "same-originator", claimIds: ["c1", "c3"], sourceId: "microsoft" },
    ]);
  });

  it("gives a claim citing two independent sources two origins, and one with one originator one", () => {
    const two = originClaim("c1", ["rama-office", "microsoft"], ["d1", "d2"]);
    expect(independentOrigins({ claim: two, supporting: [] }).origins).toBe(2);
    expect(independentOrigins({ claim: { ...two, originatorSourceId: "microsoft" }, supporting: [] }).origins).toBe(1);
  });

  it("catches a wire story inside a longer article by containment, where Jaccard does not", () => {
    const longer = `${COLUMN}\n\n${WIRE}\n\n${COLUMN.split(" ").reverse().join(" ")}`;
    const [a, b] = [shingles(WIRE), shingles(longer)];
    expect(jaccard(a, b)).toBeLessThan(0.5);
    expect(containment(a, b)).toBeGreaterThan(0.95);
    const result = independentOrigins({
      claim: originClaim("c1", ["wire"], ["d-wire"]),
      supporting: [originClaim("c2", ["paper"], ["d-longer"])],
      documents: [
        { documentId: "d-wire", text: WIRE },
        { documentId: "d-longer", text: longer },
      ],
    });
    expect(result.origins).toBe(1);
    expect(result.reasons[0]).toMatchObject({ kind: "near-duplicate-documents", documentIds: ["d-wire", "d-longer"] });
  });

  it("joins near-identical quoted passages from otherwise different documents", () => {
    const passage = "Iran's Ministry of Intelligence and Security was behind the July cyberattack on Albania's government";
    const result = independentOrigins({
      claim: { claimId: "c1", evidence: [{ documentId: "d1", sourceId: "paper-a", quote: passage }] },
      supporting: [
        {
          claimId: "c2",
          evidence: [{ documentId: "d2", sourceId: "paper-b", quote: `Officials said ${passage.toLowerCase()}, in a statement.` }],
        },
      ],
    });
    expect(result.origins).toBe(1);
    expect(result.reasons).toEqual([
      expect.objectContaining({ kind: "near-duplicate-quotes", claimIds: ["c1", "c2"], documentIds: ["d1", "d2"], similarity: 1 }),
    ]);
    expect(containment(new Set(), new Set(["a"]))).toBe(0);
  });

  it("warns when a '1 – Confirmed' claim is contradicted", () => {
    expect(contradictionWarning({ credibility: 1, contradictedBy: 1 })).toMatch(/another claim contradicts it/);
    expect(contradictionWarning({ credibility: 1, contradictedBy: 2 })).toMatch(/2 claims contradict it/);
    expect(contradictionWarning({ credibility: 1, contradictedBy: 0 })).toBeNull();
    expect(contradictionWarning({ credibility: 2, contradictedBy: 3 })).toBeNull();
  });
});

describe("credibilityWarning", () => {
  it("warns when 1 Confirmed rests on fewer than two independent origins", () => {
    expect(credibilityWarning({ credibility: 1, origins: 1 })).toBe(
      "Credibility 1 (Confirmed) needs at least two independent origins, but the supporting claims trace back to only one independent origin. Grade it 2 (Probably true) or add independent corroboration.",
    );
    expect(credibilityWarning({ credibility: 1, origins: 0 })).toContain("trace back to 0 independent origins");
  });

  it("stays silent otherwise", () => {
    expect(credibilityWarning({ credibility: 1, origins: 2 })).toBeNull();
    expect(credibilityWarning({ credibility: 1, origins: 5 })).toBeNull();
    expect(credibilityWarning({ credibility: 2, origins: 1 })).toBeNull();
    expect(credibilityWarning({ credibility: 6, origins: 0 })).toBeNull();
  });

  it("warns for the republished wire story case end to end", () => {
    const { origins } = independentOrigins({
      claim: originClaim("c1", ["arab-news"], ["d-wire"]),
      supporting: [originClaim("c2", ["regional-paper"], ["d-republished"])],
      documents: [
        { documentId: "d-wire", text: WIRE },
        { documentId: "d-republished", text: REPUBLISHED },
      ],
    });
    expect(origins).toBe(1);
    expect(credibilityWarning({ credibility: 1, origins })).not.toBeNull();
  });
});
