import { withUser } from "@/lib/http/route";
import { issuePasswordReset } from "@/lib/admin/issue-password-reset";
import { linkUrl } from "@/lib/admin/link-url";
import { respond } from "@/lib/http/respond";
import { PasswordResetLinkResponseSchema } from "@/lib/admin/schemas";

// POST /api/admin/users/{userId}/reset-password — one-time reset link; ends the user's sessions
export const POST = withUser(async ({ req, ctx, params }) => {
  const { token, path, expiresAt } = await issuePasswordReset({ ctx, userId: params.userId });
  return respond(
    PasswordResetLinkResponseSchema,
    { link: linkUrl(req, path), token, expiresAt },
    { headers: { "cache-control": "no-store" } },
  );
});
