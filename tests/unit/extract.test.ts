import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { extractFromHtml, extractText, parseDateLine, sanitizeHtml } from "@/lib/capture/extract";
import { InvalidError, UnsupportedMediaError } from "@/lib/errors";
import { JSDOM } from "../support/jsdom";

const SEEDS = path.resolve(__dirname, "../../../shared/seeds");
function seed(prefix: string): Buffer {
  const name = readdirSync(SEEDS).find((f) => f.startsWith(prefix) && f.endsWith(".txt"));
  if (!name) throw new Error(`seed ${prefix} missing`);
  return readFileSync(path.join(SEEDS, name));
}

/** Builds a one-page PDF by hand; offsets in the xref table are computed, not hard-coded. */
function makePdf(text: string | null): Uint8Array {
  const stream = text === null ? "" : `BT /F1 24 Tf 72 700 Td (${text.replace(/([()\\])/g, "\\$1")}) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    `<< /Length ${Buffer.byteLength(stream, "latin1")} >>\nstream\n${stream}\nendstream`,
  ];
  let pdf = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(pdf, "latin1"));
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, "latin1");
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("");
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(pdf, "latin1"));
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => null,
    (e: unknown) => e,
  );
}

describe("parseDateLine", () => {
  it("reads the leading ` date ` marker of seed 000 and keeps the lead sentence that shares its line", () => {
    const text = seed("000_").toString("utf8");
    expect(text.startsWith(" date 2022-09-20 ")).toBe(true);
    const { publishedAt, body } = parseDateLine(text);
    expect(publishedAt?.toISOString()).toBe("2022-09-20T00:00:00.000Z");
    expect(body).toBe(text.slice(" date 2022-09-20 ".length));
    expect(body.startsWith("LONDON: A suspected Iranian cyberattack")).toBe(true);
    expect(body).not.toMatch(/^\s*date\b/);
  });

  it("reads seed 003's date too", () => {
    const { publishedAt, body } = parseDateLine(seed("003_").toString("utf8"));
    expect(publishedAt?.toISOString()).toBe("2019-08-08T00:00:00.000Z");
    expect(body.startsWith("The UK Home Office")).toBe(true);
  });

  it("leaves seed 001 (no marker) unchanged", () => {
    const text = seed("001_").toString("utf8");
    expect(parseDateLine(text)).toEqual({ publishedAt: null, body: text });
  });

  it("removes a marker that is alone on its line, line break included", () => {
    expect(parseDateLine(" date 2022-09-20\nBody text.\n")).toEqual({ publishedAt: new Date(Date.UTC(2022, 8, 20)), body: "Body text.\n" });
    expect(parseDateLine(" date 2022-09-20   \r\nBody").body).toBe("Body");
  });

  it("does not accept impossible or malformed dates", () => {
    for (const text of [
      " date 2022-02-30 Body",
      " date 2022-13-01 Body",
      " date 2023-02-29 Body",
      " date 2022-09-2 Body",
      " date 2022-09-201 Body",
      "Body date 2022-09-20",
    ]) {
      expect(parseDateLine(text), text).toEqual({ publishedAt: null, body: text });
    }
    expect(parseDateLine(" date 2024-02-29 Leap").publishedAt?.toISOString()).toBe("2024-02-29T00:00:00.000Z");
  });
});

const ARTICLE = `<!doctype html>
<html><head>
  <title>Hackers hit Albania’s border system again – Example News</title>
  <meta property="og:site_name" content="Example News">
  <meta property="og:title" content="Hackers hit Albania’s border system again">
  <meta name="author" content="Jane Reporter">
  <meta property="article:published_time" content="2022-09-20T08:00:00Z">
  <script>document.title = "EXECUTED"; document.addEventListener("DOMContentLoaded", () => { document.body.innerHTML = "EXECUTED"; });</script>
  <style>p { color: red }</style>
</head><body>
  <nav><a href="/">Home</a> <a href="/world">World</a></nav>
  <article>
    <h1>Hackers hit Albania’s border system again</h1>
    <p>Albania’s government said on Tuesday that a second cyberattack, attributed to the same aggressors, took its border system offline. Officials called it “a serious attack” on the state.</p>
    <p>The Iranian embassy rejected the accusations as baseless. Investigators said the intrusion had begun more than a year earlier, well before the first public sign of trouble in July.</p>
    <p>Analysts quoted by the Telegraph put the cost at more than £1m — a figure the government did not confirm. The talks about migration were reported in the same story.</p>
    <img src="https://tracker.example/pixel.gif" onerror="alert(1)">
  </article>
  <footer>Leave a Comment</footer>
</body></html>`;

describe("extractFromHtml", () => {
  it("returns plain article text in paragraphs plus metadata, without running scripts", async () => {
    const result = await extractFromHtml(ARTICLE, { baseUrl: "https://news.example/world/albania" });
    expect(result.title).toBe("Hackers hit Albania’s border system again");
    expect(result.siteName).toBe("Example News");
    expect(result.byline).toBe("Jane Reporter");
    expect(result.publishedTime).toBe("2022-09-20T08:00:00Z");
    expect(result.text).not.toMatch(/[<>]/);
    expect(result.text).not.toContain("EXECUTED");
    expect(result.text).not.toContain("color: red");
    const paragraphs = result.text.split("\n\n");
    expect(paragraphs).toContain(
      "Albania’s government said on Tuesday that a second cyberattack, attributed to the same aggressors, took its border system offline. Officials called it “a serious attack” on the state.",
    );
    expect(paragraphs.some((p) => p.includes("£1m — a figure"))).toBe(true);
    expect(result.text).not.toContain("\n\n\n");
  });

  it("falls back to the body text when there is no article", async () => {
    const result = await extractFromHtml(
      "<html><body><div>Short note.</div><div>Second <b>line</b>.</div><script>1</script></body></html>",
    );
    expect(result.text).toContain("Short note.");
    expect(result.text).toContain("Second line.");
    expect(result.text).not.toMatch(/[<>]/);
  });
});

/** Parses sanitised output the way a browser with scripting on would, and checks nothing active is left. */
function expectInert(html: string) {
  for (const options of [undefined, { runScripts: "outside-only" as const }]) {
    const dom = new JSDOM(`<!doctype html><body>${html}</body>`, options);
    const elements = Array.from(dom.window.document.body.querySelectorAll("*"));
    for (const el of elements) {
      expect([
        "SCRIPT",
        "IFRAME",
        "SVG",
        "MATH",
        "STYLE",
        "FORM",
        "IMG",
        "OBJECT",
        "EMBED",
        "NOSCRIPT",
        "LINK",
        "META",
        "BASE",
      ]).not.toContain(el.tagName.toUpperCase());
      for (const attr of Array.from(el.attributes)) {
        expect(attr.name.toLowerCase().startsWith("on"), `${el.tagName} ${attr.name}`).toBe(false);
        expect(attr.name.toLowerCase()).not.toBe("style");
        expect(attr.value.replace(/[\s\u0000-\u001f]/g, "").toLowerCase()).not.toMatch(/^(javascript|vbscript|data):/);
      }
    }
    dom.window.close();
  }
}

describe("sanitizeHtml", () => {
  const payloads = [
    `<script>alert(1)</script><p>text</p>`,
    `<img src=x onerror=alert(1)>`,
    `<a href="javascript:alert(1)">click</a>`,
    `<a href="  JaVaScRiPt:alert(1)">click</a>`,
    `<a href="java&#x09;script:alert(1)">click</a>`,
    `<svg onload=alert(1)><circle r="5"/></svg>`,
    `<div style="background:url(javascript:alert(1)); width: expression(alert(1))">styled</div>`,
    `<style>body{background:url("javascript:alert(1)")}</style>`,
    `<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>`,
    `<iframe src="https://evil.example"></iframe>`,
    `<form action="https://evil.example"><input name=q><button formaction="javascript:alert(1)">go</button></form>`,
    `<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>`,
    `<a href="data:text/html,<script>alert(1)</script>">data</a>`,
    `<p onclick="alert(1)" onmouseover="alert(2)">hover</p>`,
  ];
  for (const payload of payloads) {
    it(`neutralises ${payload.slice(0, 60)}`, () => {
      const out = sanitizeHtml(payload);
      expect(out).not.toMatch(/<script|<svg|<iframe|<style|<form|<img|javascript:/i);
      expectInert(out);
    });
  }

  it("keeps ordinary formatting and safe links", () => {
    const out = sanitizeHtml(
      `<p>Hello <strong>world</strong> <a href="https://example.org/x?a=1">link</a> <a href="/relative">rel</a></p>`,
    );
    expect(out).toBe(`<p>Hello <strong>world</strong> <a href="https://example.org/x?a=1">link</a> <a href="/relative">rel</a></p>`);
  });
});

const SPECIAL = "“curly” — £ ë ç فارسی";

describe("extractText", () => {
  it("reads a .txt upload byte-for-byte, special characters included", async () => {
    const bytes = Buffer.from(`${SPECIAL}\nsecond line\n`, "utf8");
    const result = await extractText({ bytes, fileName: "note.TXT", declaredType: "text/plain" });
    expect(result).toEqual({
      text: `${SPECIAL}\nsecond line\n`,
      mimeType: "text/plain",
      kind: "text",
      title: null,
      byline: null,
      publishedTime: null,
      siteName: null,
    });
    expect(Buffer.from(result.text, "utf8").equals(bytes)).toBe(true);
  });

  it("keeps a seed file's bytes exactly", async () => {
    for (const prefix of ["000_", "001_", "002_", "003_", "004_"]) {
      const bytes = seed(prefix);
      const { text } = await extractText({ bytes, fileName: `${prefix}.txt` });
      expect(Buffer.from(text, "utf8").equals(bytes), prefix).toBe(true);
    }
  });

  it("normalises line endings and NFC, strips a BOM, and changes nothing else", async () => {
    const decomposed = "e\u0308 c\u0327"; // ë ç as combining sequences
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${decomposed}\r\n“x”\r— £\n`, "utf8")]);
    const { text } = await extractText({ bytes, fileName: "a.txt" });
    expect(text).toBe("ë ç\n“x”\n— £\n");
  });

  it("reads markdown as-is", async () => {
    const md = `# Title\n\n- item with **bold** and ${SPECIAL}\n`;
    const result = await extractText({ bytes: Buffer.from(md), fileName: "notes.md" });
    expect(result).toEqual({
      text: md,
      mimeType: "text/markdown",
      kind: "markdown",
      title: null,
      byline: null,
      publishedTime: null,
      siteName: null,
    });
  });

  it("reads an .html upload as plain text", async () => {
    const result = await extractText({ bytes: Buffer.from(ARTICLE), fileName: "page.htm" });
    expect(result.kind).toBe("html");
    expect(result.mimeType).toBe("text/html");
    expect(result.title).toBe("Hackers hit Albania’s border system again");
    expect(result.text).toContain("£1m — a figure");
    expect(result.text).not.toMatch(/<|EXECUTED/);
  });

  it("falls back to the declared type when the name has no extension", async () => {
    const result = await extractText({ bytes: Buffer.from("plain"), fileName: "README", declaredType: "text/plain; charset=utf-8" });
    expect(result.kind).toBe("text");
  });

  it("refuses binary content and unsupported types with 415", async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    const cases: { bytes: Uint8Array; fileName: string; message: RegExp }[] = [
      { bytes: png, fileName: "photo.txt", message: /PNG image/ },
      { bytes: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x41]), fileName: "a.md", message: /JPEG/ },
      { bytes: Buffer.from("GIF89a......"), fileName: "a.txt", message: /GIF/ },
      { bytes: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14]), fileName: "doc.html", message: /ZIP/ },
      { bytes: Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02]), fileName: "run.txt", message: /ELF/ },
      { bytes: makePdf("Hello"), fileName: "paper.txt", message: /PDF/ },
      { bytes: Buffer.from([0x41, 0x00, 0x42]), fileName: "nul.txt", message: /NUL/ },
      { bytes: Buffer.from([0x48, 0x69, 0xc3, 0x28]), fileName: "latin.txt", message: /not valid UTF-8/ },
      { bytes: Buffer.from("caf\xe9", "latin1"), fileName: "latin1.txt", message: /not valid UTF-8/ },
      { bytes: Buffer.from("hello"), fileName: "paper.pdf", message: /not a PDF/ },
      { bytes: Buffer.from("hello"), fileName: "run.exe", message: /\.exe files are not supported/ },
      { bytes: Buffer.from("hello"), fileName: "noext", message: /not supported/ },
    ];
    for (const c of cases) {
      const error = await rejection(extractText({ bytes: c.bytes, fileName: c.fileName }));
      expect(error, c.fileName).toBeInstanceOf(UnsupportedMediaError);
      expect((error as UnsupportedMediaError).status).toBe(415);
      expect((error as UnsupportedMediaError).message).toMatch(c.message);
    }
  });

  it("extracts the text of a hand-built PDF", async () => {
    const result = await extractText({
      bytes: makePdf("Albania cyberattack (TIMS) report"),
      fileName: "report.pdf",
      declaredType: "application/pdf",
    });
    expect(result.kind).toBe("pdf");
    expect(result.mimeType).toBe("application/pdf");
    expect(result.text).toContain("Albania cyberattack (TIMS) report");
  });

  it("refuses a PDF without extractable text, and a damaged one, with 422", async () => {
    const empty = await rejection(extractText({ bytes: makePdf(null), fileName: "scan.pdf" }));
    expect(empty).toBeInstanceOf(InvalidError);
    expect((empty as InvalidError).message).toBe("This PDF has no extractable text (scanned image?)");
    const damaged = await rejection(extractText({ bytes: Buffer.from("%PDF-1.4\nnot really a pdf"), fileName: "broken.pdf" }));
    expect(damaged).toBeInstanceOf(InvalidError);
  });

  it("refuses empty files and files with only whitespace with 422", async () => {
    for (const bytes of [Buffer.alloc(0), Buffer.from(" \n\r\n\t ")]) {
      const error = await rejection(extractText({ bytes, fileName: "blank.txt" }));
      expect(error).toBeInstanceOf(InvalidError);
      expect((error as InvalidError).status).toBe(422);
    }
    const html = await rejection(
      extractText({ bytes: Buffer.from("<html><body><script>x()</script></body></html>"), fileName: "empty.html" }),
    );
    expect(html).toBeInstanceOf(InvalidError);
  });
});
