// Shapes the reader receives from the page (first render) and from /api (afterwards); both are JSON.
import type { ClaimDetail } from "@/lib/claims/claim-details";

export type ReaderClaim = Pick<
  ClaimDetail,
  "id" | "statement" | "claimant" | "kind" | "credibility" | "status" | "grade" | "sourceConfidence"
> & {
  excerpts: Pick<ClaimDetail["excerpts"][number], "id" | "documentId" | "start" | "end" | "exact">[];
};

export type ReaderSource = { id: string; name: string; kind: string; reliability: string; rationale: string };

export type ReaderDocument = {
  id: string;
  title: string;
  text: string;
  publisher: string | null;
  author: string | null;
  sourceId?: string | null;
  reliabilityOverride?: string | null;
  overrideReason?: string | null;
  source?: ReaderSource | null;
};
