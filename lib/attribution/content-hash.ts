import { createHash } from "node:crypto";

export type HypothesisContent = {
  title: string;
  description: string;
  actorEntityId: string | null;
  likelihood: string | null;
  confidence: string | null;
  rationale: string;
  disposition: string;
  rejectedReason: string | null;
  // The proposition the brief prints and the basis of the analytic confidence (migration 0009).
  proposition?: string;
  confidenceBasis?: string;
};

/**
 * The judgment's content, as a reviewer sees it, in a fixed key order. The proposition and the
 * confidence basis join the hash only when written, so approvals given before they existed still hold.
 */
export function hypothesisContent(h: HypothesisContent): HypothesisContent {
  return {
    title: h.title,
    description: h.description,
    actorEntityId: h.actorEntityId,
    likelihood: h.likelihood,
    confidence: h.confidence,
    rationale: h.rationale,
    disposition: h.disposition,
    rejectedReason: h.rejectedReason,
    ...(h.proposition ? { proposition: h.proposition } : {}),
    ...(h.confidenceBasis ? { confidenceBasis: h.confidenceBasis } : {}),
  };
}

/** SHA-256 of exactly what is reviewed: an approval covers this hash and nothing else. */
export function hypothesisHash(h: HypothesisContent): string {
  return createHash("sha256")
    .update(JSON.stringify(hypothesisContent(h)))
    .digest("hex");
}

/** Field-by-field differences between two snapshots, for the judgment's history. */
export function diffContent(before: Partial<HypothesisContent> | null, after: HypothesisContent) {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after)])] as (keyof HypothesisContent)[];
  return keys.filter((k) => (before?.[k] ?? null) !== after[k]).map((k) => ({ field: k, from: before?.[k] ?? null, to: after[k] ?? null }));
}
