// Excerpt anchoring: an excerpt is valid only if the stored text holds exactly its words at its offsets.
import { InvalidError } from "@/lib/errors";

export const CONTEXT_CHARS = 32;

export type ExcerptInput = { documentId: string; start?: number; end?: number; exact: string };
export type AnchoredExcerpt = { documentId: string; start: number; end: number; exact: string; prefix: string; suffix: string };

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/**
 * Checks `text.slice(start, end) === exact` (UTF-16 offsets, as JavaScript and the browser's Selection
 * count them) and returns the excerpt with a little context on each side. When the offsets are
 * omitted, the exact words must occur once in the text. Fails closed with a 422 naming the field.
 */
export function anchorExcerpt({ text, excerpt, path }: { text: string; excerpt: ExcerptInput; path: string }): AnchoredExcerpt {
  const fail = (message: string, field = "exact"): never => {
    throw new InvalidError(message, [{ path: `${path}.${field}`, message }]);
  };
  const exact = excerpt.exact;
  if (!exact || !exact.trim()) fail("The quote is empty.");
  let start = excerpt.start;
  let end = excerpt.end;
  if (start === undefined && end === undefined) {
    const first = text.indexOf(exact);
    if (first < 0) fail("The quote does not occur in the document.");
    if (text.indexOf(exact, first + 1) >= 0)
      fail("The quote occurs more than once in the document; give its start and end offsets.", "start");
    start = first;
    end = first + exact.length;
  }
  if (!Number.isInteger(start) || !Number.isInteger(end)) fail("Give both start and end as whole numbers.", "start");
  const s = start as number;
  const e = end as number;
  if (s < 0 || e > text.length || e <= s) fail(`The range ${s}–${e} is outside the document (0–${text.length}).`, "start");
  if (
    isLowSurrogate(text.charCodeAt(s)) ||
    (e < text.length && isLowSurrogate(text.charCodeAt(e)) && isHighSurrogate(text.charCodeAt(e - 1)))
  ) {
    fail("The range splits a character in two.", "start");
  }
  if (text.slice(s, e) !== exact) fail("The quote does not match the document's text at that position.");
  return {
    documentId: excerpt.documentId,
    start: s,
    end: e,
    exact,
    prefix: text.slice(contextStart(text, s), s),
    suffix: text.slice(e, contextEnd(text, e)),
  };
}

// The context ends on whole characters: cut inside a surrogate pair, half an emoji was stored (as U+FFFD in a text
// column) and made the audit event's JSON invalid, so the whole save failed (found by the round-trip property test).
function contextStart(text: string, s: number) {
  const from = Math.max(0, s - CONTEXT_CHARS);
  return from > 0 && isLowSurrogate(text.charCodeAt(from)) && isHighSurrogate(text.charCodeAt(from - 1)) ? from + 1 : from;
}
function contextEnd(text: string, e: number) {
  const to = Math.min(text.length, e + CONTEXT_CHARS);
  return to < text.length && isLowSurrogate(text.charCodeAt(to)) && isHighSurrogate(text.charCodeAt(to - 1)) ? to - 1 : to;
}
