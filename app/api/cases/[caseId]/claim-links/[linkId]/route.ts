import { withCase } from "@/lib/http/route";
import { deleteClaimLink } from "@/lib/claims/claim-links";
import { respond } from "@/lib/http/respond";
import { OkResponseSchema } from "@/lib/http/response-schemas";

// DELETE /api/cases/{caseId}/claim-links/{linkId} — remove a link between two claims
export const DELETE = withCase("claims.update", async ({ ctx, access, params }) => {
  await deleteClaimLink({ ctx, access, linkId: params.linkId });
  return respond(OkResponseSchema, { ok: true });
});
