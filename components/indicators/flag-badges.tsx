import { FLAG_LABELS, FLAG_REASONS } from "./indicator-labels";
import type { IndicatorFlag } from "@/lib/indicators/types";

/** The warning-list flags of a value, each with its reason as a tooltip and for screen readers. */
export function FlagBadges({ flags }: { flags: readonly IndicatorFlag[] }) {
  if (!flags.length) return <span className="text-slate-600">—</span>;
  return (
    <span className="flex flex-wrap gap-1">
      {flags.map((f) => (
        <span
          key={f}
          title={FLAG_REASONS[f]}
          className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900"
          data-testid="indicator-flag"
        >
          {FLAG_LABELS[f]}
        </span>
      ))}
    </span>
  );
}
