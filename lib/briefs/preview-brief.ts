import "server-only";
import type { CaseAccess } from "@/lib/cases/require-case-access";
import { composeBrief } from "./compose-brief";
import { BriefPreviewQuerySchema } from "./brief-settings-schema";
import { BRIEF_TEMPLATES } from "./brief-types";

/**
 * The draft brief as an unsaved template/section choice would make it, so the Brief page's preview follows
 * the settings form before it is saved. Reads only: nothing is stored, and downloads and releases keep
 * using the saved choice. A template alone brings its own sections.
 */
export async function previewBrief({ access, query }: { access: CaseAccess; query: unknown }) {
  const q = BriefPreviewQuerySchema.parse(query);
  const sections = q.sections ?? (q.template ? [...BRIEF_TEMPLATES[q.template]] : undefined);
  return composeBrief({ access, template: q.template, sections });
}
