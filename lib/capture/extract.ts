import "server-only";
import { Readability } from "@mozilla/readability";
import DOMPurify, { type Config } from "isomorphic-dompurify";
// jsdom ships no type declarations and @types/jsdom is not installed; the namespace is narrowed to
// the small JsdomModule shape below instead of leaking an implicit any.
// @ts-expect-error -- untyped module, see above
import * as jsdomModule from "jsdom";
import { extractText as extractPdfText } from "unpdf";
import { InvalidError, UnsupportedMediaError } from "@/lib/errors";

// Turns bytes we received (an upload or a fetched page) into the plain text a Document stores.
// That text is what quotes are anchored to, so it is normalised only in ways that cannot change
// what a reader sees: line endings to \n and Unicode to NFC. Nothing else is rewritten.

type JsdomWindow = { document: Document; close(): void };
type JsdomModule = { JSDOM: new (html: string, options?: { url?: string; contentType?: string }) => { window: JsdomWindow } };
const { JSDOM } = jsdomModule as unknown as JsdomModule;

export type DocumentKind = "text" | "html" | "markdown" | "pdf";

export type HtmlExtract = {
  title: string | null;
  byline: string | null;
  siteName: string | null;
  publishedTime: string | null;
  text: string;
};

export type ExtractedText = { text: string; mimeType: string; kind: DocumentKind; title: string | null };

/** \r\n and lone \r become \n, then NFC, so the same text always has the same bytes and hash. */
export function normaliseText(text: string): string {
  return text.replace(/\r\n?/g, "\n").normalize("NFC");
}

// " date 2022-09-20 LONDON: ..." as captured by the scraper that produced the seed files: the marker
// sits at the start of the first line and the article's lead sentence follows on the same line.
const DATE_LINE = /^\uFEFF?[ \t]*date[ \t]+(\d{4})-(\d{2})-(\d{2})(?=[ \t\n\r]|$)/i;

/**
 * Reads a leading ` date YYYY-MM-DD` marker. The marker (and the line, if nothing else is on it) is
 * removed from the body; when the lead sentence shares the line, that sentence is kept, because it is
 * article text that quotes may cite. An impossible date (2022-02-30) leaves the text untouched.
 */
export function parseDateLine(text: string): { publishedAt: Date | null; body: string } {
  const match = DATE_LINE.exec(text);
  if (!match) return { publishedAt: null, body: text };
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const publishedAt = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 2022-02-30 over to March; a round trip that changes the parts means invalid.
  if (publishedAt.getUTCFullYear() !== year || publishedAt.getUTCMonth() !== month - 1 || publishedAt.getUTCDate() !== day) {
    return { publishedAt: null, body: text };
  }
  let rest = text.slice(match[0].length);
  const restOfLine = /^[ \t]*(\r\n|\n|\r|$)/.exec(rest);
  rest = restOfLine ? rest.slice(restOfLine[0].length) : rest.replace(/^[ \t]+/, "");
  return { publishedAt, body: rest };
}

// Strict profile for any formatted view of captured pages. An allowlist, so tags DOMPurify would
// normally permit but we have not thought about are dropped (fails closed). No images or media:
// loading them would make the analyst's browser contact the source, which can tip off its owner.
const SANITIZE_CONFIG: Config = {
  ALLOWED_TAGS: [
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "dd", "del", "div", "dl", "dt", "em",
    "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "ins", "li", "mark", "ol", "p",
    "pre", "q", "s", "small", "span", "strong", "sub", "sup", "table", "tbody", "td", "tfoot", "th",
    "thead", "time", "tr", "u", "ul",
  ],
  ALLOWED_ATTR: ["href", "title", "colspan", "rowspan", "datetime", "lang", "dir"],
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  // Only web and mail links, or relative/fragment links; javascript:, data:, vbscript: never match.
  ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
  FORBID_TAGS: ["style", "script", "svg", "math", "form", "iframe", "noscript", "template", "object", "embed"],
  FORBID_ATTR: ["style", "srcset", "action", "formaction"],
  KEEP_CONTENT: true,
  WHOLE_DOCUMENT: false,
  RETURN_TRUSTED_TYPE: false,
};

