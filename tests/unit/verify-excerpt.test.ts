import { describe, expect, it } from "vitest";
import { anchorExcerpt, CONTEXT_CHARS } from "@/lib/claims/verify-excerpt";
import { InvalidError } from "@/lib/errors";

const text = "Rama said the “same aggressors” struck again — £0 paid; Shqipëria e Kuçovës; وزارت اطلاعات denied it. 🇦🇱 end";
const at = (exact: string) => ({ start: text.indexOf(exact), end: text.indexOf(exact) + exact.length });
const doc = "00000000-0000-4000-8000-000000000000";

function issue(fn: () => unknown) {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(InvalidError);
    return (err as InvalidError).issues![0];
  }
  throw new Error("expected a refusal");
}

describe("anchorExcerpt", () => {
  it("accepts offsets after curly quotes, em dashes, £, Albanian and Persian letters, and keeps context", () => {
    for (const exact of ["“same aggressors”", "— £0 paid", "Shqipëria e Kuçovës", "وزارت اطلاعات denied"]) {
      const a = anchorExcerpt({ text, excerpt: { documentId: doc, ...at(exact), exact }, path: "excerpts.0" });
      expect(text.slice(a.start, a.end)).toBe(exact);
      expect(a.prefix).toBe(text.slice(Math.max(0, a.start - CONTEXT_CHARS), a.start));
      expect(a.suffix).toBe(text.slice(a.end, a.end + CONTEXT_CHARS));
    }
  });

  it("refuses a quote that does not match the text at those offsets, naming the field", () => {
    const { start, end } = at("same aggressors");
    expect(
      issue(() =>
        anchorExcerpt({ text, excerpt: { documentId: doc, start: start + 1, end: end + 1, exact: "same aggressors" }, path: "excerpts.2" }),
      ),
    ).toEqual({
      path: "excerpts.2.exact",
      message: "The quote does not match the document's text at that position.",
    });
  });

  it("refuses ranges outside the text, empty or reversed ranges and empty quotes", () => {
    expect(
      issue(() => anchorExcerpt({ text, excerpt: { documentId: doc, start: 0, end: text.length + 1, exact: "x" }, path: "e" })).path,
    ).toBe("e.start");
    expect(issue(() => anchorExcerpt({ text, excerpt: { documentId: doc, start: 5, end: 5, exact: "x" }, path: "e" })).path).toBe(
      "e.start",
    );
    expect(issue(() => anchorExcerpt({ text, excerpt: { documentId: doc, start: -1, end: 3, exact: "Ram" }, path: "e" })).path).toBe(
      "e.start",
    );
    expect(issue(() => anchorExcerpt({ text, excerpt: { documentId: doc, start: 0, end: 2, exact: "  " }, path: "e" })).message).toBe(
      "The quote is empty.",
    );
  });

  it("refuses a range that splits a surrogate pair (an emoji) in two", () => {
    const flag = text.indexOf("🇦🇱");
    expect(
      issue(() =>
        anchorExcerpt({
          text,
          excerpt: { documentId: doc, start: flag + 1, end: flag + 4, exact: text.slice(flag + 1, flag + 4) },
          path: "e",
        }),
      ).message,
    ).toBe("The range splits a character in two.");
    const whole = anchorExcerpt({ text, excerpt: { documentId: doc, start: flag, end: flag + 4, exact: "🇦🇱" }, path: "e" });
    expect(whole.exact).toBe("🇦🇱");
  });

  it("keeps whole characters in the context on either side when its edge falls inside an emoji", () => {
    const wellFormed = (x: string) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(x);
    for (let pad = 0; pad < 4; pad++) {
      // An emoji straddles the point CONTEXT_CHARS before the quote, then the one CONTEXT_CHARS after it.
      const before = "🙂".repeat(CONTEXT_CHARS) + "x".repeat(pad);
      const body = `${before}10.0.0.1${"y".repeat(pad)}${"🙂".repeat(CONTEXT_CHARS)}`;
      const start = before.length;
      const a = anchorExcerpt({ text: body, excerpt: { documentId: doc, start, end: start + 8, exact: "10.0.0.1" }, path: "e" });
      expect(wellFormed(a.prefix) && wellFormed(a.suffix), `pad ${pad}`).toBe(true);
      expect(body.slice(start - a.prefix.length, start + 8 + a.suffix.length)).toBe(a.prefix + "10.0.0.1" + a.suffix);
      expect(a.prefix.length).toBeGreaterThanOrEqual(CONTEXT_CHARS - 1);
      expect(a.suffix.length).toBeGreaterThanOrEqual(CONTEXT_CHARS - 1);
    }
  });

  it("finds a quote given without offsets when it occurs once, and refuses an ambiguous or absent one", () => {
    const a = anchorExcerpt({ text, excerpt: { documentId: doc, exact: "Kuçovës" }, path: "e" });
    expect(text.slice(a.start, a.end)).toBe("Kuçovës");
    expect(
      issue(() => anchorExcerpt({ text: "again and again", excerpt: { documentId: doc, exact: "again" }, path: "e" })).message,
    ).toMatch(/more than once/);
    expect(issue(() => anchorExcerpt({ text, excerpt: { documentId: doc, exact: "not there" }, path: "e" })).message).toMatch(
      /does not occur/,
    );
  });
});
