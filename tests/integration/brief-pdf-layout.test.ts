// The PDF brief read back with poppler's pdftotext: the sources appendix prints every cited document's
// SHA-256 whole (it used to run off the page), no word lies outside the page, and a long table repeats
// its header on every page it spans.
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedDemo } from "../../scripts/lib/demo-seed";
import { composeBrief } from "@/lib/briefs/compose-brief";
import type { BriefModel } from "@/lib/briefs/brief-types";

type Word = { page: number; xMin: number; yMin: number; xMax: number; yMax: number; text: string };
type Layout = { pages: { width: number; height: number }[]; words: Word[] };

const dir = mkdtempSync(path.join(tmpdir(), "casefile-pdf-"));
let n = 0;
function writePdf(pdf: Buffer) {
  const file = path.join(dir, `brief-${n++}.pdf`);
  writeFileSync(file, pdf);
  return file;
}
/** Every word with its box, from `pdftotext -bbox-layout` (XHTML with page sizes and word coordinates). */
function layout(pdf: Buffer): Layout {
  const html = execFileSync("pdftotext", ["-bbox-layout", writePdf(pdf), "-"], { encoding: "utf8", maxBuffer: 64 << 20 });
  const pages: Layout["pages"] = [];
  const words: Word[] = [];
  const unescape = (t: string) =>
    t
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, "&");
  for (const [, attrs, body] of html.matchAll(/<page ([^>]*)>([\s\S]*?)<\/page>/g)) {
    pages.push({ width: Number(/width="([\d.]+)"/.exec(attrs)![1]), height: Number(/height="([\d.]+)"/.exec(attrs)![1]) });
    for (const [, x0, y0, x1, y1, t] of body.matchAll(
      /<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/g,
    ))
      words.push({ page: pages.length - 1, xMin: +x0, yMin: +y0, xMax: +x1, yMax: +y1, text: unescape(t) });
  }
  return { pages, words };
}
/**
 * The text in drawing order (`-raw`: a table cell's lines stay together instead of interleaving with the
 * cells beside them), with all whitespace removed, so a hash wrapped over lines still reads as one string.
 */
const squeezed = (pdf: Buffer) =>
  execFileSync("pdftotext", ["-raw", writePdf(pdf), "-"], { encoding: "utf8", maxBuffer: 64 << 20 }).replace(/\s+/g, "");

function outsidePage({ pages, words }: Layout) {
  return words.filter((w) => {
    const p = pages[w.page];
    return w.xMin < 0 || w.yMin < 0 || w.xMax > p.width + 0.5 || w.yMax > p.height + 0.5;
  });
}

/** Pairs of words on one page whose boxes overlap by more than a point each way (text printed over text). */
function overlapping({ words }: Layout) {
  const pairs: string[] = [];
  for (let i = 0; i < words.length; i++)
    for (let j = i + 1; j < words.length; j++) {
      const [a, b] = [words[i], words[j]];
      if (a.page !== b.page) continue;
      const dx = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
      const dy = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
      if (dx > 1 && dy > 1) pairs.push(`${a.text} / ${b.text} (page ${a.page + 1})`);
    }
  return pairs;
}

let base: BriefModel;
beforeAll(async () => {
  await seedDemo({ log: () => {} });
  const c = await db.case.findFirstOrThrow({ where: { title: "2022 Albania government cyberattacks" } });
  base = await composeBrief({ access: { caseId: c.id, role: "owner" } });
}, 120_000);

describe("PDF layout (pdftotext)", () => {
  it("prints every cited document's full SHA-256 and URL, and no word outside the page", async () => {
    const { renderPdf } = await import("@/lib/briefs/render-pdf");
    expect(base.sources.length).toBeGreaterThan(0);
    const pdf = await renderPdf(base);
    const text = squeezed(pdf);
    for (const s of base.sources) {
      expect(s.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(text.includes(s.sha256), `SHA-256 of ${s.title}`).toBe(true);
      if (s.url) expect(text.includes(s.url), `URL of ${s.title}`).toBe(true);
    }
    const words = layout(pdf);
    expect(outsidePage(words)).toEqual([]);
    expect(overlapping(words)).toEqual([]);
  }, 60_000);

  it.each([true, false])(
    "keeps the title clear of the line under it, even when the title wraps (draft: %s)",
    async (draft) => {
      const { renderPdf } = await import("@/lib/briefs/render-pdf");
      const title = "A very long case title about the 2022 Albania government cyberattacks and everything that followed Zyqfar";
      const page = layout(await renderPdf({ ...base, draft, case: { ...base.case, title } }));
      // Released briefs repeat the title in the running head, beside the TLP label: neither covers the other.
      expect(overlapping(page)).toEqual([]);
      const { words } = page;
      const firstPage = words.filter((w) => w.page === 0);
      const titleWords = firstPage.filter((w) => w.text === "Zyqfar");
      const meta = firstPage.find((w) => w.text === "Case" && firstPage.some((v) => v.text === "brief," && Math.abs(v.yMin - w.yMin) < 1))!;
      expect(titleWords.length).toBeGreaterThan(0);
      expect(meta).toBeDefined();
      for (const w of titleWords) expect(w.yMax).toBeLessThanOrEqual(meta.yMin);
    },
    60_000,
  );

  it("breaks a long sources table across pages, repeating its header, with every hash whole and nothing off the page", async () => {
    const { renderPdf } = await import("@/lib/briefs/render-pdf");
    const hex = (i: number) => (i.toString(16).padStart(4, "0") + "ab12cd34ef56").repeat(4).slice(0, 64);
    const sources = Array.from({ length: 80 }, (_, i) => ({
      ...base.sources[0],
      documentId: `d${i}`,
      title: `Document ${i} with a fairly long title that wraps`,
      url: `https://example.org/reports/2022/${i}/a-very-long-path-segment-that-does-not-fit-in-a-narrow-column?query=${"x".repeat(40)}`,
      sha256: hex(i),
    }));
    const pdf = await renderPdf({ ...base, sections: ["sources"], footnotes: [], sources });
    const text = squeezed(pdf);
    for (const s of sources) {
      expect(text.includes(s.sha256), `SHA-256 of ${s.title}`).toBe(true);
      expect(text.includes(s.url), `URL of ${s.title}`).toBe(true);
    }
    const { pages, words } = layout(pdf);
    expect(outsidePage({ pages, words })).toEqual([]);
    const pagesWithHeader = new Set(words.filter((w) => w.text === "Reliability").map((w) => w.page));
    const pagesWithRows = new Set(words.filter((w) => w.text === "fairly").map((w) => w.page));
    expect(pagesWithRows.size).toBeGreaterThan(1);
    for (const p of pagesWithRows) expect(pagesWithHeader.has(p)).toBe(true);
  }, 120_000);
});
