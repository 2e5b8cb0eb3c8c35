import { z } from "zod";
import { DocumentMetaSchema, isStorableDate } from "./schemas";

const url = z
  .string("Enter the URL to capture.")
  .trim()
  .min(1, "Enter the URL to capture.")
  .max(2000, "URL must be at most 2,000 characters.")
  .refine((v) => /^https?:\/\/[^\s]+$/i.test(v), "URL must start with http:// or https://.");

// A correction: omitted → keep what the page said; "" or null → the analyst cleared it.
const correction = (max: number, label: string) =>
  z.string().trim().max(max, `${label} must be at most ${max} characters.`).nullable().optional();

export const UrlPreviewRequestSchema = z.object({ url });

export const CaptureUrlSchema = z.object({
  url,
  sourceId: DocumentMetaSchema.shape.sourceId,
  newSourceName: DocumentMetaSchema.shape.newSourceName,
  newSourceKind: DocumentMetaSchema.shape.newSourceKind,
  newSourceReliability: DocumentMetaSchema.shape.newSourceReliability,
  newSourceRationale: DocumentMetaSchema.shape.newSourceRationale,
  confirmDuplicate: DocumentMetaSchema.shape.confirmDuplicate,
  title: correction(300, "Title"),
  publisher: correction(200, "Publisher"),
  author: correction(200, "Author"),
  publishedAt: z
    .string()
    .trim()
    .nullable()
    .optional()
    .refine((v) => !v || isStorableDate(v), "Published date must be a real date like 2022-09-20."),
});
export type CaptureUrlInput = z.input<typeof CaptureUrlSchema>;

/** What the server found at a URL, shown to the analyst for correction before saving. */
export const UrlPreviewSchema = z.object({
  url: z.string(),
  finalUrl: z.string(),
  contentType: z.string(),
  title: z.string().nullable(),
  byline: z.string().nullable(),
  siteName: z.string().nullable(),
  publishedTime: z.string().nullable(),
  /** YYYY-MM-DD of publishedTime, when it parses. */
  publishedAt: z.string().nullable(),
  excerpt: z.string(),
  textLength: z.number().int(),
  sha256: z.string(),
  size: z.number().int(),
  retrievedAt: z.string(),
});
export type UrlPreview = z.output<typeof UrlPreviewSchema>;

// Response of POST …/documents/preview (lib/http/respond.ts; documented by lib/http/openapi.ts).
export const UrlPreviewResponseSchema = z.strictObject({ preview: UrlPreviewSchema });
