import { parseJson, withUser } from "@/lib/http/route";
import { inviteUser } from "@/lib/admin/invite-user";
import { listUsersForAdmin } from "@/lib/admin/list-users";
import { InviteUserSchema, AdminUserListResponseSchema, InvitedUserResponseSchema } from "@/lib/admin/schemas";
import { linkUrl } from "@/lib/admin/link-url";
import { respond } from "@/lib/http/respond";

// GET /api/admin/users — every user with status and case roles, and the cases (workspace admins only)
export const GET = withUser(async ({ ctx }) => respond(AdminUserListResponseSchema, await listUsersForAdmin({ ctx })));

// POST /api/admin/users — invite: creates the account and a one-time link (72 h), shown once
export const POST = withUser(async ({ req, ctx }) => {
  const input = await parseJson(req, InviteUserSchema);
  const { user, token, path, expiresAt } = await inviteUser({ ctx, input });
  return respond(
    InvitedUserResponseSchema,
    { user, link: linkUrl(req, path), token, expiresAt },
    { status: 201, headers: { "cache-control": "no-store" } },
  );
});
