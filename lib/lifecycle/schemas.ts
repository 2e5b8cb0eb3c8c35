import { z } from "zod";

export const RETRACTABLE_KINDS = ["document", "claim", "source", "event"] as const;
export type RetractableKind = (typeof RETRACTABLE_KINDS)[number];

const REASON_NEEDED = "A retraction needs a reason: say why this no longer stands (it stays in the record).";

/** Retracting keeps the record and says why; the reason is required (422 without one). */
export const RetractSchema = z.object({
  reason: z.string(REASON_NEEDED).trim().min(1, REASON_NEEDED).max(2000, "Keep the reason under 2,000 characters."),
});
export type RetractInput = z.input<typeof RetractSchema>;

/** `?include=retracted` on a list: retracted rows are hidden unless asked for. */
export const IncludeRetractedQuerySchema = z.object({
  include: z.enum(["retracted"], 'include must be "retracted" (to list retracted items too).').optional(),
});

export const RetractionSchema = z.object({ at: z.string(), by: z.string().nullable(), reason: z.string() });

// Response (lib/http/respond.ts; documented by lib/http/openapi.ts) of POST …/retract.
export const RetractedResponseSchema = z.strictObject({
  id: z.string(),
  kind: z.enum(RETRACTABLE_KINDS),
  retraction: z.strictObject({ at: z.iso.datetime(), by: z.string().nullable(), reason: z.string() }),
});
