// A claim's source reliability (the letter of its Admiralty pair), by a stated rule: pure, shared by
// the claims pages, the ACH matrix, search and the exports, so no "server-only".
import { admiraltyPair, type InformationCredibility, type SourceReliability } from "@/lib/standards/scales";

export const CLAIM_RELIABILITY_RULE =
  "A claim's reliability is the best grade among the documents its quotes cite (a document's own override, else its source's grade); a retracted document, or a document of a retracted source, lends no grade; a claim none of whose quotes has a graded source is ungraded (“no source: ungraded”), which is not F (a source judged and found impossible to judge). The order of the quotes never matters.";

export { UNGRADED } from "./ungraded";

type GradedDocument = {
  reliabilityOverride: SourceReliability | null;
  retractedAt?: Date | string | null;
  source: { reliability: SourceReliability; retractedAt?: Date | string | null } | null;
};

/** One document's grade: its override for this document, else its source's grade, else null (ungraded). */
export function effectiveReliability(doc: GradedDocument): SourceReliability | null {
  return doc.reliabilityOverride ?? doc.source?.reliability ?? null;
}

// A < B < … < E < F ("cannot be judged"); an ungraded document (no source) lends nothing.
const RANK: Record<SourceReliability, number> = { A: 0, B: 1, C: 2, D: 3, E: 4, F: 5 };

/** Whether a document may lend its grade: it has one, and neither it nor its source has been retracted. */
function counts(doc: GradedDocument): boolean {
  return !doc.retractedAt && !doc.source?.retractedAt && effectiveReliability(doc) !== null;
}

/**
 * The index of the excerpt whose document gives the claim its grade (the best one, the first of
 * equals), or -1 when no excerpt counts.
 */
export function bestExcerptIndex(excerpts: readonly { document: GradedDocument }[]): number {
  let best = -1;
  excerpts.forEach((e, i) => {
    if (!counts(e.document)) return;
    if (best < 0 || RANK[effectiveReliability(e.document)!] < RANK[effectiveReliability(excerpts[best].document)!]) best = i;
  });
  return best;
}

/** The claim's reliability under CLAIM_RELIABILITY_RULE: the best counted grade, else null (ungraded). */
export function claimReliability(excerpts: readonly { document: GradedDocument }[]): SourceReliability | null {
  const i = bestExcerptIndex(excerpts);
  return i < 0 ? null : effectiveReliability(excerpts[i].document);
}

/** The grade a claim shows: its Admiralty pair ("B2"), or "–2" when it is ungraded (never "F2"). */
export function claimGrade({ reliability, credibility }: { reliability: SourceReliability | null; credibility: number }): string {
  return reliability ? admiraltyPair({ reliability, credibility: credibility as InformationCredibility }) : `–${credibility}`;
}
