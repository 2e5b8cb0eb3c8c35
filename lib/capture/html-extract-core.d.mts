// Types for html-extract-core.mjs (plain JavaScript so the extraction worker loads it without a bundler).
export type RawHtmlExtract = {
  title: string | null;
  byline: string | null;
  siteName: string | null;
  publishedTime: string | null;
  /** Not yet normalised (line endings, NFC): lib/capture/extract.ts does that. */
  text: string;
};
export function sanitizeHtml(html: string): string;
export function domToText(root: Node): string;
export function parseHtmlDocument(html: string): Document;
export function extractHtml(html: string, baseUrl?: string): RawHtmlExtract;
