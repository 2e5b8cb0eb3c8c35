import { parseJson, withCase } from "@/lib/http/route";
import { AddMemberSchema } from "@/lib/admin/schemas";
import { addMember } from "@/lib/cases/add-member";
import { listMembers } from "@/lib/cases/list-members";

// GET /api/cases/{caseId}/members — who is on the case, with roles and whether each may review
export const GET = withCase("case.members.read", async ({ access }) => ({ members: await listMembers({ access }) }));

// POST /api/cases/{caseId}/members — add a user by email with a role (case owners); the same answer whether or not the account exists
export const POST = withCase("case.members.manage", async ({ req, ctx, access }) => {
  const input = await parseJson(req, AddMemberSchema);
  return addMember({ ctx, access, input });
});
