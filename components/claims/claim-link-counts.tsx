// A claim's links as small counted marks by kind; screen readers get the words, not the glyphs.
import { LINK_KINDS, type ClaimDetail, type LinkKind } from "./claim-labels";

const MARKS: Record<LinkKind, { glyph: string; style: string; words: [string, string] }> = {
  corroborates: { glyph: "✓", style: "bg-emerald-50 text-emerald-900", words: ["corroborating link", "corroborating links"] },
  contradicts: { glyph: "✗", style: "bg-red-50 text-red-900", words: ["contradicting link", "contradicting links"] },
  repeats: { glyph: "↻", style: "bg-slate-100 text-slate-800", words: ["repeats link (same origin)", "repeats links (same origin)"] },
};

export function ClaimLinkCounts({ links }: { links: ClaimDetail["links"] }) {
  const counts = LINK_KINDS.map((kind) => ({ kind, n: links.filter((l) => l.kind === kind).length })).filter((c) => c.n > 0);
  if (!counts.length) return <span className="text-xs text-slate-600">—</span>;
  return (
    <span className="flex flex-wrap gap-1" data-testid="claim-links">
      {counts.map(({ kind, n }) => (
        <span
          key={kind}
          title={`${n} ${MARKS[kind].words[n === 1 ? 0 : 1]}`}
          className={`inline-flex items-center gap-0.5 rounded px-1 py-0.5 text-xs font-medium tabular-nums ${MARKS[kind].style}`}
          data-link-kind={kind}
        >
          <span aria-hidden="true">
            {MARKS[kind].glyph}
            {n}
          </span>
          <span className="sr-only">
            {n} {MARKS[kind].words[n === 1 ? 0 : 1]}
          </span>
        </span>
      ))}
    </span>
  );
}
