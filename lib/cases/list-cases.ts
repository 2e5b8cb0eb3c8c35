import "server-only";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/auth/actor";
import { CaseListFilterSchema, type CaseListFilter } from "./schemas";

/**
 * The cases the actor is a member of, most recently active first, with document counts; `filter`
 * keeps those whose title or summary contains `q` (any case) and whose status is `status`.
 */
export async function listCases({ actor, filter = {} }: { actor: Actor; filter?: CaseListFilter }) {
  const { q, status } = CaseListFilterSchema.parse(filter);
  const rows = await db.caseMember.findMany({
    where: {
      userId: actor.id,
      ...((q || status) && {
        case: {
          ...(status && { status }),
          ...(q && {
            OR: [{ title: { contains: q, mode: "insensitive" as const } }, { summary: { contains: q, mode: "insensitive" as const } }],
          }),
        },
      }),
    },
    select: {
      role: true,
      case: { include: { _count: { select: { documents: true } } } },
    },
    orderBy: { case: { updatedAt: "desc" } },
  });
  return rows.map(({ role, case: c }) => ({ ...c, role, documentCount: c._count.documents }));
}
