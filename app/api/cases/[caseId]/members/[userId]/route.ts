import { parseJson, withCase } from "@/lib/http/route";
import { SetMemberRoleSchema } from "@/lib/admin/schemas";
import { removeMember, setMemberRole } from "@/lib/cases/members";

// PUT /api/cases/{caseId}/members/{userId} — change a member's role (case owners; never the last owner)
export const PUT = withCase("case.members.manage", async ({ req, ctx, access, params }) => {
  const input = await parseJson(req, SetMemberRoleSchema);
  return { member: await setMemberRole({ ctx, caseId: access.caseId, userId: params.userId, input }) };
});

// DELETE /api/cases/{caseId}/members/{userId} — remove a member (case owners; never the last owner)
export const DELETE = withCase("case.members.manage", async ({ ctx, access, params }) => removeMember({ ctx, caseId: access.caseId, userId: params.userId }));
