import { z } from "zod";
import { IdSchema } from "@/lib/ids/id-schema";
import { CLAIM_KINDS } from "@/lib/claims/schemas";

export const DATE_PRECISIONS = ["day", "month", "year"] as const;

/** "2022", "2022-07" or "2022-07-15" → the first instant of that period (UTC) and its precision. */
export function parseEventDate(value: string): { occurredAt: Date; precision: (typeof DATE_PRECISIONS)[number] } | null {
  const m = value.trim().match(/^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), m[2] ? Number(m[2]) : 1, m[3] ? Number(m[3]) : 1];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return { occurredAt: date, precision: m[3] ? "day" : m[2] ? "month" : "year" };
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
  date: z.string().refine((v) => parseEventDate(v) !== null, "Date must be a year (2022), a month (2022-07) or a day (2022-07-15)."),
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
