// Maps a DOM selection inside the reader back to offsets in the stored text. Every segment element
// carries data-start / data-end and holds exactly one text node with text.slice(start, end), so a DOM
// point is its segment's start plus the UTF-16 offset inside that text node.
import { offsetInSegment, selectionToExcerpt } from "@/lib/reader/segments";

export type PendingExcerpt = { start: number; end: number; exact: string };

function segmentOf(node: Node, container: HTMLElement): HTMLElement | null {
  const el = node.nodeType === Node.ELEMENT_NODE ? (node as HTMLElement) : node.parentElement;
  const seg = el?.closest<HTMLElement>("[data-start]");
  return seg && container.contains(seg) ? seg : null;
}

const bounds = (seg: HTMLElement) => ({ segmentStart: Number(seg.dataset.start), segmentEnd: Number(seg.dataset.end) });

/** The text offset of a DOM boundary point; points outside the container clamp to its ends. */
function offsetOfPoint({
  container,
  node,
  offset,
  length,
}: {
  container: HTMLElement;
  node: Node;
  offset: number;
  length: number;
}): number {
  if (!container.contains(node)) {
    return node.compareDocumentPosition(container) & Node.DOCUMENT_POSITION_FOLLOWING ? 0 : length;
  }
  if (node === container) {
    // A point between the container's children: the start of the child after it, or the end.
    const child = container.childNodes[offset];
    const seg = child ? segmentOf(child, container) : null;
    return seg ? bounds(seg).segmentStart : length;
  }
  const seg = segmentOf(node, container);
  if (!seg) return 0;
  const b = bounds(seg);
  if (node.nodeType === Node.TEXT_NODE) return offsetInSegment({ ...b, domOffset: offset });
  // A point inside the segment element itself: before (0) or after its text node.
  return offset === 0 ? b.segmentStart : b.segmentEnd;
}

/** The current selection as an excerpt of `text`, or null when nothing in the reader is selected. */
export function readSelection({ container, text }: { container: HTMLElement; text: string }): PendingExcerpt | null {
  const sel = window.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const range = sel.getRangeAt(0);
  if (!range.intersectsNode(container)) return null;
  const start = offsetOfPoint({ container, node: range.startContainer, offset: range.startOffset, length: text.length });
  const end = offsetOfPoint({ container, node: range.endContainer, offset: range.endOffset, length: text.length });
  // The exact words come from the stored text, never from Selection.toString(), which can differ.
  return selectionToExcerpt({ text, start, end });
}
