import { withUser } from "@/lib/http/route";
import { revokeApiToken } from "@/lib/tokens/revoke-api-token";

// DELETE /api/tokens/{tokenId} — revoke one of the caller's tokens (someone else's is a 404)
export const DELETE = withUser(async ({ ctx, params }) => {
  await revokeApiToken({ ctx, tokenId: params.tokenId });
  return { ok: true };
});
