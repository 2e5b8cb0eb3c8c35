import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { NotFoundError } from "@/lib/errors";
import type { CaseAccess } from "@/lib/cases/require-case-access";
import { defang } from "./defang";
import { warningsFor } from "./warning-lists";
import type { IndicatorType } from "./types";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

export const INDICATOR_INCLUDE = {
  excerpts: { orderBy: { createdAt: "asc" }, include: { document: { select: { id: true, title: true } } } },
  claims: { include: { claim: { select: { id: true, statement: true } } } },
  entities: { include: { entity: { select: { id: true, name: true, kind: true } } } },
} as const satisfies Prisma.IndicatorInclude;

type Loaded = Prisma.IndicatorGetPayload<{ include: typeof INDICATOR_INCLUDE }>;

export function toIndicatorDetail(i: Loaded, otherCases: { id: string; title: string }[]) {
  return {
    id: i.id,
    caseId: i.caseId,
    type: i.type,
    value: i.value,
    defanged: defang(i.type as IndicatorType, i.value),
    flags: i.flags,
    warnings: warningsFor(i.type as IndicatorType, i.value),
    note: i.note,
    firstSeen: day(i.firstSeen),
    lastSeen: day(i.lastSeen),
    status: i.status,
    version: i.version,
    createdAt: i.createdAt.toISOString(),
    updatedAt: i.updatedAt.toISOString(),
    excerpts: i.excerpts.map((e) => ({
      id: e.id,
      documentId: e.documentId,
      documentTitle: e.document.title,
      start: e.start,
      end: e.end,
      exact: e.exact,
      prefix: e.prefix,
      suffix: e.suffix,
    })),
    claims: i.claims.map((c) => ({ id: c.claim.id, statement: c.claim.statement })),
    entities: i.entities.map((e) => e.entity),
    otherCases,
  };
}
export type IndicatorDetail = ReturnType<typeof toIndicatorDetail>;

/**
 * The other cases holding the same indicator, among those the actor is a member of: the membership
 * join is in the SQL, so a case the actor cannot read is never counted or named.
 */
export async function otherCasesWith({ actor, caseId, type, value }: { actor: Actor; caseId: string; type: string; value: string }) {
  return db.$queryRaw<{ id: string; title: string }[]>`
    SELECT c.id, c.title FROM indicators o
    JOIN case_members m ON m.case_id = o.case_id AND m.user_id = ${actor.id}::uuid
    JOIN cases c ON c.id = o.case_id
    WHERE o.type = ${type}::"IndicatorType" AND o.value = ${value} AND o.case_id <> ${caseId}::uuid
    ORDER BY c.title`;
}

/** One indicator of the case with its quotes, claims, entities and the other readable cases that hold it. */
export async function getIndicator({ actor, access, indicatorId }: { actor: Actor; access: CaseAccess; indicatorId: string }) {
  if (!UUID.test(indicatorId)) throw new NotFoundError("Indicator");
  const i = await db.indicator.findFirst({ where: { id: indicatorId, caseId: access.caseId }, include: INDICATOR_INCLUDE });
  if (!i) throw new NotFoundError("Indicator");
  return toIndicatorDetail(i, await otherCasesWith({ actor, caseId: access.caseId, type: i.type, value: i.value }));
}
