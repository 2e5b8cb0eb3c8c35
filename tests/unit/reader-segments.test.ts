import { describe, expect, it } from "vitest";
import { buildSegments, offsetInSegment, segmentIndexAt, selectionToExcerpt, snapToCodePoints, type Segment } from "@/lib/reader/segments";
import { guessClaimKind, sourceConfidenceIn } from "@/lib/reader/claim-guess";

const text = "Rama: “same aggressors” — £0; Shqipëri, Kuçovë; وزارت اطلاعات denied 🇦🇱 it. 😀 end";
const at = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });
const pieces = (segs: Segment[]) => segs.map((s) => [text.slice(s.start, s.end), s.ids]);

describe("buildSegments", () => {
  it("covers the whole text once, in order, with no highlights", () => {
    expect(buildSegments({ length: text.length, highlights: [] })).toEqual([{ start: 0, end: text.length, ids: [] }]);
    expect(buildSegments({ length: 0, highlights: [] })).toEqual([]);
  });

  it("splits overlapping highlights so the shared part carries both ids", () => {
    const a = { id: "a", ...at("“same aggressors” — £0") };
    const b = { id: "b", ...at("£0; Shqipëri") };
    const segs = buildSegments({ length: text.length, highlights: [b, a] });
    expect(pieces(segs)).toEqual([
      ["Rama: ", []],
      ["“same aggressors” — ", ["a"]],
      ["£0", ["a", "b"]],
      ["; Shqipëri", ["b"]],
      [text.slice(at("; Shqipëri").end), []],
    ]);
  });

  it("keeps adjacent highlights apart (a closing edge comes before an opening one at the same offset)", () => {
    const a = { id: "a", ...at("Shqipëri") };
    const b = { id: "b", start: a.end, end: at("Shqipëri, Kuçovë").end };
    const segs = buildSegments({ length: text.length, highlights: [a, b] });
    expect(pieces(segs).slice(1, 3)).toEqual([
      ["Shqipëri", ["a"]],
      [", Kuçovë", ["b"]],
    ]);
    expect(segs.every((s, i) => i === 0 || s.start === segs[i - 1].end)).toBe(true);
  });

  it("handles nesting, identical ranges and one id given twice", () => {
    const outer = { id: "o", ...at("وزارت اطلاعات denied") };
    const inner = { id: "i", ...at("اطلاعات") };
    const twin = { id: "t", ...at("اطلاعات") };
    const again = { id: "o", ...at("denied") };
    const segs = buildSegments({ length: text.length, highlights: [outer, inner, twin, again] });
    const byText = Object.fromEntries(pieces(segs) as [string, string[]][]);
    expect(byText["وزارت "]).toEqual(["o"]);
    expect(byText["اطلاعات"]?.sort()).toEqual(["i", "o", "t"]);
    expect(byText[" "]).toEqual(["o"]);
    expect(byText["denied"]).toEqual(["o"]);
  });

  it("offsets after multi-byte text slice back to exactly the highlighted words", () => {
    for (const words of ["“same aggressors”", "—", "£0", "Kuçovë", "وزارت اطلاعات", "🇦🇱", "😀 end"]) {
      const h = { id: "x", ...at(words) };
      const seg = buildSegments({ length: text.length, highlights: [h] }).find((s) => s.ids.length)!;
      expect(text.slice(seg.start, seg.end)).toBe(words);
    }
  });

  it("clamps highlights beyond the text and drops empty ones", () => {
    const segs = buildSegments({
      length: 10,
      highlights: [
        { id: "a", start: 8, end: 99 },
        { id: "e", start: 3, end: 3 },
        { id: "n", start: -5, end: 2 },
      ],
    });
    expect(segs).toEqual([
      { start: 0, end: 2, ids: ["n"] },
      { start: 2, end: 8, ids: [] },
      { start: 8, end: 10, ids: ["a"] },
    ]);
  });

  it("is fast for a 1 MB text with 500 overlapping highlights", () => {
    const length = 1_000_000;
    const highlights = Array.from({ length: 500 }, (_, i) => ({
      id: `h${i}`,
      start: (i * 1997) % (length - 5000),
      end: ((i * 1997) % (length - 5000)) + 100 + (i % 7) * 600,
    }));
    const t0 = performance.now();
    const segs = buildSegments({ length, highlights });
    expect(performance.now() - t0).toBeLessThan(200);
    expect(segs[0].start).toBe(0);
    expect(segs.at(-1)!.end).toBe(length);
    expect(segs.length).toBeLessThanOrEqual(1001);
  });
});

