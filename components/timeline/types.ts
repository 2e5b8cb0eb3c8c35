// A timeline event as the page shows it; built from the service's rows (Dates) or the API's JSON (strings).
export type TimelineEvent = {
  id: string;
  title: string;
  description: string;
  occurredAt: string;
  precision: string;
  version: number;
  retraction: { at: string; by: string | null; reason: string } | null;
  claims: { id: string; statement: string }[];
};

type EventLike = {
  id: string;
  title: string;
  description: string;
  occurredAt: Date | string;
  precision: string;
  version?: number;
  retractedAt?: Date | string | null;
  retractionReason?: string | null;
  retractedBy?: { name: string } | null;
  claims: { claim: { id: string; statement: string } }[];
};

/** The date as typed in the form: as much of it as its precision says (2022, 2022-07, 2022-07-15). */
export function eventDateInput(e: { occurredAt: string; precision: string }) {
  return e.occurredAt.slice(0, e.precision === "year" ? 4 : e.precision === "month" ? 7 : 10);
}

export function toTimelineEvent(e: EventLike): TimelineEvent {
  return {
    id: e.id,
    title: e.title,
    description: e.description,
    occurredAt: new Date(e.occurredAt).toISOString(),
    precision: e.precision,
    version: e.version ?? 1,
    retraction: e.retractedAt
      ? { at: new Date(e.retractedAt).toISOString(), by: e.retractedBy?.name ?? null, reason: e.retractionReason ?? "" }
      : null,
    claims: e.claims.map(({ claim }) => ({ id: claim.id, statement: claim.statement })),
  };
}
