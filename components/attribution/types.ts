// Shapes the attribution pages pass from the server to the client, as JSON (dates become strings).
import type { getHypothesis } from "@/lib/attribution/hypotheses";
import type { listComments } from "@/lib/review/comments";
import type { VendorStatement } from "@/lib/attribution/vendor-statements";

export type Jsonify<T> = T extends Date
  ? string
  : T extends (infer U)[]
    ? Jsonify<U>[]
    : T extends object
      ? { [K in keyof T]: Jsonify<T[K]> }
      : T;

export type HypothesisPayload = Jsonify<Awaited<ReturnType<typeof getHypothesis>>>;
export type HypothesisData = HypothesisPayload["hypothesis"];
export type ReviewData = HypothesisPayload["reviews"][number];
export type HistoryEntry = HypothesisPayload["history"][number];
export type CommentThread = Jsonify<Awaited<ReturnType<typeof listComments>>[number]>;
export type { VendorStatement };

export type EntityOption = { id: string; name: string; kind: string };

/** One claim rated against the hypothesis, with the quotes that carry it. */
export type EvidenceItem = {
  claimId: string;
  statement: string;
  claimant: string;
  grade: string;
  reliability: string;
  credibility: number;
  value: number | null;
  ratings: { raterName: string; rating: string; note: string }[];
  excerpts: { id: string; documentId: string; documentTitle: string; exact: string }[];
};

/** Serialises for a client component's props exactly as the API would answer. */
export function toJson<T>(value: T): Jsonify<T> {
  return JSON.parse(JSON.stringify(value)) as Jsonify<T>;
}
