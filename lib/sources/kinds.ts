// A source's kinds and reliability grades as plain constants, without zod: client components (the
// source pickers and forms) import them from here so the page does not download zod for a list of labels.
// lib/sources/schemas.ts builds its schemas from these and re-exports them.

export const SOURCE_KINDS = ["outlet", "vendor", "agency", "government", "advocacy", "person", "other"] as const;
export const RELIABILITIES = ["A", "B", "C", "D", "E", "F"] as const;

export const SOURCE_KIND_LABELS: Record<(typeof SOURCE_KINDS)[number], string> = {
  outlet: "News outlet",
  vendor: "Security vendor",
  agency: "Agency (intelligence, CERT, regulator)",
  government: "Government (ministry, official, embassy)",
  advocacy: "Advocacy group",
  person: "Person",
  other: "Other",
};
