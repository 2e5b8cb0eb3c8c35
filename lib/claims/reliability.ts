// A claim's source reliability (the letter of its Admiralty pair), by a stated rule: pure, shared by
// the claims pages, the ACH matrix, search and the exports, so no "server-only".
import type { SourceReliability } from "@/lib/standards/scales";

export const CLAIM_RELIABILITY_RULE =
  "A claim's reliability is the best grade among the documents its quotes cite (a document's own override, else its source's grade); a retracted document, or a document of a retracted source, lends no grade; F (cannot be judged) applies only when no quote has a graded source. The order of the quotes never matters.";

type GradedDocument = {
  reliabilityOverride: SourceReliability | null;
  retractedAt?: Date | string | null;
  source: { reliability: SourceReliability; retractedAt?: Date | string | null } | null;
};

/** One document's grade: its override for this document, else its source's grade, else F. */
export function effectiveReliability(doc: GradedDocument): SourceReliability {
  return doc.reliabilityOverride ?? doc.source?.reliability ?? "F";
}

// A < B < … < E, and F ("cannot be judged") is no grade at all, so any graded source beats it.
const RANK: Record<SourceReliability, number> = { A: 0, B: 1, C: 2, D: 3, E: 4, F: 5 };

/** Whether a document may lend its grade: neither it nor its source has been retracted. */
function counts(doc: GradedDocument): boolean {
  return !doc.retractedAt && !doc.source?.retractedAt;
}

/**
 * The index of the excerpt whose document gives the claim its grade (the best one, the first of
 * equals), or -1 when no excerpt counts.
 */
export function bestExcerptIndex(excerpts: readonly { document: GradedDocument }[]): number {
  let best = -1;
  excerpts.forEach((e, i) => {
    if (!counts(e.document)) return;
    if (best < 0 || RANK[effectiveReliability(e.document)] < RANK[effectiveReliability(excerpts[best].document)]) best = i;
  });
  return best;
}

/** The claim's reliability under CLAIM_RELIABILITY_RULE: the best counted grade, else F. */
export function claimReliability(excerpts: readonly { document: GradedDocument }[]): SourceReliability {
  const i = bestExcerptIndex(excerpts);
  return i < 0 ? "F" : effectiveReliability(excerpts[i].document);
}
