import { NextResponse } from "next/server";
import { parseJson, withCase } from "@/lib/http/route";
import { AddMemberSchema } from "@/lib/admin/schemas";
import { addMemberByEmail, listMembers } from "@/lib/cases/members";

// GET /api/cases/{caseId}/members — who is on the case, with roles
export const GET = withCase("case.members.read", async ({ access }) => ({ members: await listMembers({ caseId: access.caseId }) }));

// POST /api/cases/{caseId}/members — add an existing user by email with a role (case owners)
export const POST = withCase("case.members.manage", async ({ req, ctx, access }) => {
  const input = await parseJson(req, AddMemberSchema);
  return NextResponse.json({ member: await addMemberByEmail({ ctx, caseId: access.caseId, input }) }, { status: 201 });
});
