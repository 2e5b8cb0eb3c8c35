import { z } from "zod";
import { BRIEF_SECTIONS, BRIEF_TEMPLATES } from "./brief-types";

export const BriefSettingsSchema = z.object({
  version: z.number().int().min(0, "The settings version you edited is required."),
  template: z.enum(Object.keys(BRIEF_TEMPLATES) as [keyof typeof BRIEF_TEMPLATES], "Template must be full or summary."),
  sections: z
    .array(z.enum(BRIEF_SECTIONS, `Unknown section: use ${BRIEF_SECTIONS.join(", ")}.`))
    .min(1, "Include at least one section.")
    .max(BRIEF_SECTIONS.length),
  // Documents added to the sources appendix by hand, and documents left out of the brief (with the claims that cite only them).
  includeDocumentIds: z.array(z.uuid("Each included document must be a document id.")).max(500).optional(),
  excludeDocumentIds: z.array(z.uuid("Each excluded document must be a document id.")).max(500).optional(),
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
