import { describe, expect, it } from "vitest";
import { matchSource, normaliseSourceName } from "@/lib/sources/match-source";

const sources = [
  { name: "Reuters" },
  { name: "Mandiant" },
  { name: "Albanian National Agency for Information Society" },
  { name: "BBC News" },
];

describe("matchSource", () => {
  it("normalises case, accents, punctuation, domains and company suffixes", () => {
    expect(normaliseSourceName("  The REUTERS, Inc. ")).toBe("reuters");
    expect(normaliseSourceName("https://www.reuters.com/world")).toBe("reuters");
    expect(normaliseSourceName("Shqipëria Ltd")).toBe("shqiperia");
  });

  it("suggests the registered source a typed publisher names, fuzzily", () => {
    expect(matchSource("reuters.com", sources)?.name).toBe("Reuters");
    expect(matchSource("Reuters News Agency", sources)?.name).toBe("Reuters");
    expect(matchSource("Reutres", sources)?.name).toBe("Reuters");
    expect(matchSource("Mandiant Inc.", sources)?.name).toBe("Mandiant");
    expect(matchSource("BBC", sources)?.name).toBe("BBC News");
    expect(matchSource("bbc news", sources)?.name).toBe("BBC News");
  });

  it("suggests nothing for an unrelated or too short publisher", () => {
    expect(matchSource("Associated Press", sources)).toBeNull();
    expect(matchSource("AP", sources)).toBeNull();
    expect(matchSource("", sources)).toBeNull();
  });
});
