// A source's Admiralty reliability grade (A–F), colour-coded the same way as the claim grade pair, with
// the scale's own words as a tooltip and for screen readers. Labels come from lib/standards/scales.ts.
import { SOURCE_RELIABILITY } from "@/lib/standards/scales";

const STYLES: Record<string, string> = {
  A: "bg-emerald-100 text-emerald-900 ring-emerald-300",
  B: "bg-green-100 text-green-900 ring-green-300",
  C: "bg-yellow-100 text-yellow-900 ring-yellow-300",
  D: "bg-orange-100 text-orange-900 ring-orange-300",
  E: "bg-red-100 text-red-900 ring-red-300",
  F: "bg-slate-200 text-slate-800 ring-slate-300",
};

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
        className={`inline-flex h-6 w-6 items-center justify-center rounded font-mono text-xs font-bold ring-1 ring-inset ${STYLES[grade] ?? STYLES.F}`}
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
