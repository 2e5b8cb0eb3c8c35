import Link from "next/link";
import type { Metadata } from "next";
import { requireCasePage } from "@/lib/http/page-access";
import { listAudit } from "@/lib/audit/list-audit";
import { getCase } from "@/lib/cases/get-case";
import { nameAuditRecords } from "@/lib/audit/name-audit-records";
import { ActivityList } from "@/components/activity/activity-list";
import { ActivityFilters } from "@/components/activity/activity-filters";
import { ActivityPagination } from "@/components/activity/activity-pagination";
import { hasFilters, paramsFromSearch, serviceQuery } from "@/components/activity/activity-params";

export const metadata: Metadata = { title: "Activity" };

export default async function ActivityPage({
  params,
  searchParams,
}: {
  params: Promise<{ caseId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { caseId } = await params;
  const sp = await searchParams;
  const basePath = `/cases/${caseId}/activity`;
  const { access } = await requireCasePage({ caseId, action: "audit.read", path: basePath });
  const filters = paramsFromSearch((k) => {
    const v = sp[k];
    return Array.isArray(v) ? v[0] : v;
  });
  const [page, c] = await Promise.all([listAudit({ access, query: serviceQuery(filters) }), getCase({ access })]);
  // Ratings, reviews and membership changes record only ids: name each record by its current name.
  const names = await nameAuditRecords({ access, events: page.events });
  const members = c.members.map((m) => ({ id: m.user.id, name: m.user.name })).sort((a, b) => a.name.localeCompare(b.name));

  return (
    <main className="mx-auto max-w-7xl space-y-4 px-4 py-6">
      <div>
        <h2 className="text-lg font-semibold">Activity</h2>
        <p className="text-sm text-slate-600">
          Every change to this case, newest first: who did what, when, why, and exactly what changed. The log cannot be edited or deleted.
        </p>
      </div>
      <ActivityFilters params={filters} members={members} />
      <ActivityPagination basePath={basePath} params={filters} total={page.total} pageSize={page.pageSize} />
      {page.events.length ? (
        <ActivityList events={page.events} caseId={caseId} names={names} />
      ) : (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white p-8 text-center text-sm text-slate-600">
          {hasFilters(filters) ? (
            <>
              Nothing matches these filters.{" "}
              <Link href={basePath} className="font-medium text-indigo-800 underline">
                Clear filters
              </Link>{" "}
              to see all activity.
            </>
          ) : filters.page > 1 ? (
            <>
              There are no events on this page.{" "}
              <Link href={basePath} className="font-medium text-indigo-800 underline">
                Go to the newest events
              </Link>
              .
            </>
          ) : (
            <>Nothing has happened in this case yet. Adding a document, a source or a claim will show up here.</>
          )}
        </div>
      )}
      {page.total > page.pageSize && (
        <ActivityPagination
          basePath={basePath}
          params={filters}
          total={page.total}
          pageSize={page.pageSize}
          label="Activity pages (bottom)"
        />
      )}
    </main>
  );
}