describe("segmentIndexAt", () => {
  const segs = buildSegments({
    length: 30,
    highlights: [
      { id: "a", start: 5, end: 10 },
      { id: "b", start: 20, end: 25 },
    ],
  });
  it("finds the segment holding an offset", () => {
    expect(segs.map((s) => s.start)).toEqual([0, 5, 10, 20, 25]);
    expect(segmentIndexAt(segs, 0)).toBe(0);
    expect(segmentIndexAt(segs, 4)).toBe(0);
    expect(segmentIndexAt(segs, 5)).toBe(1);
    expect(segmentIndexAt(segs, 24)).toBe(3);
    expect(segmentIndexAt(segs, 30)).toBe(4);
  });
});

describe("selectionToExcerpt", () => {
  it("trims the whitespace a drag picks up and returns the exact slice", () => {
    const { start, end } = at(" Kuçovë;");
    expect(selectionToExcerpt({ text, start, end: end - 1 })).toEqual({ ...at("Kuçovë"), exact: "Kuçovë" });
  });

  it("accepts a backwards selection and refuses one that is only whitespace", () => {
    const r = at("وزارت اطلاعات");
    expect(selectionToExcerpt({ text, start: r.end, end: r.start })?.exact).toBe("وزارت اطلاعات");
    expect(selectionToExcerpt({ text, start: at(" ").start, end: at(" ").end })).toBeNull();
  });

  it("never splits an emoji's surrogate pair", () => {
    const emoji = at("😀");
    expect(emoji.end - emoji.start).toBe(2);
    const inside = emoji.start + 1;
    expect(snapToCodePoints({ text, start: inside, end: emoji.end + 4 })).toEqual({ start: emoji.start, end: emoji.end + 4 });
    expect(selectionToExcerpt({ text, start: emoji.start - 3, end: inside })).toEqual({
      start: emoji.start - 3,
      end: emoji.end,
      exact: text.slice(emoji.start - 3, emoji.end),
    });
    // The flag is two surrogate pairs: a cut between them is a code-point boundary and stays.
    const flag = at("🇦🇱");
    expect(snapToCodePoints({ text, start: flag.start + 2, end: flag.end })).toEqual({ start: flag.start + 2, end: flag.end });
  });
});

describe("offsetInSegment", () => {
  it("adds the DOM offset to the segment's start and clamps to the segment", () => {
    expect(offsetInSegment({ segmentStart: 40, segmentEnd: 50, domOffset: 3 })).toBe(43);
    expect(offsetInSegment({ segmentStart: 40, segmentEnd: 50, domOffset: 99 })).toBe(50);
  });
});

describe("claim guesses from the quote", () => {
  it("picks up the source's own confidence words", () => {
    expect(sourceConfidenceIn("Mandiant assesses with moderate confidence that the actor")).toBe("moderate confidence");
    expect(sourceConfidenceIn("We judge with HIGH  confidence")).toBe("HIGH confidence");
    expect(sourceConfidenceIn("low-confidence reporting")).toBe("low-confidence");
    expect(sourceConfidenceIn("confidence was high")).toBe("");
  });

  it("guesses denial, assessment or allegation", () => {
    expect(guessClaimKind("The embassy rejected the baseless accusations")).toBe("denial");
    expect(guessClaimKind("We assess with moderate confidence")).toBe("assessment");
    expect(guessClaimKind("Rama said Iran was behind it")).toBe("allegation");
  });
});
