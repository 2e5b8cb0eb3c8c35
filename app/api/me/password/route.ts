import { parseJson, withUser } from "@/lib/http/route";
import { ForbiddenError } from "@/lib/errors";
import { currentSessionId } from "@/lib/auth/current-user";
import { changePassword } from "@/lib/auth/change-password";
import { ChangePasswordSchema } from "@/lib/auth/change-password-schema";
import { clientIp } from "@/lib/http/client-ip";
import { respond } from "@/lib/http/respond";
import { OkResponseSchema } from "@/lib/http/response-schemas";

// POST /api/me/password — change your password; your other sessions end, this one stays signed in
export const POST = withUser(async ({ req, ctx, viaApiToken }) => {
  if (viaApiToken) throw new ForbiddenError("Change your password in the browser, not with an API token.");
  const input = await parseJson(req, ChangePasswordSchema);
  await changePassword({ ctx, sessionId: await currentSessionId(), ip: clientIp(req.headers), input });
  return respond(OkResponseSchema, { ok: true });
});
