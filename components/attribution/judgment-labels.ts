// Labels for judgments. The scales' words come from lib/standards/scales.ts; only the app's own
// enums (review state, disposition) are named here.
import { ANALYTIC_CONFIDENCE, confidenceLabel, likelihoodLabel, likelihoodRange as likelihoodRangeOf } from "@/lib/standards/scales";

export const REVIEW_STATE_LABELS: Record<string, string> = {
  draft: "Draft",
  in_review: "In review",
  changes_requested: "Changes requested",
  approved: "Approved",
};
export const REVIEW_STATE_STYLES: Record<string, string> = {
  draft: "bg-slate-100 text-slate-800 ring-slate-300",
  in_review: "bg-sky-50 text-sky-900 ring-sky-300",
  changes_requested: "bg-amber-50 text-amber-900 ring-amber-300",
  approved: "bg-emerald-50 text-emerald-900 ring-emerald-300",
};
export const DISPOSITION_LABELS: Record<string, string> = { open: "Open", leading: "Leading", rejected: "Rejected" };

export const FIELD_LABELS: Record<string, string> = {
  title: "Title",
  description: "Description",
  actorEntityId: "Actor",
  likelihood: "Likelihood",
  confidence: "Analytic confidence",
  rationale: "Rationale",
  proposition: "Proposition (what we assess)",
  confidenceBasis: "Basis of our confidence",
  disposition: "Disposition",
  rejectedReason: "Reason rejected",
};

export { confidenceLabel, likelihoodLabel } from "@/lib/standards/scales";
/** The range of a likelihood term, "" when there is none (for inline text). */
export function likelihoodRange(key: string) {
  return likelihoodRangeOf(key) ?? "";
}
export function confidenceMeaning(key: string | null | undefined) {
  return ANALYTIC_CONFIDENCE.find((c) => c.key === key)?.meaning ?? "";
}

/** "Likely · Moderate confidence": ICD 203 keeps likelihood and confidence apart, and so do we. */
export function judgmentLine({ likelihood, confidence }: { likelihood: string | null; confidence: string | null }) {
  const l = likelihoodLabel(likelihood) ?? "Likelihood not set";
  const c = confidenceLabel(confidence);
  return `${l} · ${c ? `${c} confidence` : "Confidence not set"}`;
}

/** A field's value as a person reads it (entity names, scale labels), for history diffs and conflicts. */
export function fieldValueText({
  field,
  value,
  entityName,
}: {
  field: string;
  value: unknown;
  entityName: (id: string) => string | undefined;
}) {
  if (value === null || value === undefined || value === "") return "—";
  const v = String(value);
  if (field === "actorEntityId") return entityName(v) ?? "(removed entity)";
  if (field === "likelihood") return likelihoodLabel(v) ?? v;
  if (field === "confidence") return confidenceLabel(v) ?? v;
  if (field === "disposition") return DISPOSITION_LABELS[v] ?? v;
  return v;
}

export function formatWhen(iso: string) {
  return new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) + " UTC";
}
