// Pure text/offset helpers for the document reader. Offsets are UTF-16 code units into the stored
// text, the unit of String.prototype.slice, the DOM's Range offsets and the server's excerpt check
// (lib/claims/verify-excerpt.ts), so a selection maps to an excerpt without any conversion.

export type Highlight = { id: string; start: number; end: number };
/** A run of text covered by exactly the same highlights; `ids` is empty for plain text. */
export type Segment = { start: number; end: number; ids: string[] };

type Edge = { at: number; open: boolean; id: string };

/**
 * Splits [0, length) at every highlight boundary with one sweep over the sorted edges: O(n log n) in
 * the number of highlights, independent of the text's size. Overlapping highlights produce segments
 * carrying several ids; highlights out of range are clamped, empty ones dropped.
 */
export function buildSegments({ length, highlights }: { length: number; highlights: readonly Highlight[] }): Segment[] {
  const edges: Edge[] = [];
  for (const h of highlights) {
    const start = Math.max(0, Math.min(length, h.start));
    const end = Math.max(0, Math.min(length, h.end));
    if (end <= start) continue;
    edges.push({ at: start, open: true, id: h.id }, { at: end, open: false, id: h.id });
  }
  // Closings sort before openings at the same offset, so adjacent highlights do not overlap.
  edges.sort((a, b) => a.at - b.at || Number(a.open) - Number(b.open));

  const segments: Segment[] = [];
  // Counts, not a set: the same id may legitimately be given twice (two excerpts of one claim).
  const active = new Map<string, number>();
  let cursor = 0;
  let i = 0;
  while (i < edges.length) {
    const at = edges[i].at;
    if (at > cursor) segments.push({ start: cursor, end: at, ids: [...active.keys()] });
    while (i < edges.length && edges[i].at === at) {
      const { id, open } = edges[i];
      const n = (active.get(id) ?? 0) + (open ? 1 : -1);
      if (n > 0) active.set(id, n);
      else active.delete(id);
      i += 1;
    }
    cursor = Math.max(cursor, at);
  }
  if (cursor < length) segments.push({ start: cursor, end: length, ids: [] });
  return segments;
}

/** Index of the segment holding `offset` (binary search); the last segment for offset === length. */
export function segmentIndexAt(segments: readonly Segment[], offset: number): number {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segments[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Widens a range that would cut a surrogate pair (an emoji, say) in half, so it keeps whole characters. */
export function snapToCodePoints({ text, start, end }: { text: string; start: number; end: number }) {
  let s = start;
  let e = end;
  if (s > 0 && s < text.length && isLow(text.charCodeAt(s)) && isHigh(text.charCodeAt(s - 1))) s -= 1;
  if (e > 0 && e < text.length && isLow(text.charCodeAt(e)) && isHigh(text.charCodeAt(e - 1))) e += 1;
  return { start: s, end: e };
}

/**
 * Turns what the user dragged over into an excerpt: clamped to the text, whole characters only, and
 * without the leading/trailing whitespace a drag usually picks up. Null when nothing is left.
 */
export function selectionToExcerpt({ text, start, end }: { text: string; start: number; end: number }) {
  let s = Math.max(0, Math.min(text.length, Math.min(start, end)));
  let e = Math.max(0, Math.min(text.length, Math.max(start, end)));
  while (s < e && /\s/.test(text[s])) s += 1;
  while (e > s && /\s/.test(text[e - 1])) e -= 1;
  if (e <= s) return null;
  ({ start: s, end: e } = snapToCodePoints({ text, start: s, end: e }));
  return { start: s, end: e, exact: text.slice(s, e) };
}

/**
 * The offset in the stored text of a DOM point inside a segment whose text node renders
 * text.slice(segmentStart, segmentEnd) verbatim; clamped to the segment so a stray offset cannot
 * escape it.
 */
export function offsetInSegment({ segmentStart, segmentEnd, domOffset }: { segmentStart: number; segmentEnd: number; domOffset: number }) {
  return Math.min(segmentEnd, Math.max(segmentStart, segmentStart + domOffset));
}
