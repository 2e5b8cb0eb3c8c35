import { parseJson, withCase } from "@/lib/http/route";
import { AddMemberSchema, AddMemberResponseSchema } from "@/lib/admin/schemas";
import { addMember } from "@/lib/cases/add-member";
import { listMembers } from "@/lib/cases/list-members";
import { respond } from "@/lib/http/respond";
import { MemberListResponseSchema } from "@/lib/cases/schemas";

// GET /api/cases/{caseId}/members — who is on the case, with roles and whether each may review
export const GET = withCase("case.members.read", async ({ access }) =>
  respond(MemberListResponseSchema, { members: await listMembers({ access }) }),
);

// POST /api/cases/{caseId}/members — add a user by email with a role (case owners); the same answer whether or not the account exists
export const POST = withCase("case.members.manage", async ({ req, ctx, access }) => {
  const input = await parseJson(req, AddMemberSchema);
  return respond(AddMemberResponseSchema, await addMember({ ctx, access, input }));
});
