import { withUser } from "@/lib/http/route";
import { revokeApiToken } from "@/lib/tokens/revoke-api-token";
import { respond } from "@/lib/http/respond";
import { OkResponseSchema } from "@/lib/http/response-schemas";

// DELETE /api/tokens/{tokenId} — revoke one of the caller's tokens (someone else's is a 404)
export const DELETE = withUser(async ({ ctx, params }) => {
  await revokeApiToken({ ctx, tokenId: params.tokenId });
  return respond(OkResponseSchema, { ok: true });
});
