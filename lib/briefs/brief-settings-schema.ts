import { z } from "zod";
import { idField } from "@/lib/ids/id-schema";
import { BRIEF_SECTIONS, BRIEF_TEMPLATES } from "./brief-types";

export const BriefSettingsSchema = z.object({
  version: z.number().int().min(0, "The settings version you edited is required."),
  template: z.enum(Object.keys(BRIEF_TEMPLATES) as [keyof typeof BRIEF_TEMPLATES], "Template must be full or summary."),
  sections: z
    .array(z.enum(BRIEF_SECTIONS, `Unknown section: use ${BRIEF_SECTIONS.join(", ")}.`))
    .min(1, "Include at least one section.")
    .max(BRIEF_SECTIONS.length),
  // Documents added to the sources appendix by hand, and documents left out of the brief (with the claims that cite only them).
  includeDocumentIds: z.array(idField("Each included document must be a document id.")).max(500).optional(),
  excludeDocumentIds: z.array(idField("Each excluded document must be a document id.")).max(500).optional(),
});

// GET …/brief/preview: the brief as an unsaved template and section choice would make it (nothing is saved).
export const BriefPreviewQuerySchema = z.object({
  template: z.enum(Object.keys(BRIEF_TEMPLATES) as [keyof typeof BRIEF_TEMPLATES], "Template must be full or summary.").optional(),
  sections: z
    .string()
    .optional()
    .transform((v) => (v === undefined ? undefined : v.split(",").filter(Boolean)))
    .pipe(
      z
        .array(z.enum(BRIEF_SECTIONS, `Unknown section: use ${BRIEF_SECTIONS.join(", ")}.`))
        .min(1, "Include at least one section.")
        .max(BRIEF_SECTIONS.length)
        .optional(),
    ),
});

export const AcknowledgeWarningSchema = z.object({
  warningKey: z.string().regex(/^[0-9a-f]{64}$/, "warningKey must be the 64-character key of a warning the brief shows."),
  reason: z
    .string()
    .trim()
    .min(1, "Say why the warning does not need a fix: the reason is printed in the brief's notes.")
    .max(2000, "The reason must be at most 2,000 characters."),
});
export type AcknowledgeWarningInput = z.input<typeof AcknowledgeWarningSchema>;

// Responses (lib/http/respond.ts; documented by lib/http/openapi.ts). The brief model (BriefModel in
// ./brief-types.ts) is described key by key; its list items are objects the brief page and renderers read.
const items = z.array(z.record(z.string(), z.unknown()));
const person = z.strictObject({ id: z.string(), name: z.string() });
export const BriefModelSchema = z.strictObject({
  case: z.strictObject({
    id: z.string(),
    title: z.string(),
    tlp: z.string(),
    tlpLabel: z.string(),
    status: z.string(),
    createdAt: z.iso.datetime(),
  }),
  producer: person,
  template: z.enum(Object.keys(BRIEF_TEMPLATES) as [keyof typeof BRIEF_TEMPLATES]),
  sections: z.array(z.enum(BRIEF_SECTIONS)),
  releaseNumber: z.number().int(),
  generatedAt: z.iso.datetime(),
  draft: z.boolean(),
  bluf: z.string(),
  questions: items,
  judgments: items,
  alternatives: items,
  ach: items,
  dissent: items,
  claims: items,
  entities: items,
  footnotes: items,
  timeline: items,
  techniques: items.describe("Observed behaviour: ATT&CK techniques the cited quotes describe, by tactic"),
  indicators: items.describe(
    "Observed indicators: the case's active indicators with a quote in a cited document, canonical value and defanged form, warning-list flags, footnotes",
  ),
  sources: items,
  changes: items,
  previousRelease: z.strictObject({ number: z.number().int(), at: z.iso.datetime() }).nullable(),
  warnings: items,
  notes: z
    .array(z.string())
    .describe('Printed under "Notes on this brief": acknowledged warnings, documents left out by hand, scoring rules'),
  blockers: z.array(z.string()).describe("What a release must still satisfy; empty when it may be released"),
});
const BriefSettingsValuesSchema = z.strictObject({
  template: z.string().describe(`One of ${Object.keys(BRIEF_TEMPLATES).join(", ")}`),
  sections: z.array(z.string()),
  includeDocumentIds: z.array(z.string()),
  excludeDocumentIds: z.array(z.string()),
  version: z.number().int(),
});
const REVIEW_DECISIONS = ["pending", "approved", "changes_requested", "withdrawn"] as const;
const BriefReviewSchema = z.strictObject({
  id: z.string(),
  caseId: z.string(),
  targetType: z.string(),
  targetId: z.string(),
  contentHash: z.string(),
  submittedById: z.string(),
  reviewerId: z.string().nullable(),
  decision: z.enum(REVIEW_DECISIONS),
  comment: z.string(),
  createdAt: z.date(),
  decidedAt: z.date().nullable(),
  targetVersion: z.number().int().nullable(),
  withdrawnReason: z.string().nullable(),
  withdrawnAt: z.date().nullable(),
});
export const BriefResponseSchema = z.strictObject({
  brief: BriefModelSchema,
  contentHash: z.string(),
  settings: BriefSettingsValuesSchema,
  approval: z
    .strictObject({
      decision: z.enum(REVIEW_DECISIONS),
      contentHash: z.string(),
      current: z.boolean().describe("The approval or submission covers the brief as it is now"),
      submittedBy: person,
      reviewer: person.nullable(),
      decidedAt: z.date().nullable(),
    })
    .nullable(),
});
/** GET …/brief/preview: the draft as an unsaved template/section choice would make it. */
export const BriefPreviewResponseSchema = z.strictObject({ brief: BriefModelSchema });
export const BriefSettingsResponseSchema = z.strictObject({ settings: BriefSettingsValuesSchema });
export const BriefReviewResponseSchema = z.strictObject({ review: BriefReviewSchema });
export const AcknowledgementResponseSchema = z.strictObject({
  acknowledgement: z.strictObject({ id: z.string(), warningKey: z.string(), reason: z.string(), createdAt: z.iso.datetime() }),
});
const ReleaseFileSchema = z.strictObject({ format: z.string(), sha256: z.string(), size: z.number().int(), mimeType: z.string() });
export const ReleaseListResponseSchema = z.strictObject({
  releases: z.array(
    z.strictObject({
      id: z.string(),
      number: z.number().int(),
      contentHash: z.string(),
      createdAt: z.iso.datetime(),
      releasedBy: z.string(),
      approvedBy: z.string(),
      files: z.array(ReleaseFileSchema),
    }),
  ),
});
export const CreatedReleaseResponseSchema = z.strictObject({
  release: z.strictObject({
    id: z.string(),
    caseId: z.string(),
    number: z.number().int(),
    contentHash: z.string(),
    manifest: z.unknown().describe("What was released: the brief's hash, documents, files and approval (JSON)"),
    releasedById: z.string(),
    approvedById: z.string(),
    reviewId: z.string(),
    createdAt: z.date(),
    files: z.array(ReleaseFileSchema.omit({ mimeType: true })),
  }),
});
