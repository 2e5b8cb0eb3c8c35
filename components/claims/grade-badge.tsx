// The Admiralty pair ("B2"), coloured by the reliability letter so a column of grades reads at a glance.
import { reliabilityStyle } from "@/components/ui/reliability-style";
import { credibilityLabel, reliabilityLabel } from "./claim-labels";

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
      className={`inline-flex items-center justify-center rounded font-mono font-bold ring-1 ring-inset ${reliabilityStyle(reliability)} ${size === "lg" ? "px-2.5 py-1 text-lg" : "px-1.5 py-0.5 text-xs"}`}
    >
      {grade}
      <span className="sr-only"> ({title})</span>
    </span>
  );
}
