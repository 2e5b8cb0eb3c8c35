import { z } from "zod";

// Response of GET /api/cases/{caseId}/audit (lib/http/respond.ts; documented by lib/http/openapi.ts).
export const AuditListResponseSchema = z.strictObject({
  events: z.array(
    z.strictObject({
      id: z.string(),
      at: z.iso.datetime(),
      action: z.string(),
      actor: z.strictObject({ id: z.string(), name: z.string() }).nullable(),
      targetType: z.string(),
      targetId: z.string(),
      before: z.unknown().describe("The record before the change (JSON), or null"),
      after: z.unknown().describe("The record after the change (JSON), or null"),
      reason: z.string().nullable(),
      requestId: z.string().nullable(),
    }),
  ),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
