import "server-only";
import { db } from "@/lib/db";
import type { Ctx } from "@/lib/auth/actor";
import { NO_PASSWORD } from "@/lib/auth/passwords";
import { assertWorkspaceAdmin } from "./require-admin";

export type AdminUserRow = {
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
  status: "active" | "invited" | "disabled";
  createdAt: Date;
  memberships: { caseId: string; caseTitle: string; caseSlug: string; role: string }[];
};
// Two cases may share a title: the admin tells them apart by slug, creation date and creator.
const CASE_IDENTITY = { id: true, title: true, slug: true, createdAt: true, createdBy: { select: { name: true } } } as const;

/** Every user with status and case roles, plus the cases an admin can add them to. */
export async function listUsersForAdmin({ ctx }: { ctx: Ctx }) {
  assertWorkspaceAdmin(ctx.actor);
  const [users, cases] = await Promise.all([
    db.user.findMany({
      orderBy: { email: "asc" },
      omit: { passwordHash: false },
      include: { memberships: { include: { case: { select: { title: true, slug: true } } }, orderBy: { createdAt: "asc" } } },
    }),
    db.case.findMany({ orderBy: [{ title: "asc" }, { createdAt: "asc" }], select: CASE_IDENTITY }),
  ]);
  const rows: AdminUserRow[] = users.map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    isAdmin: u.isAdmin,
    status: u.disabledAt ? "disabled" : u.passwordHash === NO_PASSWORD ? "invited" : "active",
    createdAt: u.createdAt,
    memberships: u.memberships.map((m) => ({ caseId: m.caseId, caseTitle: m.case.title, caseSlug: m.case.slug, role: m.role })),
  }));
  return {
    users: rows,
    cases: cases.map((c) => ({ id: c.id, title: c.title, slug: c.slug, createdAt: c.createdAt, createdBy: c.createdBy.name })),
  };
}
