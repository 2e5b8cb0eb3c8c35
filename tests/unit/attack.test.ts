// ATT&CK catalog, technique search and the TTP-overlap formula (issue #13), checked on a hand-computed example.
import { describe, expect, it } from "vitest";
import { attackCatalog, attackObject, parentTechniqueId, type AttackCatalog } from "@/lib/attack/catalog";
import { groupTechniques, rankOverlap } from "@/lib/attack/overlap";
import { searchTechniques } from "@/lib/attack/search-techniques";

function tinyCatalog(): AttackCatalog {
  const real = attackCatalog();
  const groups = ["G0001", "G0002", "G0003", "G0004"].map((id) => ({
    id,
    stixId: `intrusion-set--${id}`,
    name: `Group ${id}`,
    aliases: [],
    summary: "",
    url: "",
  }));
  const uses: [string, string][] = [
    ["G0001", "T1001"],
    ["G0001", "T1002"],
    ["G0002", "S0001"],
    ["S0001", "T1002"],
    ["S0001", "T1003.001"],
    ["G0003", "T1001"],
  ];
  const usesBy = new Map<string, Set<string>>();
  for (const [a, b] of uses) usesBy.set(a, new Set([...(usesBy.get(a) ?? []), b]));
  return { ...real, groups, groupById: new Map(groups.map((g) => [g.id, g])), uses, usesBy };
}

describe("TTP overlap", () => {
  it("matches the hand-computed idf-weighted Jaccard, parent ids, software-mediated use, ties and flags", () => {
    // N = 3 (G0004 uses nothing); df: T1001 2, T1002 2, T1003 1; idf = ln((N+1)/(df+1)) + 1.
    const idf = { T1001: Math.log(4 / 3) + 1, T1002: Math.log(4 / 3) + 1, T1003: Math.log(2) + 1, T1004: Math.log(4) + 1 };
    const result = rankOverlap(["T1002", "T1003.001", "T1004"], { catalog: tinyCatalog() });
    expect(result.groupCount).toBe(3);
    expect(result.observed).toEqual(["T1002", "T1003", "T1004"]);
    const g2 = (idf.T1002 + idf.T1003) / (idf.T1002 + idf.T1003 + idf.T1004);
    const g1 = idf.T1002 / (idf.T1001 + idf.T1002 + idf.T1003 + idf.T1004);
    expect(result.groups).toEqual([
      { groupId: "G0002", name: "Group G0002", score: Math.round(g2 * 1000) / 1000, shared: ["T1002", "T1003"], nonDiagnostic: ["T1002"] },
      { groupId: "G0001", name: "Group G0001", score: Math.round(g1 * 1000) / 1000, shared: ["T1002"], nonDiagnostic: ["T1002"] },
    ]);
    expect(result.groups.map((g) => g.score)).toEqual([0.555, 0.193]);
  });

  it("breaks ties by group id and returns nothing for a case without techniques", () => {
    const tie = rankOverlap(["T1001"], { catalog: tinyCatalog() });
    // G0003 uses only T1001: score 1. G0001 uses T1001 and T1002: idf(T1001) / (idf(T1001) + idf(T1002)) = 0.5.
    expect(tie.groups.map((g) => [g.groupId, g.score])).toEqual([
      ["G0003", 1],
      ["G0001", 0.5],
    ]);
    // Two groups with the same behaviour tie; the lower id comes first.
    const twins = rankOverlap(["T1002"], {
      catalog: tinyCatalog(),
      techniquesByGroup: new Map([
        ["G0009", new Set(["T1002"])],
        ["G0005", new Set(["T1002"])],
      ]),
    });
    expect(twins.groups.map((g) => g.groupId)).toEqual(["G0005", "G0009"]);
    expect(rankOverlap([], { catalog: tinyCatalog() }).groups).toEqual([]);
  });

  it("ranks the real catalog: at most 10 rows, scores in (0, 1], sorted", () => {
    const { groups, groupCount } = rankOverlap(["T1486", "T1561.002", "T1078", "T1190"]);
    expect(groupCount).toBeGreaterThan(100);
    expect(groups.length).toBe(10);
    for (const [i, g] of groups.entries()) {
      expect(g.score).toBeGreaterThan(0);
      expect(g.score).toBeLessThanOrEqual(1);
      if (i > 0) expect(groups[i - 1].score).toBeGreaterThanOrEqual(g.score);
    }
    // T1059 (Command and Scripting Interpreter) is used by most documented groups: sharing it is not diagnostic.
    const withScripting = rankOverlap(["T1059.001", "T1486"]).groups;
    expect(withScripting.every((g) => !g.shared.includes("T1059") || g.nonDiagnostic.includes("T1059"))).toBe(true);
    expect(withScripting.some((g) => g.nonDiagnostic.includes("T1059"))).toBe(true);
    expect(groupTechniques().get("G0069")!.size).toBeGreaterThan(10);
  });
});

describe("ATT&CK catalog and technique search", () => {
  it("ships v18.1 with its tactics in matrix order and resolves groups, software and campaigns", () => {
    const c = attackCatalog();
    expect(c.tactics[0].shortname).toBe("reconnaissance");
    expect(c.tactics.at(-1)!.shortname).toBe("impact");
    expect(attackObject("C0038")).toMatchObject({ kind: "campaign", name: "HomeLand Justice" });
    expect(attackObject("G0034")).toMatchObject({ kind: "group", name: "Sandworm Team" });
    expect(attackObject("S0368")).toMatchObject({ kind: "software", name: "NotPetya" });
    expect(attackObject("X9999")).toBeNull();
    expect(parentTechniqueId("T1561.002")).toBe("T1561");
    expect(parentTechniqueId("T1486")).toBe("T1486");
  });

  it("finds techniques by id, id prefix, name words and summary words", () => {
    expect(searchTechniques("T1486")[0]).toMatchObject({ id: "T1486", name: "Data Encrypted for Impact" });
    expect(searchTechniques("t1561").map((t) => t.id)).toEqual(["T1561", "T1561.001", "T1561.002"]);
    expect(searchTechniques("data encrypted").map((t) => t.id)).toContain("T1486");
    expect(searchTechniques("ransom").map((t) => t.id)).toContain("T1486");
    expect(searchTechniques("disk wipe")[0].parentName).toBe(null);
    expect(searchTechniques("   ")).toEqual([]);
    expect(searchTechniques("zzzz no such thing")).toEqual([]);
  });
});
