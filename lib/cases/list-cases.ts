import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";

/** The cases the actor is a member of, most recently active first, with document counts. */
export async function listCases({ actor }: { actor: Actor }) {
  const rows = await db.caseMember.findMany({
    where: { userId: actor.id },
    select: {
      role: true,
      case: { include: { _count: { select: { documents: true } } } },
    },
    orderBy: { case: { updatedAt: "desc" } },
  });
  return rows.map(({ role, case: c }) => ({ ...c, role, documentCount: c._count.documents }));
}
