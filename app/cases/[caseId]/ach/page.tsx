import Link from "next/link";
import { notFound } from "next/navigation";
import { requireCasePage } from "@/lib/http/page-access";
import { can } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { isId } from "@/lib/ids/id-schema";
import { getAchMatrix } from "@/lib/attribution/get-ach-matrix";
import { listQuestions } from "@/lib/attribution/questions";
import { AchMatrix } from "@/components/attribution/ach-matrix";
import { toAchView } from "@/components/attribution/ach-view";
import { ShowRetractedToggle } from "@/components/lifecycle/show-retracted-toggle";
import { listRecordedHistory } from "@/lib/stix/list-recorded-history";
import { RecordedRatings } from "@/components/attribution/recorded-ratings";

export default async function AchPage({
  params,
  searchParams,
}: {
  params: Promise<{ caseId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { caseId } = await params;
  const { question, include } = await searchParams;
  const showRetracted = include === "retracted";
  const { actor, access } = await requireCasePage({ caseId, action: "attribution.read", path: `/cases/${caseId}/ach` });
  // A malformed or foreign question id is the same 404 as an unknown one.
  if (question !== undefined && !isId(question)) notFound();
  const [questions, matrix, recorded] = await Promise.all([
    listQuestions({ access }),
    getAchMatrix({ access, questionId: question, includeRetracted: showRetracted }).catch((err: unknown) => {
      if (err instanceof NotFoundError) notFound();
      throw err;
    }),
    // An imported case's ratings and dissent from the workspace it came from (empty for a case made here).
    listRecordedHistory({ access }),
  ]);

  return (
    <main className="mx-auto max-w-7xl space-y-4 px-4 py-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-lg font-semibold">ACH matrix</h2>
        <div className="flex items-center gap-4">
          <ShowRetractedToggle
            path={`/cases/${caseId}/ach`}
            params={{ question: typeof question === "string" ? question : undefined }}
            showing={showRetracted}
          />
          <Link href={`/cases/${caseId}/attribution`} className="text-sm text-indigo-800 underline">
            Questions and hypotheses
          </Link>
        </div>
      </div>
      {questions.length > 1 && (
        <nav aria-label="Attribution questions" className="flex flex-wrap gap-2">
          {questions.map((q) => {
            const current = q.id === matrix?.question.id;
            return (
              <Link
                key={q.id}
                href={`/cases/${caseId}/ach?question=${q.id}`}
                aria-current={current ? "page" : undefined}
                className={`max-w-md truncate rounded-full px-3 py-1 text-sm ring-1 ${current ? "bg-indigo-50 font-medium text-indigo-900 ring-indigo-400" : "text-slate-700 ring-slate-300 hover:bg-slate-50"}`}
              >
                {q.question}
              </Link>
            );
          })}
        </nav>
      )}
      {!matrix ? (
        <Empty>
          No attribution question yet. Ask one, and add competing hypotheses, on the{" "}
          <Link href={`/cases/${caseId}/attribution`} className="text-indigo-800 underline">
            Attribution
          </Link>{" "}
          tab.
        </Empty>
      ) : (
        <>
          <p className="text-sm text-slate-800">
            <span className="font-medium">Question:</span> {matrix.question.question}
          </p>
          {matrix.hypotheses.length === 0 ? (
            <Empty>
              This question has no hypotheses yet. Add them on the{" "}
              <Link href={`/cases/${caseId}/attribution`} className="text-indigo-800 underline">
                Attribution
              </Link>{" "}
              tab.
            </Empty>
          ) : matrix.claims.length === 0 ? (
            <Empty>
              No claims to weigh yet. Draw claims from the documents on the{" "}
              <Link href={`/cases/${caseId}/claims`} className="text-indigo-800 underline">
                Claims
              </Link>{" "}
              tab.
            </Empty>
          ) : (
            <AchMatrix
              key={matrix.question.id}
              caseId={caseId}
              initial={toAchView(matrix)}
              me={{ id: actor.id, name: actor.name }}
              canRate={can(access.role, "ach.rate")}
            />
          )}
          <RecordedRatings hypotheses={matrix.hypotheses} claims={matrix.claims} ratings={recorded.ratings} dissent={recorded.dissent} />
        </>
      )}
    </main>
  );
}

function Empty({ children }: { children: React.ReactNode }) {
  return <p className="rounded-md border border-dashed border-slate-300 bg-white px-4 py-6 text-sm text-slate-700">{children}</p>;
}
