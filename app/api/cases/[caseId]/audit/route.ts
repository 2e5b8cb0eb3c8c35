import { withCase, parseQuery } from "@/lib/http/route";
import { AuditQuerySchema, listAudit } from "@/lib/audit/list-audit";
import { respond } from "@/lib/http/respond";
import { AuditListResponseSchema } from "@/lib/audit/schemas";

// GET /api/cases/{caseId}/audit — the case's append-only activity log, filtered and paginated
export const GET = withCase("audit.read", async ({ req, access }) =>
  respond(AuditListResponseSchema, await listAudit({ access, query: parseQuery(req, AuditQuerySchema) })),
);
