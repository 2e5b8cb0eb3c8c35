import Link from "next/link";
import { redirect } from "next/navigation";
import type { Metadata } from "next";
import { requireActorOrRedirect } from "@/lib/auth/current-user";
import { listCases } from "@/lib/cases/list-cases";
import { listSources } from "@/lib/sources/list-sources";
import { search } from "@/lib/search/search";
import { EMPTY_QUERY_MESSAGE, SEARCH_KINDS, type SearchResponse } from "@/lib/search/schemas";
import { InvalidError, type FieldIssue } from "@/lib/errors";
import { AppHeader } from "@/components/app-header";
import { SearchForm } from "@/components/search/search-form";
import { SearchResults } from "@/components/search/search-results";
import { SearchHelp } from "@/components/search/search-help";
import { searchHref, searchParamsFrom } from "@/components/search/search-params";

export const metadata: Metadata = { title: "Search" };
export const dynamic = "force-dynamic";

const KIND_TABS = [
  { kind: undefined, label: "All" },
  ...SEARCH_KINDS.map((k) => ({ kind: k, label: `${k[0].toUpperCase()}${k.slice(1)}s` })),
];

export default async function SearchPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const first = (k: string) => {
    const v = sp[k];
    return Array.isArray(v) ? v[0] : v;
  };
  const params = searchParamsFrom(first);
  // The plain GET form sends every filter, chosen or not; drop the empty ones so the URL reads cleanly.
  const blanks = Object.keys(sp).filter((k) => k !== "q" && first(k) === "");
  if (blanks.length)
    redirect(
      params.q || first("q") === undefined ? searchHref(params) : `${searchHref(params)}${searchHref(params).includes("?") ? "&" : "?"}q=`,
    );
  const actor = await requireActorOrRedirect(searchHref(params));
  const cases = await listCases({ actor });
  const chosenCase = cases.find((c) => c.id === params.caseId);
  const sources = chosenCase ? await listSources({ access: { caseId: chosenCase.id, role: chosenCase.role } }) : [];

  // A submitted form with an empty box is a mistake to explain; a bare /search is just the start page.
  const submitted = first("q") !== undefined;
  let result: SearchResponse | null = null;
  let issues: FieldIssue[] = [];
  if (submitted) {
    try {
      result = await search({ actor, query: params });
    } catch (err) {
      if (!(err instanceof InvalidError)) throw err;
      issues = err.issues?.length ? err.issues : [{ path: "q", message: err.message || EMPTY_QUERY_MESSAGE }];
    }
  }

  return (
    <>
      <AppHeader user={actor} />
      <main className="mx-auto max-w-7xl space-y-5 px-4 py-6">
        <div>
          <h1 className="text-xl font-semibold tracking-tight text-slate-900">Search</h1>
          <p className="text-sm text-slate-600">Documents, claims, entities and sources across the cases you belong to.</p>
        </div>
        <SearchForm
          params={params}
          issues={issues}
          cases={cases.map((c) => ({ id: c.id, title: c.title }))}
          sources={sources.map((s) => ({ id: s.id, name: s.name }))}
        />
        {result && (
          <section aria-labelledby="results-heading" className="space-y-3">
            <h2 id="results-heading" className="sr-only">
              Results
            </h2>
            <nav aria-label="Result kinds" className="flex flex-wrap gap-1 border-b border-slate-200">
              {KIND_TABS.map(({ kind, label }) => {
                const n = kind ? result.counts[kind] : SEARCH_KINDS.reduce((s, k) => s + result.counts[k], 0);
                const current = params.kind === kind;
                return (
                  <Link
                    key={label}
                    href={searchHref(params, { kind: kind ?? "", page: "1" })}
                    aria-current={current ? "page" : undefined}
                    className={`-mb-px border-b-2 px-3 py-2 text-sm ${current ? "border-indigo-700 font-semibold text-indigo-800" : "border-transparent text-slate-600 hover:text-slate-900"}`}
                    data-testid={`kind-tab-${kind ?? "all"}`}
                  >
                    {label} <span className="tabular-nums text-slate-600">{n.toLocaleString("en")}</span>
                  </Link>
                );
              })}
            </nav>
            {result.total === 0 ? (
              <div className="rounded-md border border-slate-200 bg-white p-4" data-testid="search-empty">
                <p className="text-sm font-medium text-slate-900">
                  Nothing matches “{params.q}”
                  {params.kind || params.caseId || params.sourceId || params.from || params.to || params.reliability
                    ? " with these filters"
                    : ""}
                  .
                </p>
                <SearchHelp />
              </div>
            ) : (
              <SearchResults result={result} params={params} />
            )}
          </section>
        )}
        {!result && !issues.length && (
          <div className="rounded-md border border-slate-200 bg-white p-4">
            <SearchHelp />
          </div>
        )}
      </main>
    </>
  );
}
