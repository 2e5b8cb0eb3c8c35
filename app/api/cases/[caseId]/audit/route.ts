import { withCase, parseQuery } from "@/lib/http/route";
import { AuditQuerySchema, listAudit } from "@/lib/audit/list-audit";

// GET /api/cases/{caseId}/audit — the case's append-only activity log, filtered and paginated
export const GET = withCase("audit.read", async ({ req, access }) => listAudit({ access, query: parseQuery(req, AuditQuerySchema) }));
