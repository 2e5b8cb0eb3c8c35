"use client";
import Link from "next/link";
import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { api } from "@/lib/client/api";
import { eventKeys } from "@/lib/client/query-keys";
import { formatEventDate } from "@/lib/events/schemas";
import { Button } from "@/components/ui/form";
import { EventForm } from "./event-form";
import { RetractButton } from "@/components/lifecycle/retract-button";
import { RetractedTag } from "@/components/lifecycle/retracted-banner";
import { ShowRetractedToggle } from "@/components/lifecycle/show-retracted-toggle";
import { toTimelineEvent, type TimelineEvent } from "./types";

type ApiEvent = Parameters<typeof toTimelineEvent>[0];

/** The case's events oldest first, grouped by year; a "2022" event sorts before the months of 2022. */
export function TimelineView({
  caseId,
  initial,
  canManage,
  canRetract = false,
  showRetracted = false,
}: {
  caseId: string;
  initial: TimelineEvent[];
  canManage: boolean;
  canRetract?: boolean;
  showRetracted?: boolean;
}) {
  const { data } = useQuery({
    queryKey: eventKeys.listing(caseId, { showRetracted }),
    queryFn: () =>
      api<{ events: ApiEvent[] }>(`/api/cases/${caseId}/events${showRetracted ? "?include=retracted" : ""}`).then((r) =>
        r.events.map(toTimelineEvent),
      ),
    initialData: initial,
  });
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const years = new Map<number, TimelineEvent[]>();
  for (const e of data) {
    const y = new Date(e.occurredAt).getUTCFullYear();
    years.set(y, [...(years.get(y) ?? []), e]);
  }

  return (
    <div className="space-y-5">
      <div className="flex items-center justify-between gap-4">
        <h2 className="text-lg font-semibold">
          Timeline{" "}
          <span className="text-sm font-normal text-slate-600">
            ({data.length} {data.length === 1 ? "event" : "events"})
          </span>
        </h2>
        <div className="flex items-center gap-4">
          <ShowRetractedToggle path={`/cases/${caseId}/timeline`} showing={showRetracted} />
          {canManage && !adding && (
            <Button type="button" onClick={() => setAdding(true)}>
              New event
            </Button>
          )}
        </div>
      </div>
      {adding && (
        <section aria-labelledby="add-event-heading" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
          <h3 id="add-event-heading" className="mb-3 font-semibold">
            Add an event
          </h3>
          <EventForm caseId={caseId} onDone={() => setAdding(false)} />
        </section>
      )}
      {data.length === 0 && (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-700">
          {canManage
            ? "No events yet. Place what happened on the timeline — a year, a month or a day is enough — and link each event to the claims that report it."
            : "No events are on this case's timeline yet. The case owner or an editor can add them."}
        </p>
      )}
      {[...years].map(([year, events]) => (
        <section key={year} aria-labelledby={`year-${year}`} className="grid gap-3 sm:grid-cols-[5rem_1fr]">
          <h3 id={`year-${year}`} className="text-xl font-semibold tabular-nums text-slate-800">
            {year}
          </h3>
          <ol className="space-y-3 border-l-2 border-indigo-200 pl-4" aria-labelledby={`year-${year}`}>
            {events.map((e) => (
              <li key={e.id} className="relative rounded-lg border border-slate-200 bg-white p-3" data-testid="timeline-event">
                <span aria-hidden className="absolute top-4 -left-[1.4rem] h-2.5 w-2.5 rounded-full bg-indigo-700" />
                <p className="text-sm font-semibold text-indigo-900" data-testid="event-date">
                  <time dateTime={e.occurredAt.slice(0, e.precision === "year" ? 4 : e.precision === "month" ? 7 : 10)}>
                    {formatEventDate(e)}
                  </time>
                </p>
                <h4 className={`font-medium ${e.retraction ? "text-slate-500 line-through" : "text-slate-900"}`}>
                  {e.title}
                  {e.retraction && <RetractedTag reason={e.retraction.reason} />}
                </h4>
                {e.retraction && (
                  <p className="text-xs text-red-900">
                    Retracted {e.retraction.at.slice(0, 10)}
                    {e.retraction.by ? ` by ${e.retraction.by}` : ""}: {e.retraction.reason}
                  </p>
                )}
                {e.description && <p className="mt-1 whitespace-pre-line text-sm text-slate-700">{e.description}</p>}
                {e.claims.length > 0 && (
                  <ul className="mt-2 space-y-1 text-sm" aria-label={`Claims behind “${e.title}”`}>
                    {e.claims.map((c) => (
                      <li key={c.id}>
                        <Link href={`/cases/${caseId}/claims/${c.id}`} className="text-indigo-800 underline-offset-2 hover:underline">
                          {c.statement}
                        </Link>
                      </li>
                    ))}
                  </ul>
                )}
                {!e.retraction && (canManage || canRetract) && editing !== e.id && (
                  <div className="mt-2 flex gap-2">
                    {canManage && (
                      <Button
                        type="button"
                        variant="secondary"
                        className="px-2 py-0.5 text-xs"
                        aria-label={`Edit ${e.title}`}
                        onClick={() => setEditing(e.id)}
                      >
                        Edit
                      </Button>
                    )}
                    {canRetract && <RetractButton caseId={caseId} kind="event" id={e.id} name={e.title} />}
                  </div>
                )}
                {editing === e.id && (
                  <div className="mt-3 border-t border-slate-200 pt-3">
                    <EventForm caseId={caseId} existing={e} onDone={() => setEditing(null)} />
                  </div>
                )}
              </li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}
