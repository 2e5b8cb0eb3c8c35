// The dashboard's case filter: a plain GET form (?q=&status=), so the server renders the filtered
// list and the URL can be shared or bookmarked; it works without JavaScript.
import Link from "next/link";
import { CASE_STATUSES } from "@/lib/cases/schemas";

const control =
  "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm shadow-sm focus:border-indigo-500 focus:ring-1 focus:ring-indigo-500 focus:outline-none";

export function CaseFilters({ q, status }: { q?: string; status?: string }) {
  return (
    <form method="get" action="/" role="search" aria-label="Filter cases" className="flex flex-wrap items-end gap-3">
      <div className="space-y-1">
        <label htmlFor="case-filter-q" className="block text-xs font-medium text-slate-700">
          Title or summary contains
        </label>
        <input id="case-filter-q" name="q" type="search" defaultValue={q ?? ""} maxLength={200} className={`${control} w-64`} />
      </div>
      <div className="space-y-1">
        <label htmlFor="case-filter-status" className="block text-xs font-medium text-slate-700">
          Status
        </label>
        <select id="case-filter-status" name="status" defaultValue={status ?? ""} className={`${control} capitalize`}>
          <option value="">Any status</option>
          {CASE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </div>
      <button
        type="submit"
        className="rounded-md bg-white px-3 py-1.5 text-sm font-semibold text-slate-800 shadow-sm ring-1 ring-slate-300 hover:bg-slate-50"
      >
        Filter
      </button>
      {(q || status) && (
        <Link href="/" className="py-1.5 text-sm text-indigo-800 hover:underline">
          Clear filter
        </Link>
      )}
    </form>
  );
}
