import "server-only";
import { extractText as extractPdfText } from "unpdf";
import { InvalidError, UnsupportedMediaError } from "@/lib/errors";
import { extractHtmlInWorker } from "./html-extract-pool";
import { htmlStructure, MAX_HTML_DEPTH, MAX_HTML_ELEMENTS } from "./html-structure";

// Turns bytes we received (an upload or a fetched page) into the plain text a Document stores.
// That text is what quotes are anchored to, so it is normalised only in ways that cannot change
// what a reader sees: line endings to \n and Unicode to NFC. Nothing else is rewritten.

export type DocumentKind = "text" | "html" | "markdown" | "pdf";

export type HtmlExtract = {
  title: string | null;
  byline: string | null;
  siteName: string | null;
  publishedTime: string | null;
  text: string;
};

/** The text of an upload and, for an HTML page, what its head says: title, published date, byline, site name. */
export type ExtractedText = {
  text: string;
  mimeType: string;
  kind: DocumentKind;
  title: string | null;
  publishedTime?: string | null;
  byline?: string | null;
  siteName?: string | null;
};

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

export { sanitizeHtml } from "./html-extract-core.mjs";

function formatCount(n: number) {
  return n.toLocaleString("en-US");
}

/**
 * Refuses (422, naming `field`) HTML nested deeper than MAX_HTML_DEPTH or with more than
 * MAX_HTML_ELEMENTS elements, from a cheap tag scan before anything parses it.
 */
export function assertReadableHtml(html: string, field: string) {
  const { depth, elements } = htmlStructure(html);
  let message: string | null = null;
  if (depth > MAX_HTML_DEPTH) {
    message = `This HTML is nested ${formatCount(depth)} levels deep; pages nested deeper than ${formatCount(MAX_HTML_DEPTH)} levels are refused. Save the page as text or PDF and upload that instead.`;
  } else if (elements > MAX_HTML_ELEMENTS) {
    message = `This HTML has ${formatCount(elements)} elements; pages with more than ${formatCount(MAX_HTML_ELEMENTS)} are refused. Save the page as text or PDF and upload that instead.`;
  }
  if (message) throw new InvalidError(message, [{ path: field, message }]);
}

/**
 * Main article text of a page, extracted off the main thread (lib/capture/html-extract-pool.ts) after
 * the tag scan above; plain text only, normalised. `field` names the input in a 422 (file or url).
 */
export async function extractFromHtml(
  html: string,
  { baseUrl, field = "file", timeoutMs }: { baseUrl?: string; field?: string; timeoutMs?: number } = {},
): Promise<HtmlExtract> {
  assertReadableHtml(html, field);
  const raw = await extractHtmlInWorker({ html, baseUrl, timeoutMs, field });
  return { ...raw, text: normaliseText(raw.text) };
}

const EXTENSION_KINDS: Record<string, DocumentKind> = {
  txt: "text",
  text: "text",
  md: "markdown",
  markdown: "markdown",
  html: "html",
  htm: "html",
  pdf: "pdf",
};
const TYPE_KINDS: Record<string, DocumentKind> = {
  "text/plain": "text",
  "text/markdown": "markdown",
  "text/x-markdown": "markdown",
  "text/html": "html",
  "application/xhtml+xml": "html",
  "application/pdf": "pdf",
};
const MIME_TYPES: Record<DocumentKind, string> = {
  text: "text/plain",
  markdown: "text/markdown",
  html: "text/html",
  pdf: "application/pdf",
};

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
    throw new InvalidError(
      "This PDF could not be read (it may be damaged or password-protected).",
      fileIssue("This PDF could not be read."),
    );
  }
}

/** Text of an uploaded .txt, .md, .html/.htm or .pdf file. */
export async function extractText({
  bytes,
  fileName,
  declaredType,
}: {
  bytes: Uint8Array;
  fileName: string;
  declaredType?: string | null;
}): Promise<ExtractedText> {
  const kind = kindOf({ fileName, declaredType });
  if (bytes.length === 0) throw new InvalidError("The file is empty.", fileIssue("The file is empty."));
  let text: string;
  let title: string | null = null;
  let page: Pick<HtmlExtract, "publishedTime" | "byline" | "siteName"> = { publishedTime: null, byline: null, siteName: null };
  if (kind === "pdf") {
    if (!startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d]))
      throw new UnsupportedMediaError(`${fileName} is not a PDF (it does not start with %PDF-).`);
    text = normaliseText(await pdfToText(bytes));
    if (!text.trim()) {
      const message = "This PDF has no extractable text (scanned image?)";
      throw new InvalidError(message, fileIssue(message));
    }
  } else {
    const decoded = decodeUtf8Text({ bytes, fileName });
    if (kind === "html") {
      const extracted = await extractFromHtml(decoded, { field: "file" });
      text = extracted.text;
      title = extracted.title;
      page = { publishedTime: extracted.publishedTime, byline: extracted.byline, siteName: extracted.siteName };
    } else {
      text = normaliseText(decoded);
    }
  }
  if (!text.trim()) throw new InvalidError("The file contains no text.", fileIssue("The file contains no text."));
  return { text, mimeType: MIME_TYPES[kind], kind, title, ...page };
}
