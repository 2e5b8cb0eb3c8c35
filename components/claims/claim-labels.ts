// Labels for claim fields shared by the table, the detail page and the edit form. The scales' own
// words come from lib/standards/scales.ts; only the claim's app-specific enums are named here.
import { INFORMATION_CREDIBILITY, SOURCE_RELIABILITY } from "@/lib/standards/scales";
import type { ClaimDetail } from "@/lib/claims/claim-details";
import { UNGRADED } from "@/lib/claims/reliability";

export type { ClaimDetail };
export type ClaimPage = { claims: ClaimDetail[]; total: number; page: number; pageSize: number; pages: number };
export type SourceOption = { id: string; name: string; reliability: string };
export type EntityOption = { id: string; name: string; kind: string };

export const KIND_LABELS = { fact: "Fact", allegation: "Allegation", assessment: "Assessment", denial: "Denial" } as const;
export const STATUS_LABELS = { draft: "Draft", accepted: "Accepted", disputed: "Disputed", rejected: "Rejected" } as const;
export type ClaimKind = keyof typeof KIND_LABELS;
export type ClaimStatus = keyof typeof STATUS_LABELS;
export const CLAIM_KIND_KEYS = Object.keys(KIND_LABELS) as ClaimKind[];
export const CLAIM_STATUS_KEYS = Object.keys(STATUS_LABELS) as ClaimStatus[];

export const STATUS_STYLES: Record<ClaimStatus, string> = {
  draft: "bg-slate-100 text-slate-800",
  accepted: "bg-emerald-50 text-emerald-900",
  disputed: "bg-amber-50 text-amber-900",
  rejected: "bg-red-50 text-red-900",
};

export function credibilityLabel(value: number) {
  const row = INFORMATION_CREDIBILITY.find((c) => c.value === value);
  return row ? `${row.value} – ${row.label}` : String(value);
}
export function credibilityMeaning(value: number) {
  return INFORMATION_CREDIBILITY.find((c) => c.value === value)?.meaning ?? "";
}
/** "B – Usually reliable"; a claim or document without a graded source is "no source: ungraded", never F. */
export function reliabilityLabel(code: string | null) {
  const row = SOURCE_RELIABILITY.find((r) => r.code === code);
  return row ? `${row.code} – ${row.label}` : UNGRADED;
}

// Link kinds read differently from each end: "A corroborates B" is "corroborated by A" on B's page.
export const LINK_KINDS = ["corroborates", "contradicts", "repeats"] as const;
export type LinkKind = (typeof LINK_KINDS)[number];
export const LINK_GROUP_LABELS: Record<LinkKind, string> = {
  corroborates: "Corroborates",
  contradicts: "Contradicts",
  repeats: "Repeats (same origin)",
};
export const LINK_DIRECTION_LABELS: Record<LinkKind, { out: string; in: string }> = {
  corroborates: { out: "Corroborates", in: "Corroborated by" },
  contradicts: { out: "Contradicts", in: "Contradicted by" },
  repeats: { out: "Repeats", in: "Repeated by" },
};
