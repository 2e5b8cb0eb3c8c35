import { z } from "zod";
import { BRIEF_SECTIONS, BRIEF_TEMPLATES } from "./brief-types";

export const BriefSettingsSchema = z.object({
  version: z.number().int().min(0, "The settings version you edited is required."),
  template: z.enum(Object.keys(BRIEF_TEMPLATES) as [keyof typeof BRIEF_TEMPLATES], "Template must be full or summary."),
  sections: z.array(z.enum(BRIEF_SECTIONS, "Unknown section.")).min(1, "Include at least one section.").max(BRIEF_SECTIONS.length),
});
