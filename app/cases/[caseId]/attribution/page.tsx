import { requireCasePage } from "@/lib/http/page-access";
import { can } from "@/lib/auth/permissions";
import { listQuestions } from "@/lib/attribution/questions";
import { getHypothesis } from "@/lib/attribution/hypotheses";
import { loadVendorStatements } from "@/lib/attribution/vendor-statements";
import { listEntities } from "@/lib/entities/list-entities";
import { HypothesisCard } from "@/components/attribution/hypothesis-card";
import { AddQuestionForm } from "@/components/attribution/add-question-form";
import { AddHypothesisForm } from "@/components/attribution/add-hypothesis-form";

export default async function AttributionPage({ params }: { params: Promise<{ caseId: string }> }) {
  const { caseId } = await params;
  const { access } = await requireCasePage({ caseId, action: "attribution.read", path: `/cases/${caseId}/attribution` });
  const canManage = can(access.role, "hypotheses.manage");
  const [questions, entities] = await Promise.all([listQuestions({ access }), canManage ? listEntities({ access }) : Promise.resolve([])]);
  const hypotheses = questions.flatMap((q) => q.hypotheses);
  // Only approved judgments need their reviews loaded, to name who approved them.
  const [approved, statements] = await Promise.all([
    Promise.all(hypotheses.filter((h) => h.reviewState === "approved").map((h) => getHypothesis({ access, hypothesisId: h.id }))),
    loadVendorStatements({ access, entityIds: hypotheses.flatMap((h) => (h.actorEntityId ? [h.actorEntityId] : [])) }),
  ]);
  const approvedBy = new Map(
    approved.map((d) => [d.hypothesis.id, d.reviews.filter((r) => r.decision === "approved").at(-1)?.reviewer?.name ?? null]),
  );
  const entityOptions = entities.map((e) => ({ id: e.id, name: e.name, kind: e.kind }));

  return (
    <main className="mx-auto max-w-7xl space-y-8 px-4 py-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-lg font-semibold">Attribution</h2>
        <p className="text-sm text-slate-600">
          Competing hypotheses side by side: likelihood (ICD 203) and analytic confidence are separate judgments.
        </p>
      </div>
      {questions.length === 0 && (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-700">
          {canManage
            ? "No attribution question yet. Start by writing the question the evidence should answer, then add every hypothesis worth refuting — including the unlikely ones."
            : "No attribution question has been written for this case yet."}
        </p>
      )}
      {questions.map((q) => (
        <section key={q.id} aria-labelledby={`q-${q.id}`} className="space-y-3" data-testid="attribution-question">
          <h3 id={`q-${q.id}`} className="text-base font-semibold text-slate-900">
            {q.question}
          </h3>
          {q.conclusion && (
            <p className="text-sm text-slate-700">
              <span className="font-medium">Conclusion:</span> {q.conclusion}
            </p>
          )}
          {q.hypotheses.length ? (
            <div
              className="grid grid-cols-[repeat(auto-fill,minmax(16rem,1fr))] gap-4"
              role="list"
              aria-label={`Hypotheses for: ${q.question}`}
            >
              {q.hypotheses.map((h) => (
                <div role="listitem" key={h.id} className="flex [&>article]:w-full">
                  <HypothesisCard
                    caseId={caseId}
                    h={h}
                    approvedBy={approvedBy.get(h.id) ?? null}
                    statements={(h.actorEntityId && statements[h.actorEntityId]) || []}
                  />
                </div>
              ))}
            </div>
          ) : (
            <p className="text-sm text-slate-600">
              No hypotheses yet.{canManage && " Add at least two competing answers, so the evidence has something to discriminate between."}
            </p>
          )}
          {canManage && (
            <details className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
              <summary className="cursor-pointer text-sm font-semibold text-indigo-800">Add a hypothesis to this question</summary>
              <div className="pt-3">
                <AddHypothesisForm caseId={caseId} questionId={q.id} entities={entityOptions} />
              </div>
            </details>
          )}
        </section>
      ))}
      {canManage && (
        <section aria-labelledby="add-question" className="max-w-2xl rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <h3 id="add-question" className="mb-3 font-semibold">
            Ask a new attribution question
          </h3>
          <AddQuestionForm caseId={caseId} />
        </section>
      )}
    </main>
  );
}
