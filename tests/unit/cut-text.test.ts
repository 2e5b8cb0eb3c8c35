import { describe, expect, it } from "vitest";
import { cutText } from "@/lib/text/cut-text";

describe("cutText", () => {
  it("cuts to the limit, but never between the two halves of an emoji", () => {
    expect(cutText("abcdef", 3)).toBe("abc");
    expect(cutText("abc", 3)).toBe("abc");
    expect(cutText("ab🙂cd", 3)).toBe("ab"); // the limit falls inside 🙂: it is left out whole
    expect(cutText("ab🙂cd", 4)).toBe("ab🙂");
    expect(cutText("🇦🇱🇦🇱", 5)).toBe("🇦🇱");
    for (let n = 0; n <= 12; n++) {
      const cut = cutText("x🙂y😀z日本", n);
      expect(cut.length).toBeLessThanOrEqual(n);
      expect(Buffer.from(cut, "utf8").toString("utf8")).toBe(cut); // no lone surrogate turned into U+FFFD
    }
  });
});
