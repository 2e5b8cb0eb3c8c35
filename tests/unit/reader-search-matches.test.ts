import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { foldText, MAX_SEARCH_MATCHES, parseSearchTerms, searchMatches, type TextRange } from "@/lib/reader/search-matches";
import { readerSearchQuery } from "@/lib/reader/reader-search-query";

const TEXT = [
  "Prime Minister Edi Rama said the “same aggressors” struck again — the attack was the second.",
  "Servers in Shqipëri and Kuçovë were wiped; officials named وزارت اطلاعات as the sponsor 🇦🇱.",
  "The attacks continued: attacked, ATTACKING, counterattack 😀 Attack.",
].join("\n");
const words = (text: string, ranges: TextRange[]) => ranges.map((r) => text.slice(r.start, r.end));
const hit = (text: string, q: string) => words(text, searchMatches(text, q));

describe("searchMatches", () => {
  it("finds a word's forms at word starts, in any case, but not inside other words", () => {
    expect(hit(TEXT, "attack")).toEqual(["attack", "attacks", "attacked", "ATTACKING", "Attack"]);
    // "attacked" is stemmed to "attack" before matching, as full-text search would.
    expect(hit(TEXT, "attacked")).toEqual(hit(TEXT, "attack"));
    expect(hit(TEXT, "aggressor")).toEqual(["aggressors"]);
  });

  it("matches a quoted phrase as a phrase, across any whitespace and punctuation", () => {
    expect(hit(TEXT, '"same aggressors"')).toEqual(["same aggressors"]);
    expect(hit("the same\n\n  aggressors; same, aggressors", '"same aggressors"')).toEqual(["same\n\n  aggressors", "same, aggressors"]);
    expect(hit(TEXT, '"aggressors same"')).toEqual([]);
    // An unclosed quote runs to the end of the query, as in the search box.
    expect(hit(TEXT, '"same aggressors')).toEqual(["same aggressors"]);
  });

  it("ignores accents and Arabic/Persian letter variants, and never cuts astral characters", () => {
    expect(hit(TEXT, "Shqiperi kucove")).toEqual(["Shqipëri", "Kuçovë"]);
    expect(hit(TEXT, "KUÇOVË")).toEqual(["Kuçovë"]);
    // Arabic yeh and kaf are the Persian letters' look-alikes; both spellings find each other.
    expect(hit(TEXT, "وزارت اطلاعات")).toEqual(["وزارت", "اطلاعات"]);
    expect(hit("وزارت اطلاعات ايران", "ایران")).toEqual(["ايران"]);
    // A decomposed "ë" (e + combining diaeresis) is found whole, mark included.
    expect(hit("Shqipe\u0308ri", "shqiperi")).toEqual(["Shqipe\u0308ri"]);
    const astral = "𝐀𝐏𝐓 \u{20000}\u{20001} end";
    expect(hit(astral, "\u{20000}\u{20001}")).toEqual(["\u{20000}\u{20001}"]);
    expect(hit(astral, "end")).toEqual(["end"]);
    expect(hit(astral, "apt")).toEqual(["𝐀𝐏𝐓"]);
  });

  it("follows the search syntax: OR, -excluded words and phrases, stop words", () => {
    expect(hit(TEXT, "aggressors OR sponsor")).toEqual(["aggressors", "sponsor"]);
    expect(hit(TEXT, "attack -attacks")).toEqual(hit(TEXT, "attack"));
    expect(hit(TEXT, "sponsor -attack")).toEqual(["sponsor"]);
    expect(hit(TEXT, 'sponsor -"same aggressors"')).toEqual(["sponsor"]);
    // "the" and "of" alone are not highlighted; inside a phrase they are.
    expect(hit(TEXT, "the sponsor of")).toEqual(["sponsor"]);
    expect(hit(TEXT, '"the sponsor"')).toEqual(["the sponsor"]);
    // ...unless the query has nothing else.
    expect(hit("The end of the day", "the")).toEqual(["The", "the"]);
    // Inner punctuation makes a phrase of the parts.
    expect(hit("a state-sponsored group; state sponsored", "state-sponsored")).toEqual(["state-sponsored", "state sponsored"]);
  });

  it("short words, numbers and codes match whole words only", () => {
    expect(hit("US, USA and us; 2022 and 20221", "us 2022")).toEqual(["US", "us", "2022"]);
    expect(hit("APT34 and APT345", "apt34")).toEqual(["APT34"]);
  });

  it("merges overlapping matches and returns nothing for empty or word-less queries", () => {
    expect(hit(TEXT, '"same aggressors" aggressors')).toEqual(["same aggressors"]);
    expect(searchMatches(TEXT, "")).toEqual([]);
    expect(searchMatches(TEXT, '  -  " " OR 😀 —')).toEqual([]);
    expect(searchMatches("", "attack")).toEqual([]);
  });

  it("stops at the cap, keeping the first matches in the text", () => {
    const long = "attack sponsor ".repeat(3000);
    const ranges = searchMatches(long, "attack sponsor");
    expect(ranges).toHaveLength(MAX_SEARCH_MATCHES);
    expect(ranges[0]).toEqual({ start: 0, end: 6 });
    expect(ranges[1]).toEqual({ start: 7, end: 14 });
    expect(searchMatches(long, "attack", 3)).toEqual([
      { start: 0, end: 6 },
      { start: 15, end: 21 },
      { start: 30, end: 36 },
    ]);
  });

  it("stays fast on a 1 MB document", () => {
    const big = `${TEXT}\n`.repeat(Math.ceil(1_000_000 / TEXT.length));
    const t0 = performance.now();
    const ranges = searchMatches(big, 'attack "same aggressors" Kuçovë -sponsor');
    expect(ranges).toHaveLength(MAX_SEARCH_MATCHES);
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  // Text from pieces that trip up offset arithmetic: curly quotes, dashes, accents (composed and not),
  // Persian, emoji and flags (surrogate pairs), combining marks, newlines.
  const piece = fc.constantFrom(
    "attack",
    "Attacks",
    "attacked",
    "counterattack",
    "the",
    "same",
    "aggressors",
    "Shqipëri",
    "Kuçovë",
    "Shqipe\u0308ri",
    "وزارت",
    "اطلاعات",
    "ايران",
    "ی",
    "😀",
    "🇦🇱",
    "\u{20000}",
    "“",
    "”",
    "—",
    "-",
    "'",
    " ",
    " ",
    "\n",
    ".",
    "e\u0301",
    "\u200c",
  );
  const text = fc.array(piece, { maxLength: 40 }).map((p) => p.join(""));
  const query = fc
    .array(fc.constantFrom("attack", "aggressors", "same", "the", "shqiperi", "kuçovë", "وزارت", "ایران", "😀", '"', "-", "OR", " ", "e"), {
      maxLength: 6,
    })
    .map((p) => p.join(" "));
  const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
  const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
  const splitsPair = (t: string, at: number) => at > 0 && at < t.length && isHigh(t.charCodeAt(at - 1)) && isLow(t.charCodeAt(at));

  it("property: ranges are sorted, disjoint, inside the text, whole code points, and each holds a query term", () => {
    fc.assert(
      fc.property(text, query, (t, q) => {
        const ranges = searchMatches(t, q);
        const stems = parseSearchTerms(q).map((term) => term[0].stem);
        ranges.forEach((r, i) => {
          expect(r.start).toBeGreaterThanOrEqual(0);
          expect(r.end).toBeLessThanOrEqual(t.length);
          expect(r.end).toBeGreaterThan(r.start);
          if (i > 0) expect(r.start).toBeGreaterThanOrEqual(ranges[i - 1].end);
          expect(splitsPair(t, r.start) || splitsPair(t, r.end)).toBe(false);
          // Case- and accent-insensitively, the highlighted text starts with one of the terms.
          const folded = foldText(t.slice(r.start, r.end)).folded;
          expect(stems.some((s) => folded.startsWith(s))).toBe(true);
        });
      }),
      { numRuns: 500 },
    );
  });

  it("property: every occurrence of a plain word at a word start is found", () => {
    fc.assert(
      fc.property(text, (t) => {
        const found = words(t, searchMatches(t, "aggressors"));
        // Folding drops combining marks and ZWNJ, so a word right after one continues the word before.
        const bare = t.replace(/[\p{M}\u200c]/gu, "");
        expect(found.length).toBe(bare.match(/(?<![\p{L}\p{N}])aggressors/gu)?.length ?? 0);
      }),
      { numRuns: 300 },
    );
  });
});

describe("readerSearchQuery", () => {
  it("keeps a plausible query, trimmed", () => {
    expect(readerSearchQuery('  "same aggressors" ')).toBe('"same aggressors"');
    expect(readerSearchQuery("وزارت اطلاعات")).toBe("وزارت اطلاعات");
  });

  it("ignores anything else instead of failing", () => {
    for (const bad of [undefined, null, "", "   ", "x".repeat(5000), ["a", "b"], 42, "\u0000<script>", "a\u0007b"]) {
      expect(readerSearchQuery(bad)).toBeNull();
    }
  });
});
