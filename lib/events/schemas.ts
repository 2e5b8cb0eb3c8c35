import { z } from "zod";
import { IdSchema } from "@/lib/ids/id-schema";
import { CLAIM_KINDS } from "@/lib/claims/schemas";
import { DATE_FORMATS_MESSAGE, parseCalendarDate } from "@/lib/dates/calendar-date";

export const DATE_PRECISIONS = ["day", "month", "year"] as const;

/** "2022", "2022-07", "Jul 2022", "2022-07-15" or "15 Jul 2022" → the first instant of that period (UTC) and its precision. */
export function parseEventDate(value: string): { occurredAt: Date; precision: (typeof DATE_PRECISIONS)[number] } | null {
  const parsed = parseCalendarDate(value);
  return parsed && { occurredAt: parsed.date, precision: parsed.precision };
}

export function formatEventDate({ occurredAt, precision }: { occurredAt: Date | string; precision: string }) {
  const d = new Date(occurredAt);
  const month = d.toLocaleString("en-GB", { month: "long", timeZone: "UTC" });
  if (precision === "year") return String(d.getUTCFullYear());
  if (precision === "month") return `${month} ${d.getUTCFullYear()}`;
  return `${d.getUTCDate()} ${month} ${d.getUTCFullYear()}`;
}

export const CreateEventSchema = z.object({
  title: z.string().trim().min(1, "Title is required.").max(300, "Title must be at most 300 characters."),
  description: z.string().trim().max(4000).default(""),
  date: z.string().refine((v) => parseEventDate(v) !== null, DATE_FORMATS_MESSAGE),
  claimIds: z.array(IdSchema).max(100).default([]),
});
export type CreateEventInput = z.input<typeof CreateEventSchema>;

/** An edit names the version it read; absent fields stay; `claimIds` replaces the linked claims. */
export const UpdateEventSchema = z.object({
  version: z
    .number("version is required: send the version of the event you edited.")
    .int()
    .positive("version is required: send the version of the event you edited."),
  title: CreateEventSchema.shape.title.optional(),
  description: z.string().trim().max(4000).optional(),
  date: CreateEventSchema.shape.date.optional(),
  claimIds: z.array(IdSchema).max(100).optional(),
});
export type UpdateEventInput = z.input<typeof UpdateEventSchema>;

// Responses (lib/http/respond.ts; documented by lib/http/openapi.ts): the event row, with its linked claims when listed or edited.
export const EventSchema = z.strictObject({
  id: z.string(),
  caseId: z.string(),
  title: z.string(),
  description: z.string(),
  occurredAt: z.date(),
  precision: z.enum(DATE_PRECISIONS),
  version: z.number().int(),
  createdById: z.string(),
  createdAt: z.date(),
  updatedAt: z.date(),
  retractedAt: z.date().nullable(),
  retractedById: z.string().nullable(),
  retractionReason: z.string().nullable(),
});
const EventClaimSchema = z.strictObject({
  eventId: z.string(),
  claimId: z.string(),
  claim: z.strictObject({
    id: z.string(),
    statement: z.string(),
    credibility: z.number().int(),
    kind: z.enum(CLAIM_KINDS),
    retractedAt: z.date().nullable(),
  }),
});
export const EventResponseSchema = z.strictObject({ event: EventSchema });
export const EventWithClaimsResponseSchema = z.strictObject({ event: EventSchema.extend({ claims: z.array(EventClaimSchema) }) });
export const EventListResponseSchema = z.strictObject({
  events: z.array(EventSchema.extend({ claims: z.array(EventClaimSchema), retractedBy: z.strictObject({ name: z.string() }).nullable() })),
});
export const EventClaimLinkedResponseSchema = z.strictObject({ linked: z.boolean() });
export const EventClaimUnlinkedResponseSchema = z.strictObject({ unlinked: z.boolean() });
