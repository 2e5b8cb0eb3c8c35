// "Newer / Older" paging for the activity log; plain links, so the browser's back button pages back.
import Link from "next/link";
import { searchFromParams, type ActivityParams } from "./activity-params";

export function ActivityPagination({
  basePath,
  params,
  total,
  pageSize,
  label = "Activity pages",
}: {
  basePath: string;
  params: ActivityParams;
  total: number;
  pageSize: number;
  label?: string;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (params.page - 1) * pageSize + 1;
  const last = Math.min(total, params.page * pageSize);
  const href = (page: number) => {
    const qs = searchFromParams({ ...params, page });
    return qs ? `${basePath}?${qs}` : basePath;
  };
  const link = "rounded-md px-3 py-1.5 font-medium ring-1 ring-slate-300 hover:bg-slate-50";
  const off = "rounded-md px-3 py-1.5 text-slate-500 ring-1 ring-slate-200";
  return (
    <nav aria-label={label} className="flex items-center justify-between gap-4 text-sm">
      <p className="text-slate-600">
        {total === 0 ? "No events" : `Events ${first.toLocaleString("en")}–${last.toLocaleString("en")} of ${total.toLocaleString("en")}`}
      </p>
      {pages > 1 && (
        <div className="flex items-center gap-2">
          {params.page > 1 ? (
            <Link href={href(params.page - 1)} className={link} rel="prev">
              ← Newer
            </Link>
          ) : (
            <span className={off} aria-disabled="true">
              ← Newer
            </span>
          )}
          <span className="text-slate-600">
            Page {params.page} of {pages}
          </span>
          {params.page < pages ? (
            <Link href={href(params.page + 1)} className={link} rel="next">
              Older →
            </Link>
          ) : (
            <span className={off} aria-disabled="true">
              Older →
            </span>
          )}
        </div>
      )}
    </nav>
  );
}
