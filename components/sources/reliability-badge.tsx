// A source's Admiralty reliability grade (A–F), colour-coded the same way as the claim grade pair, with
// the scale's own words as a tooltip and for screen readers. Labels come from lib/standards/scales.ts.
import { SOURCE_RELIABILITY } from "@/lib/standards/scales";
import { reliabilityStyle } from "@/components/ui/reliability-style";

export function reliabilityRow(grade: string) {
  return SOURCE_RELIABILITY.find((r) => r.code === grade);
}

/** `withLabel` prints "B Usually reliable" beside the letter; otherwise only the letter shows and the label is in the tooltip. */
export function ReliabilityBadge({ grade, withLabel = false }: { grade: string; withLabel?: boolean }) {
  const row = reliabilityRow(grade);
  const title = row ? `${row.code} – ${row.label}: ${row.meaning}` : `Unknown grade ${grade}`;
  return (
    <span className="inline-flex items-center gap-1.5" title={title} data-testid="reliability-badge">
      <span
        className={`inline-flex h-6 w-6 items-center justify-center rounded font-mono text-xs font-bold ring-1 ring-inset ${reliabilityStyle(grade)}`}
      >
        {grade}
      </span>
      {withLabel ? (
        <span className="text-sm text-slate-800">{row?.label ?? "Unknown grade"}</span>
      ) : (
        <span className="sr-only">{row?.label ?? "Unknown grade"}</span>
      )}
    </span>
  );
}
