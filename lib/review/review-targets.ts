import "server-only";
import { db } from "@/lib/db";

type ReviewRow = { caseId: string; targetType: string; targetId: string; case: { title: string } };

/**
 * What each review is about, as a title and the page where it is reviewed: a judgment on its own page,
 * a brief on the case's Brief page (its targetId is the case id), a question on the Attribution page.
 * Shared by the reviewer's queue and the submitter's list, so every kind opens the same way in both.
 */
export async function describeReviewTargets<R extends ReviewRow>(reviews: R[]) {
  const of = (type: string) => reviews.filter((r) => r.targetType === type).map((r) => r.targetId);
  const [hypotheses, questions] = await Promise.all([
    db.hypothesis.findMany({ where: { id: { in: of("hypothesis") } }, select: { id: true, title: true, authorId: true } }),
    db.attributionQuestion.findMany({ where: { id: { in: of("question") } }, select: { id: true, question: true } }),
  ]);
  const hypothesisOf = new Map(hypotheses.map((h) => [h.id, h]));
  const questionOf = new Map(questions.map((q) => [q.id, q.question]));
  const describe = (r: R) => {
    if (r.targetType === "brief") return { title: `Brief of “${r.case.title}”`, href: `/cases/${r.caseId}/brief` };
    if (r.targetType === "question")
      return { title: questionOf.get(r.targetId) ?? "(deleted question)", href: `/cases/${r.caseId}/attribution` };
    return { title: hypothesisOf.get(r.targetId)?.title ?? "(deleted judgment)", href: `/cases/${r.caseId}/attribution/${r.targetId}` };
  };
  return { describe, authorOf: (r: R) => hypothesisOf.get(r.targetId)?.authorId ?? null };
}
