"use client";
// The case's indicators: a server-paginated table whose filters, sort and page live in the URL. Values are
// shown defanged and never as links; "Copy refanged" puts the working value on the clipboard.
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api } from "@/lib/client/api";
import { indicatorKeys } from "@/lib/client/query-keys";
import { CopyRefangedButton } from "./copy-refanged-button";
import { FlagBadges } from "./flag-badges";
import { INDICATOR_TYPE_LABELS, STATUS_LABELS, type IndicatorPage, type IndicatorRow } from "./indicator-labels";
import { IndicatorsFilters } from "./indicators-filters";
import {
  INDICATOR_PAGE_SIZE,
  hasIndicatorFilters,
  indicatorParamsFromSearch,
  indicatorSearchFromParams,
  type IndicatorListParams,
  type IndicatorSortKey,
} from "./indicator-list-params";

export function IndicatorsTable({ caseId, initial, initialSearch }: { caseId: string; initial: IndicatorPage; initialSearch: string }) {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const params = useMemo(() => indicatorParamsFromSearch((k) => searchParams.get(k)), [searchParams]);
  const search = indicatorSearchFromParams(params);

  const { data, isFetching, isError, error } = useQuery({
    queryKey: indicatorKeys.list(caseId, params),
    queryFn: () => api<IndicatorPage>(`/api/cases/${caseId}/indicators?${search ? `${search}&` : ""}pageSize=${INDICATOR_PAGE_SIZE}`),
    initialData: search === initialSearch ? initial : undefined,
    placeholderData: keepPreviousData,
  });

  // The History API keeps useSearchParams in step without a server round trip for the page itself.
  const navigate = useCallback(
    (next: Partial<IndicatorListParams>, opts: { replace?: boolean } = {}) => {
      const merged: IndicatorListParams = { ...params, page: 1, ...next };
      const qs = indicatorSearchFromParams(merged);
      const url = `${pathname}${qs ? `?${qs}` : ""}`;
      if (opts.replace) window.history.replaceState(null, "", url);
      else window.history.pushState(null, "", url);
    },
    [params, pathname],
  );

  const onSort = (sort: IndicatorSortKey) => {
    const dir = params.sort === sort ? (params.dir === "asc" ? "desc" : "asc") : sort === "value" || sort === "type" ? "asc" : "desc";
    navigate({ sort, dir });
  };

  const page = data ?? { indicators: [], total: 0, page: params.page, pageSize: INDICATOR_PAGE_SIZE, pages: 1 };
  const first = page.total ? (page.page - 1) * page.pageSize + 1 : 0;
  const last = Math.min(page.total, page.page * page.pageSize);

  return (
    <div className="space-y-3">
      <IndicatorsFilters params={params} onChange={navigate} />
      {isError && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          Could not load indicators: {error.message}
        </p>
      )}
      <div className="flex items-center justify-between text-sm text-slate-700">
        <p aria-live="polite" data-testid="indicators-total">
          {page.total === 1 ? "1 indicator" : `${page.total.toLocaleString("en")} indicators`}
          {page.total > 0 && (
            <span className="text-slate-600">
              {" "}
              · showing {first}–{last}
            </span>
          )}
          {isFetching && <span className="ml-2 text-slate-600">Loading…</span>}
        </p>
        <Pagination page={page.page} pages={page.pages} onPage={(p) => navigate({ page: p })} />
      </div>
      {data && page.total === 0 ? (
        <div className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-700">
          {hasIndicatorFilters(params) ? (
            <p>No indicators match these filters. Loosen a filter or clear them all.</p>
          ) : (
            <p>
              No indicators yet. Open a document from the{" "}
              <Link href={`/cases/${caseId}`} className="font-medium text-indigo-800 underline">
                case overview
              </Link>{" "}
              and press “Find indicators”, or type one in above.
            </p>
          )}
        </div>
      ) : (
        <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className={`w-full text-left text-sm ${isFetching ? "opacity-70" : ""}`} aria-busy={isFetching} aria-label="Indicators">
            <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-700">
              <tr>
                <SortHeader params={params} sortKey="type" onSort={onSort} label="Type" />
                <SortHeader params={params} sortKey="value" onSort={onSort} label="Value (defanged)" className="min-w-[16rem]" />
                <th scope="col" className="px-2 py-2">
                  Flags
                </th>
                <th scope="col" className="px-2 py-2">
                  Status
                </th>
                <th scope="col" className="px-2 py-2 text-right">
                  Quotes
                </th>
                <SortHeader params={params} sortKey="otherCases" onSort={onSort} label="Other cases" />
                <th scope="col" className="px-2 py-2 whitespace-nowrap">
                  First seen
                </th>
                <SortHeader params={params} sortKey="lastSeen" onSort={onSort} label="Last seen" />
                <SortHeader params={params} sortKey="created" onSort={onSort} label="Added" />
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {page.indicators.map((i) => (
                <IndicatorTableRow key={i.id} caseId={caseId} indicator={i} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {page.pages > 1 && (
        <div className="flex justify-end">
          <Pagination page={page.page} pages={page.pages} onPage={(p) => navigate({ page: p })} label="Pagination (bottom)" />
        </div>
      )}
    </div>
  );
}

function IndicatorTableRow({ caseId, indicator: i }: { caseId: string; indicator: IndicatorRow }) {
  return (
    <tr className={`align-top hover:bg-slate-50 ${i.status === "retired" ? "text-slate-500" : ""}`} data-testid="indicator-row">
      <td className="px-2 py-1.5 whitespace-nowrap">{INDICATOR_TYPE_LABELS[i.type]}</td>
      <td className="px-2 py-1.5">
        {/* The defanged text is plain text; the link goes to the indicator's page, never to the value. */}
        <Link
          href={`/cases/${caseId}/indicators/${i.id}`}
          className="break-all font-mono text-slate-900 hover:text-indigo-800 hover:underline"
        >
          <span data-testid="indicator-value">{i.defanged}</span>
        </Link>
        <div className="mt-1">
          <CopyRefangedButton value={i.value} label={i.defanged} />
        </div>
      </td>
      <td className="px-2 py-1.5">
        <FlagBadges flags={i.flags} />
      </td>
      <td className="px-2 py-1.5 whitespace-nowrap">{STATUS_LABELS[i.status]}</td>
      <td className="px-2 py-1.5 text-right tabular-nums">{i.quotes}</td>
      <td className="px-2 py-1.5 text-xs" data-testid="indicator-other-cases">
        {i.otherCases > 0 ? (
          <Link href={`/cases/${caseId}/indicators/${i.id}#other-cases`} className="text-indigo-800 underline">
            also in {i.otherCases} other {i.otherCases === 1 ? "case" : "cases"} you can read
          </Link>
        ) : (
          <span className="text-slate-600">—</span>
        )}
      </td>
      <td className="px-2 py-1.5 whitespace-nowrap text-xs">{i.firstSeen ?? "—"}</td>
      <td className="px-2 py-1.5 whitespace-nowrap text-xs">{i.lastSeen ?? "—"}</td>
      <td className="px-2 py-1.5 whitespace-nowrap text-xs text-slate-600">{i.createdAt.slice(0, 10)}</td>
    </tr>
  );
}

function ariaSort(params: IndicatorListParams, key: IndicatorSortKey): "ascending" | "descending" | undefined {
  if (params.sort !== key) return undefined;
  return params.dir === "asc" ? "ascending" : "descending";
}

function SortHeader({
  params,
  sortKey,
  onSort,
  label,
  className = "",
}: {
  params: IndicatorListParams;
  sortKey: IndicatorSortKey;
  onSort: (k: IndicatorSortKey) => void;
  label: string;
  className?: string;
}) {
  const sort = ariaSort(params, sortKey);
  return (
    <th scope="col" className={`px-2 py-2 whitespace-nowrap ${className}`} aria-sort={sort ?? "none"}>
      <button
        type="button"
        onClick={() => onSort(sortKey)}
        className={`inline-flex items-center gap-0.5 rounded px-0.5 font-semibold uppercase hover:text-indigo-800 focus-visible:outline-2 focus-visible:outline-indigo-600 ${sort ? "text-indigo-800" : ""}`}
      >
        {label}
        <span aria-hidden="true">{sort === "ascending" ? "▲" : sort === "descending" ? "▼" : "↕"}</span>
      </button>
    </th>
  );
}

function Pagination({
  page,
  pages,
  onPage,
  label = "Pagination",
}: {
  page: number;
  pages: number;
  onPage: (p: number) => void;
  label?: string;
}) {
  if (pages <= 1 && page <= 1) return null;
  const btn =
    "rounded-md px-2.5 py-1 text-sm font-medium ring-1 ring-slate-300 bg-white hover:bg-slate-50 disabled:cursor-not-allowed disabled:text-slate-500";
  return (
    <nav aria-label={label} className="flex items-center gap-2">
      <button type="button" className={btn} disabled={page <= 1} onClick={() => onPage(page - 1)}>
        Previous page
      </button>
      <span className="text-sm text-slate-700">
        Page {page} of {pages}
      </span>
      <button type="button" className={btn} disabled={page >= pages} onClick={() => onPage(page + 1)}>
        Next page
      </button>
    </nav>
  );
}
