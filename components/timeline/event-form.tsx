"use client";
import { useState } from "react";
import { ApiError } from "@/lib/client/api";
import { formatEventDate, parseEventDate } from "@/lib/events/schemas";
import { DATE_FORMATS_MESSAGE } from "@/lib/dates/calendar-date";
import { Button, Field, FormError, Input, Textarea } from "@/components/ui/form";
import { ClaimPicker, type PickedClaim } from "./claim-picker";
import { useCreateEvent, useUpdateEvent } from "./use-create-event";
import { eventDateInput, type TimelineEvent } from "./types";

const PRECISION_WORDS = { year: "a year", month: "a month", day: "a day" } as const;

/** What the date box means as the user types: the precision is derived from how much of the date they give. */
function DatePreview({ id, value }: { id: string; value: string }) {
  const parsed = value.trim() ? parseEventDate(value) : null;
  return (
    <p id={id} aria-live="polite" className="text-xs text-slate-600" data-testid="date-preview">
      {!value.trim() ? (
        "A year (2022), a month (Jul 2022 or 2022-07) or a day (15 Jul 2022 or 2022-07-15)."
      ) : parsed ? (
        <>
          Precision: <span className="font-semibold text-slate-800">{PRECISION_WORDS[parsed.precision]}</span> — shown as “
          {formatEventDate(parsed)}”
        </>
      ) : (
        `Not a date yet. ${DATE_FORMATS_MESSAGE}`
      )}
    </p>
  );
}

/** Add an event, or edit one (`existing`) at the version it was opened: a stale save says so and keeps what was typed. */
export function EventForm({ caseId, existing, onDone }: { caseId: string; existing?: TimelineEvent; onDone: () => void }) {
  const [values, setValues] = useState(() =>
    existing
      ? { title: existing.title, description: existing.description, date: eventDateInput(existing) }
      : { title: "", description: "", date: "" },
  );
  const [claims, setClaims] = useState<PickedClaim[]>(() => existing?.claims ?? []);
  const createEvent = useCreateEvent({ caseId });
  const updateEvent = useUpdateEvent({ caseId, eventId: existing?.id ?? "" });
  const create = existing ? updateEvent : createEvent;
  const error = create.error instanceof ApiError ? create.error : null;
  const p = existing ? `event-${existing.id}` : "event";
  const issue = (k: string) =>
    error?.issueFor(k) ?? (k === "claimIds" ? error?.issues.find((i) => i.path.startsWith("claimIds."))?.message : undefined);
  const set = (k: keyof typeof values) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
    setValues((v) => ({ ...v, [k]: e.target.value }));

  return (
    <form
      noValidate
      aria-label={existing ? `Edit event ${existing.title}` : "Add an event"}
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        const input = { ...values, claimIds: claims.map((c) => c.id) };
        if (existing) updateEvent.mutate({ ...input, version: existing.version }, { onSuccess: () => onDone() });
        else createEvent.mutate(input, { onSuccess: () => onDone() });
      }}
    >
      <FormError message={error && !error.issues.length ? error.message : null} />
      <div className="grid gap-4 sm:grid-cols-[1fr_14rem]">
        <Field id={`${p}-title`} label="Title" error={issue("title")}>
          <Input
            id={`${p}-title`}
            value={values.title}
            onChange={set("title")}
            maxLength={300}
            aria-invalid={!!issue("title")}
            placeholder="e.g. Albanian government services taken offline"
          />
        </Field>
        <Field id={`${p}-date`} label="Date" error={issue("date")}>
          <Input
            id={`${p}-date`}
            value={values.date}
            onChange={set("date")}
            inputMode="numeric"
            autoComplete="off"
            placeholder="2022-07"
            aria-invalid={!!issue("date")}
            aria-describedby={`${p}-date-preview${issue("date") ? ` ${p}-date-error` : ""}`}
          />
          <DatePreview id={`${p}-date-preview`} value={values.date} />
        </Field>
      </div>
      <Field id={`${p}-description`} label="Description (optional)" error={issue("description")}>
        <Textarea id={`${p}-description`} rows={2} value={values.description} onChange={set("description")} maxLength={4000} />
      </Field>
      <ClaimPicker caseId={caseId} idPrefix={p} value={claims} onChange={setClaims} error={issue("claimIds")} />
      <div className="flex gap-2">
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? "Saving…" : existing ? "Save event" : "Add event"}
        </Button>
        <Button type="button" variant="secondary" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
