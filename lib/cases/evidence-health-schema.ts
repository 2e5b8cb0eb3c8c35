import { z } from "zod";
import { HEALTH_KEYS } from "./health-keys";

// The answer of GET /api/cases/{caseId}/brief/readiness (lib/briefs/brief-readiness.ts), also part of the one below.
export const BriefReadinessResponseSchema = z.strictObject({
  blockers: z.array(z.string()).describe("What blocks a release, as the brief page states it"),
  wordingWarnings: z.array(z.string()).describe("Estimative-language warnings not yet acknowledged"),
});

export type BriefReadiness = z.infer<typeof BriefReadinessResponseSchema>;

// The answer of GET /api/cases/{caseId}/evidence-health (lib/cases/evidence-health.ts; lib/http/respond.ts checks it).
export const EvidenceHealthResponseSchema = z.strictObject({
  claims: z.number().int().describe("Claims of the case that are not retracted (the Admiralty table's total)"),
  judgments: z.array(
    z.strictObject({
      id: z.string(),
      title: z.string(),
      question: z.string(),
      proposition: z.string(),
      likelihood: z.string().nullable(),
      likelihoodLabel: z.string().nullable().describe("ICD 203 term"),
      confidence: z.string().nullable(),
      confidenceLabel: z.string().nullable(),
      reviewState: z.string(),
    }),
  ),
  grid: z
    .array(z.strictObject({ reliability: z.string().describe("A–F, or none (ungraded)"), counts: z.array(z.number().int()).length(6) }))
    .describe("Admiralty table: claims by reliability (rows) and credibility 1–6 (columns)"),
  health: z.array(z.strictObject({ key: z.enum(HEALTH_KEYS), label: z.string(), count: z.number().int() })),
  unratedHypotheses: z.array(
    z.strictObject({
      id: z.string(),
      title: z.string(),
      question: z.string(),
      recordedRatings: z
        .number()
        .int()
        .describe("Ratings an imported case archive recorded from the workspace it came from (history, shown on the ACH page)"),
    }),
  ),
  brief: BriefReadinessResponseSchema,
});
