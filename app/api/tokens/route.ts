import { withUser, parseJson } from "@/lib/http/route";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { listApiTokens } from "@/lib/tokens/list-api-tokens";
import { ApiTokenListResponseSchema, CreateApiTokenSchema, CreatedApiTokenResponseSchema } from "@/lib/tokens/schemas";
import { respond } from "@/lib/http/respond";

// GET /api/tokens — the caller's active personal API tokens (prefix, created, last used; never the secret)
export const GET = withUser(async ({ actor }) => {
  const tokens = await listApiTokens({ actor });
  return respond(ApiTokenListResponseSchema, { tokens });
});

// POST /api/tokens — create a token; the plaintext `token` is in this response and nowhere else, ever
export const POST = withUser(async ({ req, ctx, viaApiToken }) => {
  const { name } = await parseJson(req, CreateApiTokenSchema);
  const { token, apiToken } = await createApiToken({ ctx, name, viaApiToken });
  return respond(CreatedApiTokenResponseSchema, { token, apiToken }, { status: 201, headers: { "cache-control": "no-store" } });
});
