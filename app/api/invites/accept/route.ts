import { parseJson, withPublic } from "@/lib/http/route";
import { AcceptInviteSchema, AcceptedInviteResponseSchema } from "@/lib/admin/schemas";
import { acceptLink } from "@/lib/admin/invites";
import { respond } from "@/lib/http/respond";

// POST /api/invites/accept — set your name/password from a one-time invite or reset link (no sign-in)
export const POST = withPublic(async ({ req, requestId }) => {
  const input = await parseJson(req, AcceptInviteSchema);
  return respond(AcceptedInviteResponseSchema, await acceptLink({ input, requestId }));
});
