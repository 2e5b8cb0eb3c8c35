import "server-only";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { CaseAccess } from "@/lib/cases/require-case-access";
import { ACH_SCORES_NOTE, computeAchScores } from "./ach-scores";
import { claimGrade, claimReliability } from "@/lib/claims/reliability";

/**
 * The ACH matrix of a question (or the case's first question): claims as rows, hypotheses as columns,
 * every rater's ratings, the mean per cell, inconsistency per hypothesis and diagnosticity per claim.
 * Rejected and retracted claims are left out: they are not evidence. `excludedClaimIds` is the "treat as false" test.
 * Unrated cells are left out of both scores (STANDARDS.md §5): a claim rated against fewer than two
 * hypotheses has `diagnosticity: null` (JSON null), and `scores.note` says so for whoever shows or exports them.
 */
export async function getAchMatrix({
  access,
  questionId,
  excludedClaimIds = [],
  includeRetracted = false,
}: {
  access: CaseAccess;
  questionId?: string;
  excludedClaimIds?: string[];
  includeRetracted?: boolean;
}) {
  const question = await db.attributionQuestion.findFirst({
    where: { caseId: access.caseId, ...(questionId ? { id: questionId } : {}) },
    orderBy: { createdAt: "asc" },
  });
  if (!question) {
    if (questionId) throw new NotFoundError("Question");
    return null;
  }
  const [hypotheses, claims] = await Promise.all([
    db.hypothesis.findMany({
      where: { questionId: question.id },
      orderBy: { createdAt: "asc" },
      select: { id: true, title: true, disposition: true, reviewState: true, likelihood: true, confidence: true, actorEntityId: true },
    }),
    db.claim.findMany({
      // Retracted claims are not evidence either, unless the analyst asks to see them (?include=retracted).
      where: { caseId: access.caseId, status: { not: "rejected" }, ...(includeRetracted ? {} : { retractedAt: null }) },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        statement: true,
        claimant: true,
        kind: true,
        credibility: true,
        sourceConfidence: true,
        status: true,
        retractedAt: true,
        excerpts: {
          orderBy: { position: "asc" },
          select: {
            id: true,
            document: {
              select: {
                id: true,
                title: true,
                reliabilityOverride: true,
                retractedAt: true,
                source: { select: { reliability: true, retractedAt: true } },
              },
            },
          },
        },
      },
    }),
  ]);
  const ratings = await db.achRating.findMany({
    where: { hypothesisId: { in: hypotheses.map((h) => h.id) } },
    select: { hypothesisId: true, claimId: true, raterId: true, rating: true, note: true, rater: { select: { name: true } } },
  });
  const scores = computeAchScores({
    hypothesisIds: hypotheses.map((h) => h.id),
    claimIds: claims.map((c) => c.id),
    ratings: ratings.map((r) => ({ hypothesisId: r.hypothesisId, claimId: r.claimId, raterId: r.raterId, rating: r.rating })),
    excludedClaimIds,
  });
  const noteOf = new Map(ratings.map((r) => [`${r.hypothesisId}|${r.claimId}|${r.raterId}`, { note: r.note, raterName: r.rater.name }]));
  return {
    question,
    hypotheses,
    claims: claims.map(({ excerpts, ...c }) => {
      const reliability = claimReliability(excerpts);
      // The claim's first quote, so the matrix can open it in the reader (#excerpt-<id>).
      const first = excerpts[0];
      return {
        ...c,
        grade: claimGrade({ reliability, credibility: c.credibility }),
        quote: first ? { excerptId: first.id, documentId: first.document.id, documentTitle: first.document.title } : null,
      };
    }),
    cells: scores.cells.map((cell) => ({
      ...cell,
      ratings: cell.ratings.map((r) => ({ ...r, ...noteOf.get(`${cell.hypothesisId}|${cell.claimId}|${r.raterId}`) })),
    })),
    scores: { hypotheses: scores.hypotheses, evidence: scores.evidence, note: ACH_SCORES_NOTE },
    excludedClaimIds,
  };
}
