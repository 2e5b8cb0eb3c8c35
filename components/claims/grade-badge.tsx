// The Admiralty pair ("B2"), coloured by the reliability letter so a column of grades reads at a glance.
import { reliabilityStyle } from "@/components/ui/reliability-style";
import { UNGRADED } from "@/lib/claims/reliability";
import { credibilityLabel, reliabilityLabel } from "./claim-labels";

// No graded source: a dashed outline, unlike any letter's colour.
const UNGRADED_STYLE = "bg-white text-slate-700 ring-slate-400 border border-dashed border-slate-400";

export function GradeBadge({
  grade,
  reliability,
  credibility,
  size = "sm",
}: {
  grade: string;
  /** null (or anything but A–F): ungraded, no source — shown as such, never as F. */
  reliability: string | null;
  credibility: number;
  size?: "sm" | "lg";
}) {
  const graded = !!reliability && /^[A-F]$/.test(reliability);
  const title = `Source ${graded ? reliabilityLabel(reliability) : UNGRADED}; information ${credibilityLabel(credibility)}`;
  return (
    <span
      title={title}
      data-testid="claim-grade"
      className={`inline-flex items-center justify-center rounded font-mono font-bold ring-1 ring-inset ${graded ? reliabilityStyle(reliability) : UNGRADED_STYLE} ${size === "lg" ? "px-2.5 py-1 text-lg" : "px-1.5 py-0.5 text-xs"}`}
    >
      {grade}
      {!graded && <span className="ml-1 font-sans font-medium">ungraded</span>}
      <span className="sr-only"> ({title})</span>
    </span>
  );
}
