import { parseJson, withCase } from "@/lib/http/route";
import { SetMemberRoleSchema, MemberRoleResponseSchema } from "@/lib/admin/schemas";
import { changeMemberRole } from "@/lib/cases/change-member-role";
import { removeMember } from "@/lib/cases/remove-member";
import { leaveCase } from "@/lib/cases/leave-case";
import { can } from "@/lib/auth/permissions";
import { ForbiddenError } from "@/lib/errors";
import { respond } from "@/lib/http/respond";
import { OkResponseSchema } from "@/lib/http/response-schemas";

// PUT /api/cases/{caseId}/members/{userId} — change a member's role (case owners; never the last owner)
export const PUT = withCase("case.members.manage", async ({ req, ctx, access, params }) => {
  const input = await parseJson(req, SetMemberRoleSchema);
  return respond(MemberRoleResponseSchema, { member: await changeMemberRole({ ctx, access, userId: params.userId, input }) });
});

// DELETE /api/cases/{caseId}/members/{userId} — remove a member (case owners), or leave the case (your own id, any role); never the last owner
export const DELETE = withCase("case.leave", async ({ ctx, access, params }) => {
  if (params.userId === ctx.actor.id) return respond(OkResponseSchema, await leaveCase({ ctx, access }));
  // Fails closed: removing anyone else needs the owner's permission, checked here like withCase would.
  if (!can(access.role, "case.members.manage")) throw new ForbiddenError(`Your role on this case (${access.role}) does not allow that.`);
  return respond(OkResponseSchema, await removeMember({ ctx, caseId: access.caseId, userId: params.userId }));
});
