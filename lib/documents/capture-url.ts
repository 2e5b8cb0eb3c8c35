import "server-only";
import type { Ctx } from "@/lib/auth/actor";
import type { CaseAccess } from "@/lib/cases/require-case-access";
import { extractFromHtml, normaliseText, type HtmlExtract } from "@/lib/capture/extract";
import { safeFetch } from "@/lib/capture/safe-fetch";
import { InvalidError, UnsupportedMediaError } from "@/lib/errors";
import { CaptureUrlSchema, UrlPreviewRequestSchema, type CaptureUrlInput, type UrlPreview } from "./capture-url-schemas";
import { storeDocument } from "./create-document";
import { sha256Hex } from "./hash";

const EXCERPT_CHARS = 2_000;
const HTML_TYPES = new Set(["text/html", "application/xhtml+xml"]);
const TEXT_TYPES = new Set(["text/plain"]);

type Fetched = { url: string; finalUrl: string; contentType: string; bytes: Buffer; retrievedAt: Date; extract: HtmlExtract };

/** Fetches through the SSRF-safe client and extracts the article; only HTML and plain text are accepted. */
async function fetchArticle(url: string): Promise<Fetched> {
  const res = await safeFetch(url);
  const retrievedAt = new Date();
  const contentType = (res.contentType ?? "").trim();
  const mime = contentType.split(";")[0].trim().toLowerCase();
  if (!HTML_TYPES.has(mime) && !TEXT_TYPES.has(mime)) {
    throw new UnsupportedMediaError(`The URL returned ${mime || "an unknown content type"}, not an article.`);
  }
  const decoded = decode({ bytes: res.bytes, contentType, html: HTML_TYPES.has(mime) });
  const extract: HtmlExtract = HTML_TYPES.has(mime)
    ? await extractFromHtml(decoded, { baseUrl: res.finalUrl, field: "url" })
    : { title: null, byline: null, siteName: null, publishedTime: null, text: normaliseText(decoded) };
  if (!extract.text.trim()) {
    const message = "The page has no readable text to capture.";
    throw new InvalidError(message, [{ path: "url", message }]);
  }
  return { url, finalUrl: res.finalUrl, contentType, bytes: res.bytes, retrievedAt, extract };
}

/** Charset from the header, else a <meta charset> near the top of an HTML page, else UTF-8. */
function decode({ bytes, contentType, html }: { bytes: Buffer; contentType: string; html: boolean }): string {
  const fromHeader = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType)?.[1];
  const fromMeta = html ? /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(bytes.subarray(0, 2048).toString("latin1"))?.[1] : undefined;
  try {
    return new TextDecoder(fromHeader ?? fromMeta ?? "utf-8").decode(bytes);
  } catch {
    // An unknown charset label: UTF-8 is the web's default and the stored bytes stay exact anyway.
    return new TextDecoder("utf-8").decode(bytes);
  }
}

function isoOf(value: string | null): string | undefined {
  const ms = value ? Date.parse(value) : NaN;
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}
const dayOf = (value: string | null) => isoOf(value)?.slice(0, 10) ?? null;

/** Fetches a URL and shows what would be captured, without storing anything. */
export async function previewUrlCapture({ url }: { url: string }): Promise<UrlPreview> {
  const input = UrlPreviewRequestSchema.parse({ url });
  const f = await fetchArticle(input.url);
  return {
    url: f.url,
    finalUrl: f.finalUrl,
    contentType: f.contentType,
    title: f.extract.title,
    byline: f.extract.byline,
    siteName: f.extract.siteName,
    publishedTime: f.extract.publishedTime,
    publishedAt: dayOf(f.extract.publishedTime),
    excerpt: f.extract.text.slice(0, EXCERPT_CHARS),
    textLength: f.extract.text.length,
    sha256: sha256Hex(f.bytes),
    size: f.bytes.length,
    retrievedAt: f.retrievedAt.toISOString(),
  };
}

/** undefined keeps what the page said; "" or null means the analyst cleared the field. */
function corrected(value: string | null | undefined, found: string | null): string | undefined {
  if (value === undefined) return found ?? undefined;
  return value || undefined;
}

/**
 * Captures a URL as a document. The page is fetched again here (not taken from the preview) so the
 * stored hash is of exactly the bytes stored; the analyst's corrections override what was extracted.
 */
export async function createUrlDocument({ ctx, access, input }: { ctx: Ctx; access: CaseAccess; input: CaptureUrlInput }) {
  const parsed = CaptureUrlSchema.parse(input);
  const f = await fetchArticle(parsed.url);
  const fallbackTitle = new URL(f.finalUrl).hostname;
  return storeDocument({
    ctx,
    access,
    captured: {
      kind: "url",
      bytes: f.bytes,
      mimeType: f.contentType,
      text: f.extract.text,
      retrievedAt: f.retrievedAt,
      meta: {
        title: (parsed.title || f.extract.title || fallbackTitle).slice(0, 300),
        url: f.finalUrl,
        publisher: corrected(parsed.publisher, f.extract.siteName)?.slice(0, 200),
        author: corrected(parsed.author, f.extract.byline)?.slice(0, 200),
        publishedAt: parsed.publishedAt === undefined ? isoOf(f.extract.publishedTime) : parsed.publishedAt || undefined,
        sourceId: parsed.sourceId,
        newSourceName: parsed.newSourceName,
        newSourceKind: parsed.newSourceKind,
        newSourceReliability: parsed.newSourceReliability,
        newSourceRationale: parsed.newSourceRationale,
        confirmDuplicate: parsed.confirmDuplicate,
      },
    },
  });
}
