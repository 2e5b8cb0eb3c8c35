import "server-only";
import { db } from "@/lib/db";
import { can } from "@/lib/auth/permissions";
import type { CaseAccess } from "./require-case-access";

/**
 * Who is on the case, with roles, oldest member first. `canReview`: the role may approve judgments and
 * briefs and the account is not disabled; the submit controls warn when no one but the submitter can
 * (the two-person rule, STANDARDS.md §7).
 */
export async function listMembers({ access }: { access: CaseAccess }) {
  const rows = await db.caseMember.findMany({
    where: { caseId: access.caseId },
    include: { user: { select: { id: true, email: true, name: true, disabledAt: true } } },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((m) => ({
    userId: m.userId,
    email: m.user.email,
    name: m.user.name,
    role: m.role,
    disabled: m.user.disabledAt != null,
    canReview: m.user.disabledAt == null && can(m.role, "reviews.approve"),
    since: m.createdAt,
  }));
}
