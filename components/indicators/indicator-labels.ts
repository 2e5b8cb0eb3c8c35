// Shapes and words shared by the indicators table, the detail page and the reader's suggestions.
import type { IndicatorDetail } from "@/lib/indicators/get-indicator";
import type { IndicatorFlag, IndicatorType } from "@/lib/indicators/types";

export type { IndicatorDetail };
export { INDICATOR_TYPE_LABELS } from "@/lib/indicators/types";

/** One row of GET /api/cases/{caseId}/indicators. */
export type IndicatorRow = {
  id: string;
  type: IndicatorType;
  value: string;
  defanged: string;
  flags: IndicatorFlag[];
  note: string;
  status: "active" | "retired";
  version: number;
  firstSeen: string | null;
  lastSeen: string | null;
  createdAt: string;
  quotes: number;
  otherCases: number;
};
export type IndicatorPage = { indicators: IndicatorRow[]; total: number; page: number; pageSize: number; pages: number };

/** One suggestion of POST …/documents/{documentId}/indicators/extract. */
export type IndicatorSuggestion = {
  type: IndicatorType;
  value: string;
  start: number;
  end: number;
  exact: string;
  flags: IndicatorFlag[];
  occurrences?: number;
  indicatorId: string | null;
};
export type SuggestionPage = { suggestions: IndicatorSuggestion[]; total: number; page: number; limit: number; pages: number };

export const FLAG_LABELS: Record<IndicatorFlag, string> = {
  private: "Private",
  reserved: "Reserved",
  documentation: "Documentation",
  benign: "Benign",
};

/** Why a flag usually means "not an indicator", in the words shown above the flagged suggestions. */
export const FLAG_REASONS: Record<IndicatorFlag, string> = {
  private: "a private address (RFC 1918, loopback, link-local): no attacker can be reached there from outside",
  reserved: "a reserved address range, not routed on the internet",
  documentation: "an address or domain set aside for documentation and examples (RFC 5737, RFC 3849, RFC 2606)",
  benign: "a well-known domain that everyone talks to",
};

export const STATUS_LABELS = { active: "Active", retired: "Retired" } as const;
