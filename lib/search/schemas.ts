import { z } from "zod";
import { idField } from "@/lib/ids/id-schema";
import { CALENDAR_DATE_MESSAGE, isCalendarDate } from "@/lib/dates/calendar-date";
import { InvalidError } from "@/lib/errors";

export const SEARCH_KINDS = ["document", "claim", "entity", "source", "indicator"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];
export const RELIABILITIES = ["A", "B", "C", "D", "E", "F"] as const;

/** A 10 kB query is never a real search; the cap also bounds the cost of parsing and trigram work. */
export const MAX_QUERY_CHARS = 500;
export const EMPTY_QUERY_MESSAGE = "Type something to search for.";

const query = z
  .string(EMPTY_QUERY_MESSAGE)
  .trim()
  .min(1, EMPTY_QUERY_MESSAGE)
  .max(MAX_QUERY_CHARS, `Keep the search under ${MAX_QUERY_CHARS} characters.`);

// An empty query-string parameter (?kind=) means "no filter", as a form with an empty select sends it.
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2022-07-15.")
  .refine(isCalendarDate, CALENDAR_DATE_MESSAGE);

export const SearchQuerySchema = z
  .object({
    q: query,
    caseId: optional(idField("Pick a case from the list.")),
    kind: optional(z.enum(SEARCH_KINDS, "Kind must be document, claim, entity, source or indicator.")),
    sourceId: optional(idField("Pick a source from the list.")),
    // Whole days: `to` includes the whole of that day (UTC).
    from: optional(day),
    to: optional(day),
    reliability: optional(z.enum(RELIABILITIES, "Reliability must be a letter from A to F.")),
    include: optional(z.enum(["retracted"], 'include must be "retracted" (to find retracted items too).')),
    page: z.preprocess(
      blankToUndefined,
      z.coerce
        .number("Page must be a number.")
        .int("Page must be a whole number.")
        .min(1, "Page starts at 1.")
        .max(500, "Narrow the search instead of paging past 500.")
        .default(1),
    ),
    pageSize: z.preprocess(
      blankToUndefined,
      z.coerce
        .number("Page size must be a number.")
        .int()
        .min(1, "Page size must be 1 to 100.")
        .max(100, "Page size must be 1 to 100.")
        .default(20),
    ),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { path: ["to"], message: "The end date is before the start date." });
export type SearchQuery = z.input<typeof SearchQuerySchema>;
export type ParsedSearchQuery = z.output<typeof SearchQuerySchema>;

export const QuickJumpQuerySchema = z.object({ q: query });

export type SearchResult = {
  kind: SearchKind;
  id: string;
  caseId: string;
  caseTitle: string;
  title: string;
  /** Escaped HTML whose only tags are <mark> and </mark>. */
  snippet: string;
  rank: number;
  url: string;
  publishedAt?: string | null;
  reliability?: string | null;
  grade?: string | null;
  /** Only with include=retracted: the item was retracted (kept, never deleted). */
  retracted?: boolean;
};

export type SearchResponse = {
  results: SearchResult[];
  total: number;
  counts: Record<SearchKind, number>;
  page: number;
  pageSize: number;
};

export type QuickJumpItem = {
  kind: "case" | "document" | "claim" | "entity" | "indicator";
  id: string;
  caseId: string;
  label: string;
  detail: string;
  url: string;
};

/**
 * Parses search input; a bad query is a 422 whose message is the first problem in plain words
 * ("Type something to search for."), with every problem listed per field.
 */
export function parseSearchInput<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
  throw new InvalidError(issues[0]?.message ?? "The search is not valid.", issues);
}

// Responses (lib/http/respond.ts; documented by lib/http/openapi.ts): SearchResponse and QuickJumpItem above, as zod.
export const SearchResponseSchema = z.strictObject({
  results: z.array(
    z.strictObject({
      kind: z.enum(SEARCH_KINDS),
      id: z.string(),
      caseId: z.string(),
      caseTitle: z.string(),
      title: z.string(),
      snippet: z.string().describe("Escaped HTML; the only tags are <mark> and </mark>"),
      rank: z.number(),
      url: z.string(),
      publishedAt: z.iso.datetime().nullable().optional(),
      reliability: z.string().nullable().optional(),
      grade: z.string().nullable().optional(),
      retracted: z.boolean().optional().describe("Only with include=retracted: the item was retracted (kept, never deleted)"),
    }),
  ),
  total: z.number().int(),
  counts: z.strictObject({
    document: z.number().int(),
    claim: z.number().int(),
    entity: z.number().int(),
    source: z.number().int(),
    indicator: z.number().int(),
  }),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export const QuickJumpResponseSchema = z.strictObject({
  items: z.array(
    z.strictObject({
      kind: z.enum(["case", "document", "claim", "entity", "indicator"]),
      id: z.string(),
      caseId: z.string(),
      label: z.string(),
      detail: z.string(),
      url: z.string(),
    }),
  ),
});
