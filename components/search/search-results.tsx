// One page of search hits: kind, case, grade and date on a line, the title as the link, then the
// highlighted snippet.
import Link from "next/link";
import type { SearchKind, SearchResponse } from "@/lib/search/schemas";
import { ReliabilityBadge } from "@/components/sources/reliability-badge";
import { SnippetText } from "./snippet-text";
import { searchHref, type SearchParams } from "./search-params";
import { RetractedTag } from "@/components/lifecycle/retracted-banner";

const KIND_STYLE: Record<SearchKind, string> = {
  document: "bg-sky-100 text-sky-900",
  claim: "bg-violet-100 text-violet-900",
  entity: "bg-emerald-100 text-emerald-900",
  source: "bg-amber-100 text-amber-900",
  indicator: "bg-rose-100 text-rose-900",
};

export function SearchResults({ result, params }: { result: SearchResponse; params: SearchParams }) {
  const first = (result.page - 1) * result.pageSize + 1;
  const last = Math.min(result.total, first + result.results.length - 1);
  const pages = Math.max(1, Math.ceil(result.total / result.pageSize));
  const link = "rounded-md px-3 py-1.5 font-medium ring-1 ring-slate-300 hover:bg-slate-50";
  const off = "rounded-md px-3 py-1.5 text-slate-500 ring-1 ring-slate-200";
  return (
    <>
      {result.results.length === 0 ? (
        <p className="text-sm text-slate-700">
          No results on this page.{" "}
          <Link className="text-indigo-800 underline" href={searchHref(params, { page: "1" })}>
            Back to the first page
          </Link>
          .
        </p>
      ) : (
        <ol className="divide-y divide-slate-200 rounded-md border border-slate-200 bg-white" data-testid="search-results">
          {result.results.map((r) => (
            <li key={`${r.kind}-${r.id}`} className="space-y-1 px-4 py-3" data-testid="search-result" data-kind={r.kind}>
              <div className="flex flex-wrap items-center gap-2 text-xs text-slate-600">
                <span className={`rounded px-1.5 py-0.5 font-semibold uppercase tracking-wide ${KIND_STYLE[r.kind]}`}>{r.kind}</span>
                <span>{r.caseTitle}</span>
                {r.publishedAt && <span>· published {r.publishedAt.slice(0, 10)}</span>}
                {r.grade ? (
                  <span className="font-mono font-semibold text-slate-800" title="Source reliability and information credibility">
                    · {r.grade}
                  </span>
                ) : r.reliability ? (
                  <ReliabilityBadge grade={r.reliability} />
                ) : null}
              </div>
              <Link href={r.url} className="block font-medium text-indigo-800 hover:underline">
                {r.title}
                {r.retracted && <RetractedTag />}
              </Link>
              {r.snippet && (
                <p className="text-sm leading-relaxed text-slate-700">
                  <SnippetText html={r.snippet} />
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
      <nav aria-label="Result pages" className="flex items-center justify-between gap-4 text-sm">
        <p className="text-slate-600">
          {result.results.length
            ? `Results ${first.toLocaleString("en")}–${last.toLocaleString("en")} of ${result.total.toLocaleString("en")}`
            : `${result.total.toLocaleString("en")} results`}
        </p>
        {pages > 1 && (
          <div className="flex items-center gap-2">
            {result.page > 1 ? (
              <Link href={searchHref(params, { page: String(result.page - 1) })} className={link} rel="prev">
                ← Previous
              </Link>
            ) : (
              <span className={off} aria-disabled="true">
                ← Previous
              </span>
            )}
            <span className="text-slate-600">
              Page {result.page} of {pages}
            </span>
            {result.page < pages ? (
              <Link href={searchHref(params, { page: String(result.page + 1) })} className={link} rel="next">
                Next →
              </Link>
            ) : (
              <span className={off} aria-disabled="true">
                Next →
              </span>
            )}
          </div>
        )}
      </nav>
    </>
  );
}
