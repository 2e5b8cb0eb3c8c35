import Link from "next/link";
import { requireActorOrRedirect } from "@/lib/auth/current-user";
import { listCases } from "@/lib/cases/list-cases";
import { caseActivity } from "@/lib/cases/case-activity";
import { reviewQueue } from "@/lib/review/review-queue";
import { AppHeader } from "@/components/app-header";
import { CaseTable, type DashboardCase } from "@/components/dashboard/case-table";
import { ReviewQueuePanel } from "@/components/dashboard/review-queue-panel";
import { listMyTasks } from "@/lib/tasks/list-my-tasks";
import { todayUtc } from "@/lib/tasks/due-dates";
import { CaseListFilterSchema } from "@/lib/cases/schemas";
import { MyTasksPanel } from "@/components/dashboard/my-tasks-panel";
import { CaseFilters } from "@/components/dashboard/case-filters";

export const dynamic = "force-dynamic";

export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActorOrRedirect("/");
  const sp = await searchParams;
  const filter = CaseListFilterSchema.parse({ q: sp.q, status: sp.status });
  const filtered = !!(filter.q || filter.status);
  const [cases, queue, myTasks] = await Promise.all([listCases({ actor, filter }), reviewQueue({ actor }), listMyTasks({ actor })]);
  // Per case: the newest audit event, and the judgments currently in review (one statement for all).
  const activity = await caseActivity({ caseIds: cases.map((c) => c.id) });
  const rows: DashboardCase[] = cases.map((c) => ({
    id: c.id,
    title: c.title,
    summary: c.summary,
    status: c.status,
    tlp: c.tlp,
    role: c.role,
    documentCount: c.documentCount,
    updatedAt: c.updatedAt,
    lastActivity: activity.get(c.id)?.last ?? null,
    inReview: activity.get(c.id)?.inReview ?? 0,
    waitingForYou: queue.items.filter((q) => q.caseId === c.id).length,
  }));
  // Most recent activity first, by the audit trail rather than the case row's own timestamp.
  rows.sort((a, b) => (b.lastActivity?.at ?? b.updatedAt.toISOString()).localeCompare(a.lastActivity?.at ?? a.updatedAt.toISOString()));

  return (
    <>
      <AppHeader user={actor} reviewUnread={queue.unread} />
      <main className="mx-auto max-w-7xl space-y-6 px-4 py-8">
        <div className="flex items-end justify-between gap-4">
          <div>
            <h1 className="text-2xl font-semibold tracking-tight">Your cases</h1>
            <p className="text-sm text-slate-600">Cases you are a member of, most recently active first.</p>
          </div>
          <Link
            href="/cases/new"
            className="rounded-md bg-indigo-700 px-3.5 py-2 text-sm font-semibold text-white shadow-sm hover:bg-indigo-800"
          >
            New case
          </Link>
        </div>
        {(queue.items.length > 0 || cases.length > 0 || filtered) && <ReviewQueuePanel queue={queue} />}
        {(myTasks.length > 0 || cases.length > 0 || filtered) && <MyTasksPanel tasks={myTasks} today={todayUtc()} />}
        {cases.length === 0 && !filtered ? (
          <div className="rounded-lg border border-dashed border-slate-300 bg-white p-10 text-center">
            <h2 className="font-medium">No cases yet</h2>
            <p className="mx-auto mt-1 max-w-md text-sm text-slate-600">
              Start by creating a case for the question you are working on, then add the source documents you have: paste a report, upload a
              file or capture a web page. If a colleague has a case you should work on, ask its owner to add you.
            </p>
            <Link
              href="/cases/new"
              className="mt-4 inline-block rounded-md bg-indigo-700 px-3.5 py-2 text-sm font-semibold text-white hover:bg-indigo-800"
            >
              Create your first case
            </Link>
          </div>
        ) : (
          <section aria-labelledby="cases-heading" className="space-y-2">
            <h2 id="cases-heading" className="font-semibold">
              Cases
            </h2>
            <CaseFilters q={filter.q} status={filter.status} />
            {cases.length === 0 ? (
              <p
                className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center text-sm text-slate-600"
                data-testid="no-cases-match"
              >
                None of your cases matches this filter.
              </p>
            ) : (
              <CaseTable cases={rows} />
            )}
          </section>
        )}
      </main>
    </>
  );
}
