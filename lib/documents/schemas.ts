import { z } from "zod";
import { isId } from "@/lib/ids/id-schema";
import { isCalendarDate, parseCalendarDate } from "@/lib/dates/calendar-date";

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
export const MAX_TEXT_CHARS = 2_000_000;

/**
 * A published date as YYYY-MM-DD (a time may follow) in years 1–9999. JavaScript also parses year 0,
 * which PostgreSQL refuses (a 500), and a time zone can carry 9999-12-31 into year 10000, which is
 * stored but read back as an invalid Date, so the case's document list answered 422 from then on
 * (both found by tests/security/fuzz-handlers.test.ts).
 */
export function isStorableDate(value: string): boolean {
  // 2022-02-30 parses in JavaScript (as 2022-03-02): the day must exist (issue 12, outside test).
  if (!isCalendarDate(value)) return false;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return false;
  const year = new Date(ms).getUTCFullYear();
  return year >= 1 && year <= 9999;
}

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} must be at most ${max} characters.`)
    .optional()
    .transform((v) => (v ? v : undefined));

/** Multipart forms send "true"/"false"; JSON sends a boolean. */
const formBoolean = (message: string) =>
  z
    .union([z.boolean(message), z.enum(["true", "false"], message)])
    .optional()
    .transform((v) => v === true || v === "true");

export const DocumentMetaSchema = z.object({
  // The document's source (a source of this case), set at capture; the claimant of its claims defaults to its name.
  sourceId: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || isId(v), "sourceId must be the id of a source of this case."),
  // A source registered in the same step as the document (one transaction, both audited): its name,
  // kind, Admiralty grade and why. Flat fields, so a multipart upload can send them too.
  newSourceName: optionalText(200, "The new source's name"),
  newSourceKind: optionalText(40, "The new source's kind"),
  newSourceReliability: optionalText(1, "The new source's grade"),
  newSourceRationale: optionalText(2000, "The reason for the new source's grade"),
  // An exact copy (same SHA-256) of a document already in the case is refused (409) unless confirmed.
  confirmDuplicate: formBoolean("confirmDuplicate must be true or false."),
  title: optionalText(300, "Title"),
  url: z
    .string()
    .trim()
    .max(2000, "URL must be at most 2,000 characters.")
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || /^https?:\/\/[^\s]+$/i.test(v), "URL must start with http:// or https://."),
  publisher: optionalText(200, "Publisher"),
  author: optionalText(200, "Author"),
  publishedAt: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || isStorableDate(v), "Published date must be a real date like 2022-09-20."),
});

export const PasteDocumentSchema = DocumentMetaSchema.extend({
  title: z.string().trim().min(1, "Title is required.").max(300, "Title must be at most 300 characters."),
  text: z
    .string()
    .max(MAX_TEXT_CHARS, `Text must be at most ${MAX_TEXT_CHARS.toLocaleString("en")} characters.`)
    .refine((t) => t.trim().length > 0, "Paste the document's text."),
});
export type PasteDocumentInput = z.input<typeof PasteDocumentSchema>;
export type DocumentMeta = z.output<typeof DocumentMetaSchema>;

export const DocumentSummarySchema = z.object({
  id: z.string(),
  caseId: z.string(),
  title: z.string(),
  url: z.string().nullable(),
  publisher: z.string().nullable(),
  author: z.string().nullable(),
  publishedAt: z
    .date()
    .nullable()
    .transform((d) => d?.toISOString() ?? null),
  retrievedAt: z.date().transform((d) => d.toISOString()),
  kind: z.enum(["paste", "upload", "url"]),
  originalName: z.string().nullable(),
  mimeType: z.string(),
  sha256: z.string(),
  textSha256: z.string(),
  sizeBytes: z.number(),
  createdAt: z.date().transform((d) => d.toISOString()),
  // Metadata edits name the version they read (absent on rows read before migration 0013's column).
  version: z.number().optional(),
  sourceId: z.string().nullable().optional(),
  reliabilityOverride: z.enum(["A", "B", "C", "D", "E", "F"]).nullable().optional(),
  overrideReason: z.string().nullable().optional(),
  source: z
    .object({
      id: z.string(),
      name: z.string(),
      kind: z.string(),
      reliability: z.enum(["A", "B", "C", "D", "E", "F"]),
      rationale: z.string(),
    })
    .nullable()
    .optional(),
  // Retracted (issue 12): kept, never deleted; null while the document stands.
  retractedAt: z
    .date()
    .nullable()
    .optional()
    .transform((d) => d?.toISOString() ?? null),
  retractionReason: z.string().nullable().optional(),
  retractedBy: z
    .object({ name: z.string() })
    .nullable()
    .optional()
    .transform((u) => u?.name ?? null),
});
export const DocumentSchema = DocumentSummarySchema.extend({ text: z.string() });

// Responses (lib/http/respond.ts; documented by lib/http/openapi.ts). DocumentSummarySchema strips the database columns.
export const DocumentListResponseSchema = z.strictObject({ documents: z.array(DocumentSummarySchema.extend({ addedBy: z.string() })) });
export const DocumentResponseSchema = z.strictObject({ document: DocumentSchema });
export const CreatedDocumentResponseSchema = z.strictObject({
  document: DocumentSummarySchema,
  duplicates: z.array(
    z.strictObject({
      id: z.string(),
      title: z.string(),
      sameBytes: z.boolean(),
      match: z.enum(["bytes", "text", "near"]),
      similarity: z.number().describe("Shingle containment |A∩B| / min(|A|,|B|)"),
    }),
  ),
});

const nullableText = (max: number, label: string) =>
  z
    .string(`${label} must be text.`)
    .trim()
    .max(max, `${label} must be at most ${max} characters.`)
    .nullable()
    .optional()
    .transform((v) => (v === undefined ? undefined : v || null));

/**
 * Correcting a document's metadata (issue 18): absent fields stay, null or "" clears one. The captured
 * text, bytes and hashes never change; a URL capture's URL is where the bytes came from and stays too.
 */
export const UpdateDocumentMetadataSchema = z.object({
  version: z
    .number("version is required: send the version of the document you edited.")
    .int()
    .positive("version is required: send the version of the document you edited."),
  reason: z
    .string("Say why you are changing this document's details.")
    .trim()
    .min(1, "Say why you are changing this document's details.")
    .max(2000, "Keep the reason under 2,000 characters."),
  title: z.string().trim().min(1, "Title is required.").max(300, "Title must be at most 300 characters.").optional(),
  publisher: nullableText(200, "Publisher"),
  author: nullableText(200, "Author"),
  url: z
    .string()
    .trim()
    .max(2000, "URL must be at most 2,000 characters.")
    .nullable()
    .optional()
    .transform((v) => (v === undefined ? undefined : v || null))
    .refine((v) => !v || /^https?:\/\/[^\s]+$/i.test(v), "URL must start with http:// or https://."),
  // A day: 2023-02-28, 28 Feb 2023 or February 28, 2023.
  publishedAt: z
    .string()
    .trim()
    .nullable()
    .optional()
    .transform((v) => (v === undefined ? undefined : v || null))
    .refine((v) => !v || parseCalendarDate(v)?.precision === "day", "Published date must be a day, like 28 Feb 2023 or 2023-02-28."),
});
export type UpdateDocumentMetadataInput = z.input<typeof UpdateDocumentMetadataSchema>;
/** PATCH …/metadata: the document's details after the edit, with its new version; the hashes show nothing else moved. */
export const DocumentMetadataResponseSchema = z.strictObject({
  document: z.strictObject({
    id: z.string(),
    title: z.string(),
    publisher: z.string().nullable(),
    author: z.string().nullable(),
    publishedAt: z.date().nullable(),
    url: z.string().nullable(),
    kind: z.enum(["paste", "upload", "url"]),
    version: z.number().int(),
    sha256: z.string(),
    textSha256: z.string(),
  }),
});
