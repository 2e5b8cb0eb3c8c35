"use client";
// Filter bar of the activity log. Each change becomes the URL (page back to 1), so the server renders
// the filtered list and the view can be shared or reloaded.
import { useTransition } from "react";
import { usePathname, useRouter } from "next/navigation";
import { ACTION_FAMILIES, type ActionFamily } from "./action-labels";
import { hasFilters, searchFromParams, type ActivityParams } from "./activity-params";

const control =
  "block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm focus:border-indigo-500 focus:ring-1 focus:ring-indigo-500 focus:outline-none";

export function ActivityFilters({ params, members }: { params: ActivityParams; members: { id: string; name: string }[] }) {
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  const go = (next: Partial<ActivityParams>) => {
    const qs = searchFromParams({ ...params, ...next, page: 1 });
    startTransition(() => router.push(qs ? `${pathname}?${qs}` : pathname, { scroll: false }));
  };
  const str = (v: string) => (v === "" ? undefined : v);
  // Dates apply on Enter or when the field is left, not on every keystroke: typing a year digit by
  // digit would otherwise reload the list for the years 0002, 0020, 0202…
  const applyDates = (form: HTMLFormElement | null) => {
    if (!form) return;
    const data = new FormData(form);
    const from = str(String(data.get("from") ?? ""));
    const to = str(String(data.get("to") ?? ""));
    if (from !== params.from || to !== params.to) go({ from, to });
  };
  const badRange = params.from && params.to && params.from > params.to;

  const field = (id: string, label: string, control: React.ReactNode) => (
    <div className="min-w-0">
      <label htmlFor={id} className="mb-0.5 block text-xs font-medium text-slate-700">
        {label}
      </label>
      {control}
    </div>
  );

  return (
    <form
      role="search"
      aria-label="Filter activity"
      aria-busy={pending}
      onSubmit={(e) => {
        e.preventDefault();
        applyDates(e.currentTarget);
      }}
      className="grid grid-cols-2 gap-3 rounded-lg border border-slate-200 bg-white p-3 sm:grid-cols-[repeat(4,minmax(0,1fr))_auto]"
    >
      {field(
        "activity-action",
        "Action",
        <select
          id="activity-action"
          className={control}
          value={params.action ?? ""}
          onChange={(e) => go({ action: str(e.target.value) as ActionFamily | undefined })}
        >
          <option value="">All actions</option>
          {ACTION_FAMILIES.map((f) => (
            <option key={f.key} value={f.key}>
              {f.label}
            </option>
          ))}
        </select>,
      )}
      {field(
        "activity-actor",
        "Who",
        <select id="activity-actor" className={control} value={params.actor ?? ""} onChange={(e) => go({ actor: str(e.target.value) })}>
          <option value="">Anyone</option>
          {members.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>,
      )}
      {field(
        "activity-from",
        "From (UTC day)",
        <input
          key={`from-${params.from ?? ""}`}
          id="activity-from"
          name="from"
          type="date"
          className={control}
          defaultValue={params.from ?? ""}
          onBlur={(e) => applyDates(e.currentTarget.form)}
        />,
      )}
      {field(
        "activity-to",
        "To (UTC day, inclusive)",
        <input
          key={`to-${params.to ?? ""}`}
          id="activity-to"
          name="to"
          type="date"
          className={control}
          defaultValue={params.to ?? ""}
          onBlur={(e) => applyDates(e.currentTarget.form)}
        />,
      )}
      <div className="flex items-end">
        <button type="submit" className="rounded-md px-3 py-1.5 text-sm font-medium text-slate-800 ring-1 ring-slate-300 hover:bg-slate-50">
          Apply dates
        </button>
      </div>
      {(hasFilters(params) || badRange) && (
        <div className="col-span-2 flex flex-wrap items-center gap-4 sm:col-span-5">
          {badRange && (
            <p role="alert" className="text-sm text-red-700">
              “From” is after “To”, so nothing can match. Change one of the dates.
            </p>
          )}
          {hasFilters(params) && (
            <button
              type="button"
              className="text-sm font-medium text-indigo-800 underline hover:text-indigo-950"
              onClick={() => go({ action: undefined, actor: undefined, from: undefined, to: undefined })}
            >
              Clear filters
            </button>
          )}
          {pending && <span className="text-xs text-slate-600">Updating…</span>}
        </div>
      )}
    </form>
  );
}
