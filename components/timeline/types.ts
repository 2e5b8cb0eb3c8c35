// A timeline event as the page shows it; built from the service's rows (Dates) or the API's JSON (strings).
export type TimelineEvent = {
  id: string;
  title: string;
  description: string;
  occurredAt: string;
  precision: string;
  claims: { id: string; statement: string }[];
};

type EventLike = {
  id: string;
  title: string;
  description: string;
  occurredAt: Date | string;
  precision: string;
  claims: { claim: { id: string; statement: string } }[];
};

export function toTimelineEvent(e: EventLike): TimelineEvent {
  return {
    id: e.id,
    title: e.title,
    description: e.description,
    occurredAt: new Date(e.occurredAt).toISOString(),
    precision: e.precision,
    claims: e.claims.map(({ claim }) => ({ id: claim.id, statement: claim.statement })),
  };
}
