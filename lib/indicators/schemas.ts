import { z } from "zod";
import { CALENDAR_DATE_MESSAGE, isCalendarDate } from "@/lib/dates/calendar-date";
import { ExcerptInputSchema } from "@/lib/claims/schemas";
import { INDICATOR_FLAGS, INDICATOR_STATUSES, INDICATOR_TYPES } from "./types";

const type = z.enum(INDICATOR_TYPES, "Type must be one of ipv4, ipv6, domain, url, email, md5, sha1, sha256, cve.");
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2022-07-15.")
  .refine(isCalendarDate, CALENDAR_DATE_MESSAGE);

export const CreateIndicatorSchema = z.object({
  type,
  // Checked and canonicalised by the use case, which names the type in its message.
  value: z.string().max(4000, "An indicator is at most 2,048 characters."),
  excerpts: z.array(ExcerptInputSchema).max(50, "At most 50 quotes per indicator.").default([]),
  claimIds: z.array(z.uuid()).max(100).default([]),
  entityIds: z.array(z.uuid()).max(100).default([]),
  note: z.string().trim().max(4000, "Keep the note under 4,000 characters.").default(""),
});
export type CreateIndicatorInput = z.input<typeof CreateIndicatorSchema>;

export const UpdateIndicatorSchema = z
  .object({
    version: z.number().int().positive("The version you edited is required."),
    note: z.string().trim().max(4000, "Keep the note under 4,000 characters.").optional(),
    firstSeen: day.nullable().optional(),
    lastSeen: day.nullable().optional(),
    status: z.enum(INDICATOR_STATUSES, "Status must be active or retired.").optional(),
    claimIds: z.array(z.uuid()).max(100).optional(),
    entityIds: z.array(z.uuid()).max(100).optional(),
  })
  .refine((v) => !v.firstSeen || !v.lastSeen || v.firstSeen <= v.lastSeen, {
    path: ["lastSeen"],
    message: "Last seen is before first seen.",
  });
export type UpdateIndicatorInput = z.input<typeof UpdateIndicatorSchema>;

export const INDICATOR_SORTS = ["created", "value", "type", "lastSeen", "otherCases"] as const;

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

export const IndicatorListQuerySchema = z.object({
  type: optional(type),
  // "none": no warning-list flag at all.
  flag: optional(z.enum([...INDICATOR_FLAGS, "none"], "Flag must be private, reserved, documentation, benign or none.")),
  status: optional(z.enum(INDICATOR_STATUSES)),
  q: optional(z.string().trim().max(500)),
  sort: z.preprocess(blankToUndefined, z.enum(INDICATOR_SORTS).default("created")),
  dir: z.preprocess(blankToUndefined, z.enum(["asc", "desc"]).default("desc")),
  page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(100_000).default(1)),
  pageSize: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(200).default(50)),
});
export type IndicatorListQuery = z.input<typeof IndicatorListQuerySchema>;

export const ExtractQuerySchema = z.object({
  page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(100_000).default(1)),
  limit: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(1000).default(200)),
});
export type ExtractQuery = z.input<typeof ExtractQuerySchema>;

// Responses (lib/http/respond.ts; documented by lib/http/openapi.ts). Loose objects: the documented fields are
// checked, and the rest (quotes, links, pivot) pass through as the services build them.
const IndicatorViewSchema = z.looseObject({
  id: z.string(),
  type: z.string(),
  value: z.string().describe("Canonical (refanged) form"),
  flags: z.array(z.string()).describe("private, reserved, documentation, benign"),
  status: z.string(),
  version: z.number().int(),
});
export const IndicatorListResponseSchema = z.strictObject({
  indicators: z.array(IndicatorViewSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  pages: z.number().int(),
});
export const IndicatorResponseSchema = z.strictObject({ indicator: IndicatorViewSchema });
export const CreatedIndicatorResponseSchema = z.strictObject({ indicator: IndicatorViewSchema, created: z.boolean() });
export const IndicatorSuggestionsResponseSchema = z.looseObject({
  suggestions: z.array(
    z.looseObject({
      type: z.string(),
      value: z.string(),
      start: z.number().int(),
      end: z.number().int(),
      exact: z.string().describe("The text as written, defanged forms included"),
      flags: z.array(z.string()),
    }),
  ),
  total: z.number().int(),
  page: z.number().int(),
  limit: z.number().int(),
  pages: z.number().int(),
});
