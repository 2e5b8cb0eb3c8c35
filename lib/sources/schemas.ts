import { z } from "zod";
import { idField } from "@/lib/ids/id-schema";
import { TLP_VALUES } from "@/lib/cases/schemas";
import { RELIABILITIES, SOURCE_KIND_LABELS, SOURCE_KINDS } from "./kinds";

// A source's or document's own TLP marking (null: the case's marking applies); a brief citing it cannot be released at a weaker one.
const ownTlp = z.enum(TLP_VALUES, `TLP must be one of ${TLP_VALUES.join(", ")}.`).nullable();

export { RELIABILITIES, SOURCE_KIND_LABELS, SOURCE_KINDS };

export const CreateSourceSchema = z.object({
  name: z.string().trim().min(1, "Name is required.").max(200, "Name must be at most 200 characters."),
  kind: z.enum(SOURCE_KINDS, "Pick what kind of source this is."),
  reliability: z.enum(RELIABILITIES, "Reliability must be a grade from A to F."),
  rationale: z.string().trim().min(1, "Say why you give this grade.").max(2000, "Rationale must be at most 2,000 characters."),
  url: z
    .url({ protocol: /^https?$/, message: "URL must start with http:// or https://." })
    .max(2000)
    .optional(),
  tlp: ownTlp.optional(),
});
export type CreateSourceInput = z.input<typeof CreateSourceSchema>;

export const UpdateSourceSchema = CreateSourceSchema.partial().extend({
  version: z
    .number("version is required: send the version of the source you edited.")
    .int()
    .positive("version is required: send the version of the source you edited."),
  // Why the grade changed: required when `reliability` changes (422 on this field otherwise), kept in the history.
  reason: z.string().trim().max(2000, "Keep the reason under 2,000 characters.").optional(),
  // null clears the URL; absent leaves it as it is.
  url: z
    .url({ protocol: /^https?$/, message: "URL must start with http:// or https://." })
    .max(2000)
    .nullable()
    .optional(),
});

export const SourceSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  name: z.string(),
  kind: z.enum(SOURCE_KINDS),
  reliability: z.enum(RELIABILITIES),
  rationale: z.string(),
  url: z.string().nullable(),
  tlp: z.enum(TLP_VALUES).nullable().optional(),
  version: z.number(),
  createdAt: z.date().transform((d) => d.toISOString()),
  updatedAt: z.date().transform((d) => d.toISOString()),
  retractedAt: z
    .date()
    .nullable()
    .optional()
    .transform((d) => d?.toISOString() ?? null),
  retractionReason: z.string().nullable().optional(),
});

/** Giving a document a source, and optionally overriding the source's grade for this one document. */
export const AssignSourceSchema = z
  .object({
    sourceId: idField("Pick a source.").nullable(),
    reliabilityOverride: z.enum(RELIABILITIES).nullable().default(null),
    overrideReason: z.string().trim().max(2000).nullable().default(null),
    // Absent leaves the document's own marking as it is.
    tlp: ownTlp.optional(),
  })
  .refine((v) => v.reliabilityOverride === null || (v.overrideReason ?? "").length > 0, {
    path: ["overrideReason"],
    message: "Overriding the source's reliability for this document needs a reason.",
  });
export type AssignSourceInput = z.input<typeof AssignSourceSchema>;

// Responses (lib/http/respond.ts; documented by lib/http/openapi.ts). SourceSchema strips the database columns.
export const SourceResponseSchema = z.strictObject({ source: SourceSchema });
export const SourceListResponseSchema = z.strictObject({
  sources: z.array(
    SourceSchema.extend({
      documentCount: z.number().int(),
      regrades: z.array(
        z.strictObject({
          at: z.iso.datetime(),
          by: z.string().nullable(),
          from: z.string(),
          to: z.string(),
          reason: z.string().nullable(),
        }),
      ),
    }),
  ),
});
/** PUT …/documents/{documentId}/source: the document's source, grade override and marking as saved. */
export const AssignedSourceResponseSchema = z.strictObject({
  document: z.strictObject({
    id: z.string(),
    sourceId: z.string().nullable(),
    reliabilityOverride: z.enum(RELIABILITIES).nullable(),
    overrideReason: z.string().nullable(),
    tlp: z.enum(TLP_VALUES).nullable(),
  }),
});
