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
  memberships: { caseId: string; caseTitle: string; role: string }[];
};

/** Every user with status and case roles, plus the cases an admin can add them to. */
export async function listUsersForAdmin({ ctx }: { ctx: Ctx }) {
  assertWorkspaceAdmin(ctx.actor);
  const [users, cases] = await Promise.all([
    db.user.findMany({
      orderBy: { email: "asc" },
      omit: { passwordHash: false },
      include: { memberships: { include: { case: { select: { title: true } } }, orderBy: { createdAt: "asc" } } },
    }),
    db.case.findMany({ orderBy: { title: "asc" }, select: { id: true, title: true } }),
  ]);
  const rows: AdminUserRow[] = users.map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    isAdmin: u.isAdmin,
    status: u.disabledAt ? "disabled" : u.passwordHash === NO_PASSWORD ? "invited" : "active",
    createdAt: u.createdAt,
    memberships: u.memberships.map((m) => ({ caseId: m.caseId, caseTitle: m.case.title, role: m.role })),
  }));
  return { users: rows, cases };
}
