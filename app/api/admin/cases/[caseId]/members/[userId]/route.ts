import { parseJson, withUser } from "@/lib/http/route";
import { assertWorkspaceAdmin } from "@/lib/admin/require-admin";
import { SetMemberRoleSchema, MemberRoleResponseSchema } from "@/lib/admin/schemas";
import { removeMember } from "@/lib/cases/remove-member";
import { setMemberRole } from "@/lib/cases/set-member-role";
import { respond } from "@/lib/http/respond";
import { OkResponseSchema } from "@/lib/http/response-schemas";

// PUT /api/admin/cases/{caseId}/members/{userId} — give a user a role on any case (workspace admins)
export const PUT = withUser(async ({ req, ctx, params }) => {
  assertWorkspaceAdmin(ctx.actor);
  const input = await parseJson(req, SetMemberRoleSchema);
  return respond(MemberRoleResponseSchema, { member: await setMemberRole({ ctx, caseId: params.caseId, userId: params.userId, input }) });
});

// DELETE /api/admin/cases/{caseId}/members/{userId} — remove a user from a case (not its last owner)
export const DELETE = withUser(async ({ ctx, params }) => {
  assertWorkspaceAdmin(ctx.actor);
  return respond(OkResponseSchema, await removeMember({ ctx, caseId: params.caseId, userId: params.userId }));
});
