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
};

/** The judgment's content, as a reviewer sees it, in a fixed key order. */
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
  };
}

/** SHA-256 of exactly what is reviewed: an approval covers this hash and nothing else. */
export function hypothesisHash(h: HypothesisContent): string {
  return createHash("sha256").update(JSON.stringify(hypothesisContent(h))).digest("hex");
}

/** Field-by-field differences between two snapshots, for the judgment's history. */
export function diffContent(before: Partial<HypothesisContent> | null, after: HypothesisContent) {
  return (Object.keys(after) as (keyof HypothesisContent)[])
    .filter((k) => (before?.[k] ?? null) !== after[k])
    .map((k) => ({ field: k, from: before?.[k] ?? null, to: after[k] }));
}