/** HTML safe to render: no scripts, handlers, javascript: URLs, styles, SVG/MathML, forms, frames or media. */
export function sanitizeHtml(html: string): string {
  return String(DOMPurify.sanitize(html, SANITIZE_CONFIG));
}

const BLOCK_TAGS = new Set([
  "ADDRESS", "ARTICLE", "ASIDE", "BLOCKQUOTE", "CAPTION", "DD", "DETAILS", "DIV", "DL", "DT", "FIGCAPTION", "FIGURE",
  "FOOTER", "H1", "H2", "H3", "H4", "H5", "H6", "HEADER", "HR", "LI", "MAIN", "NAV", "OL", "P", "PRE", "SECTION",
  "SUMMARY", "TABLE", "TBODY", "TFOOT", "THEAD", "TR", "UL",
]);
const SKIPPED_TAGS = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "SVG", "MATH", "IFRAME", "OBJECT", "EMBED", "HEAD", "TITLE", "BUTTON", "SELECT", "TEXTAREA"]);

/** Plain text of a DOM subtree: one paragraph per block element, paragraphs separated by a blank line. */
function domToText(root: Node): string {
  const paragraphs: string[] = [];
  let current = "";
  const flush = () => {
    const lines = current.split("\n").map((line) => line.replace(/[ \t\f\v\u00a0]+/g, " ").trim());
    const paragraph = lines.filter((line, i) => line || (i > 0 && i < lines.length - 1)).join("\n").trim();
    if (paragraph) paragraphs.push(paragraph);
    current = "";
  };
  const walk = (node: Node, inPre: boolean) => {
    if (node.nodeType === 3) {
      const value = node.nodeValue ?? "";
      current += inPre ? value : value.replace(/\s+/g, " ");
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const tag = node.nodeType === 1 ? (node as Element).tagName.toUpperCase() : "";
    if (SKIPPED_TAGS.has(tag)) return;
    if (tag === "BR") {
      current += "\n";
      return;
    }
    const block = BLOCK_TAGS.has(tag);
    if (block) flush();
    if (tag === "TD" || tag === "TH") current += current && !current.endsWith(" ") ? " " : "";
    for (const child of Array.from(node.childNodes)) walk(child, inPre || tag === "PRE");
    if (block) flush();
  };
  walk(root, false);
  flush();
  return paragraphs.join("\n\n");
}

function nonEmpty(value: string | null | undefined): string | null {
  const trimmed = value?.replace(/\s+/g, " ").trim();
  return trimmed ? trimmed : null;
}

function safeBaseUrl(baseUrl: string | undefined): string | undefined {
  if (!baseUrl) return undefined;
  try {
    const url = new URL(baseUrl);
    return url.protocol === "http:" || url.protocol === "https:" ? url.toString() : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Main article text of a page. jsdom is used without runScripts or resource loading, so the page's
 * scripts never run and nothing it references is fetched. Returns plain text only.
 */
export function extractFromHtml(html: string, baseUrl?: string): HtmlExtract {
  const dom = new JSDOM(html, { url: safeBaseUrl(baseUrl), contentType: "text/html" });
  const { document } = dom.window;
  try {
    const pageTitle = nonEmpty(document.title);
    const metaPublished = nonEmpty(
      document.querySelector('meta[property="article:published_time"], meta[name="article:published_time"], meta[itemprop="datePublished"]')?.getAttribute("content"),
    );
    // Readability mutates the document it reads; give it a clone so the fallback still has the original.
    const article = new Readability(document.cloneNode(true) as Document).parse();
    let text = "";
    if (article?.content) {
      // Readability's content is HTML from the page: sanitise before parsing it again, then flatten.
      const fragment = new JSDOM(`<!doctype html><body>${sanitizeHtml(article.content)}</body>`).window.document.body;
      text = domToText(fragment);
    }
    if (!text.trim()) {
      const body = new JSDOM(`<!doctype html><body>${sanitizeHtml(document.body?.innerHTML ?? "")}</body>`).window.document.body;
      text = domToText(body);
    }
    return {
      title: nonEmpty(article?.title) ?? pageTitle,
      byline: nonEmpty(article?.byline),
      siteName: nonEmpty(article?.siteName),
      publishedTime: nonEmpty(article?.publishedTime) ?? metaPublished,
      text: normaliseText(text),
    };
  } finally {
    dom.window.close();
  }
}

const EXTENSION_KINDS: Record<string, DocumentKind> = { txt: "text", text: "text", md: "markdown", markdown: "markdown", html: "html", htm: "html", pdf: "pdf" };
const TYPE_KINDS: Record<string, DocumentKind> = { "text/plain": "text", "text/markdown": "markdown", "text/x-markdown": "markdown", "text/html": "html", "application/xhtml+xml": "html", "application/pdf": "pdf" };
const MIME_TYPES: Record<DocumentKind, string> = { text: "text/plain", markdown: "text/markdown", html: "text/html", pdf: "application/pdf" };

const MAGIC: { name: string; bytes: number[] }[] = [
  { name: "a PNG image", bytes: [0x89, 0x50, 0x4e, 0x47] },
  { name: "a JPEG image", bytes: [0xff, 0xd8, 0xff] },
  { name: "a GIF image", bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: "a ZIP archive (or Office document)", bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: "a ZIP archive (or Office document)", bytes: [0x50, 0x4b, 0x05, 0x06] },
  { name: "an executable (ELF)", bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { name: "a PDF", bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

function fileIssue(message: string) {
  return [{ path: "file", message }];
}

function kindOf({ fileName, declaredType }: { fileName: string; declaredType?: string | null }): DocumentKind {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (ext) {
    const kind = EXTENSION_KINDS[ext];
    if (kind) return kind;
    throw new UnsupportedMediaError(`.${ext} files are not supported. Upload a .txt, .md, .html or .pdf file.`);
  }
  // No extension: the browser's declared type is all we have.
  const type = (declaredType ?? "").split(";")[0].trim().toLowerCase();
  const kind = TYPE_KINDS[type];
  if (kind) return kind;
  throw new UnsupportedMediaError("This file type is not supported. Upload a .txt, .md, .html or .pdf file.");
}

/** Strict UTF-8: binary or mis-encoded files are refused rather than stored with replacement characters. */
function decodeUtf8Text({ bytes, fileName }: { bytes: Uint8Array; fileName: string }): string {
  const magic = MAGIC.find((m) => startsWith(bytes, m.bytes));
  if (magic) throw new UnsupportedMediaError(`${fileName} looks like ${magic.name}, not a text file.`);
  if (bytes.includes(0)) throw new UnsupportedMediaError(`${fileName} contains binary data (NUL bytes); upload it as UTF-8 text.`);
  try {
    // ignoreBOM: false means the decoder strips a leading UTF-8 BOM, which is not part of the text.
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new UnsupportedMediaError(`${fileName} is not valid UTF-8 text. Save it as UTF-8 and upload it again.`);
  }
}

async function pdfToText(bytes: Uint8Array): Promise<string> {
  try {
    // A copy: pdf.js may detach the buffer it is given, and the caller still needs the original bytes.
    const { text } = await extractPdfText(new Uint8Array(bytes), { mergePages: true });
    return text;
  } catch {
    throw new InvalidError("This PDF could not be read (it may be damaged or password-protected).", fileIssue("This PDF could not be read."));
  }
}

/** Text of an uploaded .txt, .md, .html/.htm or .pdf file. */
export async function extractText({ bytes, fileName, declaredType }: { bytes: Uint8Array; fileName: string; declaredType?: string | null }): Promise<ExtractedText> {
  const kind = kindOf({ fileName, declaredType });
  if (bytes.length === 0) throw new InvalidError("The file is empty.", fileIssue("The file is empty."));
  let text: string;
  let title: string | null = null;
  if (kind === "pdf") {
    if (!startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) throw new UnsupportedMediaError(`${fileName} is not a PDF (it does not start with %PDF-).`);
    text = normaliseText(await pdfToText(bytes));
    if (!text.trim()) {
      const message = "This PDF has no extractable text (scanned image?)";
      throw new InvalidError(message, fileIssue(message));
    }
  } else {
    const decoded = decodeUtf8Text({ bytes, fileName });
    if (kind === "html") {
      const extracted = extractFromHtml(decoded);
      text = extracted.text;
      title = extracted.title;
    } else {
      text = normaliseText(decoded);
    }
  }
  if (!text.trim()) throw new InvalidError("The file contains no text.", fileIssue("The file contains no text."));
  return { text, mimeType: MIME_TYPES[kind], kind, title };
}
