"use client";
// The case's claims: a dense, server-paginated table whose filters, sort and page live in the URL.
import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api } from "@/lib/client/api";
import { claimKeys } from "@/lib/client/query-keys";
import { GradeBadge } from "./grade-badge";
import { RetractedTag } from "@/components/lifecycle/retracted-banner";
import { ClaimsFilters } from "./claims-filters";
import { ClaimLinkCounts } from "./claim-link-counts";
import {
  KIND_LABELS,
  STATUS_LABELS,
  STATUS_STYLES,
  type ClaimDetail,
  type ClaimPage,
  type EntityOption,
  type SourceOption,
} from "./claim-labels";
import { CLAIM_PAGE_SIZE, hasFilters, paramsFromSearch, searchFromParams, type ClaimListParams, type SortKey } from "./claim-list-params";

export function ClaimsTable({
  caseId,
  initial,
  initialSearch,
  sources,
  entities,
}: {
  caseId: string;
  initial: ClaimPage;
  initialSearch: string;
  sources: SourceOption[];
  entities: EntityOption[];
}) {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const params = useMemo(() => paramsFromSearch((k) => searchParams.get(k)), [searchParams]);
  const search = searchFromParams(params);

  const { data, isFetching, isError, error } = useQuery({
    queryKey: claimKeys.list(caseId, params),
    queryFn: () => api<ClaimPage>(`/api/cases/${caseId}/claims?${search ? `${search}&` : ""}pageSize=${CLAIM_PAGE_SIZE}`),
    initialData: search === initialSearch ? initial : undefined,
    placeholderData: keepPreviousData,
  });

  // The History API keeps useSearchParams in step without a server round trip for the page itself.
  const navigate = useCallback(
    (next: Partial<ClaimListParams>, opts: { replace?: boolean } = {}) => {
      const merged: ClaimListParams = { ...params, page: 1, ...next };
      const qs = searchFromParams(merged);
      const url = `${pathname}${qs ? `?${qs}` : ""}`;
      if (opts.replace) window.history.replaceState(null, "", url);
      else window.history.pushState(null, "", url);
    },
    [params, pathname],
  );

  const onSort = (sort: SortKey) => {
    const dir = params.sort === sort ? (params.dir === "asc" ? "desc" : "asc") : sort === "created" ? "desc" : "asc";
    navigate({ sort, dir });
  };

  const page = data ?? { claims: [], total: 0, page: params.page, pageSize: CLAIM_PAGE_SIZE, pages: 1 };
  const first = page.total ? (page.page - 1) * page.pageSize + 1 : 0;
  const last = Math.min(page.total, page.page * page.pageSize);

  return (
    <div className="space-y-3">
      <ClaimsFilters params={params} sources={sources} entities={entities} onChange={navigate} />
      {isError && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          Could not load claims: {error.message}
        </p>
      )}
      <div className="flex flex-wrap items-center justify-between gap-y-2 text-sm text-slate-700">
        <p aria-live="polite" data-testid="claims-total">
          {page.total === 1 ? "1 claim" : `${page.total.toLocaleString("en")} claims`}
          {page.total > 0 && (
            <span className="text-slate-600">
              {" "}
              · showing {first}–{last}
            </span>
          )}
          {isFetching && <span className="ml-2 text-slate-600">Loading…</span>}
        </p>
        <label className="ml-auto mr-4 inline-flex items-center gap-2">
          <input
            type="checkbox"
            data-testid="show-retracted"
            checked={params.include === "retracted"}
            onChange={(e) => navigate({ include: e.target.checked ? "retracted" : undefined })}
          />
          Show retracted
        </label>
        <Pagination page={page.page} pages={page.pages} onPage={(p) => navigate({ page: p })} />
      </div>
      {data && page.total === 0 ? (
        <EmptyState caseId={caseId} filtered={hasFilters(params)} />
      ) : (
        <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className={`w-full text-left text-sm ${isFetching ? "opacity-70" : ""}`} aria-busy={isFetching} aria-label="Claims">
            <thead className="border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-700">
              <tr>
                <th
                  scope="col"
                  className="px-2 py-2 whitespace-nowrap"
                  aria-sort={ariaSort(params, "reliability") ?? ariaSort(params, "credibility") ?? "none"}
                >
                  <span className="block">Grade</span>
                  <span className="flex gap-1 normal-case tracking-normal">
                    <SortButton params={params} sortKey="reliability" onSort={onSort} label="Rel." title="Sort by source reliability" />
                    <SortButton params={params} sortKey="credibility" onSort={onSort} label="Cred." title="Sort by credibility" />
                  </span>
                </th>
                <SortHeader params={params} sortKey="statement" onSort={onSort} label="Statement" className="min-w-[20rem]" />
                <th scope="col" className="px-2 py-2">
                  Claimant
                </th>
                <SortHeader params={params} sortKey="kind" onSort={onSort} label="Kind" />
                <SortHeader params={params} sortKey="status" onSort={onSort} label="Status" />
                <SortHeader params={params} sortKey="source" onSort={onSort} label="Source" />
                <th scope="col" className="px-2 py-2 text-right">
                  Quotes
                </th>
                <th scope="col" className="px-2 py-2">
                  Links
                </th>
                <th scope="col" className="px-2 py-2">
                  Entities
                </th>
                <SortHeader params={params} sortKey="created" onSort={onSort} label="Added" />
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {page.claims.map((c) => (
                <ClaimRow key={c.id} caseId={caseId} claim={c} />
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

function ClaimRow({ caseId, claim: c }: { caseId: string; claim: ClaimDetail }) {
  const warning = c.independence?.warning;
  return (
    <tr className={`align-top hover:bg-slate-50 ${warning ? "bg-amber-50/60" : ""}`} data-testid="claim-row">
      <td className="px-2 py-1.5">
        <GradeBadge grade={c.grade} reliability={c.reliability} credibility={c.credibility} />
      </td>
      <td className="px-2 py-1.5">
        <Link
          href={`/cases/${caseId}/claims/${c.id}`}
          className={`font-medium hover:text-indigo-800 hover:underline ${c.retraction ? "text-slate-500 line-through" : "text-slate-900"}`}
        >
          {c.statement}
        </Link>
        {c.retraction && <RetractedTag reason={c.retraction.reason} />}
        {warning && (
          <p className="mt-1 text-xs text-amber-900" data-testid="independence-warning">
            <span aria-hidden="true">⚠ </span>
            <span className="sr-only">Warning: </span>
            {warning}
          </p>
        )}
      </td>
      <td className="px-2 py-1.5 text-slate-700">{c.claimant}</td>
      <td className="px-2 py-1.5 whitespace-nowrap" data-testid="claim-kind">
        {KIND_LABELS[c.kind]}
      </td>
      <td className="px-2 py-1.5 whitespace-nowrap">
        <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${STATUS_STYLES[c.status]}`} data-testid="claim-status">
          {STATUS_LABELS[c.status]}
        </span>
      </td>
      <td className="px-2 py-1.5 text-slate-700">{c.source?.name ?? <span className="text-slate-600">No source</span>}</td>
      <td className="px-2 py-1.5 text-right tabular-nums">{c.excerpts.length}</td>
      <td className="px-2 py-1.5">
        <ClaimLinkCounts links={c.links} />
      </td>
      <td className="px-2 py-1.5 text-xs text-slate-700">
        {c.entities.map((e) => e.name).join(", ") || <span className="text-slate-600">—</span>}
      </td>
      <td className="px-2 py-1.5 whitespace-nowrap text-xs text-slate-600">{c.createdAt.slice(0, 10)}</td>
    </tr>
  );
}

function ariaSort(params: ClaimListParams, key: SortKey): "ascending" | "descending" | undefined {
  if (params.sort !== key) return undefined;
  return params.dir === "asc" ? "ascending" : "descending";
}

function SortButton({
  params,
  sortKey,
  onSort,
  label,
  title,
}: {
  params: ClaimListParams;
  sortKey: SortKey;
  onSort: (k: SortKey) => void;
  label: string;
  title?: string;
}) {
  const sort = ariaSort(params, sortKey);
  return (
    <button
      type="button"
      onClick={() => onSort(sortKey)}
      title={title}
      className={`inline-flex items-center gap-0.5 rounded px-0.5 font-semibold hover:text-indigo-800 focus-visible:outline-2 focus-visible:outline-indigo-600 ${sort ? "text-indigo-800" : ""}`}
    >
      {label}
      {title && <span className="sr-only"> ({title.toLowerCase()})</span>}
      <span aria-hidden="true">{sort === "ascending" ? "▲" : sort === "descending" ? "▼" : "↕"}</span>
    </button>
  );
}

function SortHeader({
  params,
  sortKey,
  onSort,
  label,
  className = "",
}: {
  params: ClaimListParams;
  sortKey: SortKey;
  onSort: (k: SortKey) => void;
  label: string;
  className?: string;
}) {
  return (
    <th scope="col" className={`px-2 py-2 whitespace-nowrap ${className}`} aria-sort={ariaSort(params, sortKey) ?? "none"}>
      <SortButton params={params} sortKey={sortKey} onSort={onSort} label={label} />
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

function EmptyState({ caseId, filtered }: { caseId: string; filtered: boolean }) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-700">
      {filtered ? (
        <p>No claims match these filters. Loosen a filter or clear them all.</p>
      ) : (
        <p>
          No claims yet. Open a document from the{" "}
          <Link href={`/cases/${caseId}`} className="font-medium text-indigo-800 underline">
            case overview
          </Link>
          , select the sentence that supports a claim and press “Claim”: the quote is attached and the claim appears here with its grade.
        </p>
      )}
    </div>
  );
}
