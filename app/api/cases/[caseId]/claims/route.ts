import { withCase, parseJson, parseQuery } from "@/lib/http/route";
import { createClaim } from "@/lib/claims/create-claim";
import { listClaims } from "@/lib/claims/list-claims";
import { ClaimListQuerySchema, CreateClaimSchema, ClaimListResponseSchema, ClaimResponseSchema } from "@/lib/claims/schemas";
import { respond } from "@/lib/http/respond";

// GET /api/cases/{caseId}/claims — claims, filtered (source, reliability, credibility, kind, status, entity), sorted, paginated
export const GET = withCase("claims.read", async ({ req, access }) =>
  respond(ClaimListResponseSchema, await listClaims({ access, query: parseQuery(req, ClaimListQuerySchema) })),
);

// POST /api/cases/{caseId}/claims — a claim with its quotes: excerpts [{documentId, start, end, exact}]
export const POST = withCase("claims.create", async ({ req, ctx, access }) => {
  const claim = await createClaim({ ctx, access, input: await parseJson(req, CreateClaimSchema) });
  return respond(ClaimResponseSchema, { claim }, { status: 201 });
});
