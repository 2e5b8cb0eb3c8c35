// The Admiralty pair ("B2"), coloured by the reliability letter so a column of grades reads at a glance.
import { credibilityLabel, reliabilityLabel } from "./claim-labels";

const RELIABILITY_STYLES: Record<string, string> = {
  A: "bg-emerald-100 text-emerald-900 ring-emerald-300",
  B: "bg-green-100 text-green-900 ring-green-300",
  C: "bg-yellow-100 text-yellow-900 ring-yellow-300",
  D: "bg-orange-100 text-orange-900 ring-orange-300",
  E: "bg-red-100 text-red-900 ring-red-300",
  F: "bg-slate-200 text-slate-800 ring-slate-300",
};

export function GradeBadge({
  grade,
  reliability,
  credibility,
  size = "sm",
}: {
  grade: string;
  reliability: string;
  credibility: number;
  size?: "sm" | "lg";
}) {
  const title = `Source ${reliabilityLabel(reliability)}; information ${credibilityLabel(credibility)}`;
  return (
    <span
      title={title}
      data-testid="claim-grade"
      className={`inline-flex items-center justify-center rounded font-mono font-bold ring-1 ring-inset ${RELIABILITY_STYLES[reliability] ?? RELIABILITY_STYLES.F} ${size === "lg" ? "px-2.5 py-1 text-lg" : "px-1.5 py-0.5 text-xs"}`}
    >
      {grade}
      <span className="sr-only"> ({title})</span>
    </span>
  );
}
