import "server-only";
import { z } from "zod";
import { IdSchema } from "@/lib/ids/id-schema";
import { db } from "@/lib/db";
import { CALENDAR_DATE_MESSAGE, isCalendarDate } from "@/lib/dates/calendar-date";
import type { CaseAccess } from "@/lib/cases/require-case-access";

export const AuditQuerySchema = z.object({
  action: z.string().trim().max(100).optional(),
  targetType: z.string().trim().max(50).optional(),
  targetId: IdSchema.optional(),
  actorId: IdSchema.optional(),
  // zod's ISO formats accept year 0000, which PostgreSQL refuses (a 500 before; issue 12).
  from: z.iso.datetime({ offset: true }).or(z.iso.date()).refine(isCalendarDate, CALENDAR_DATE_MESSAGE).optional(),
  to: z.iso.datetime({ offset: true }).or(z.iso.date()).refine(isCalendarDate, CALENDAR_DATE_MESSAGE).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

// A bare date as the end of a range means the whole of that (UTC) day.
const endOf = (to: string) => (/^\d{4}-\d{2}-\d{2}$/.test(to) ? new Date(`${to}T23:59:59.999Z`) : new Date(to));

/** A case's audit trail, newest first, filtered by action prefix, target, actor and time. */
export async function listAudit({ access, query }: { access: CaseAccess; query: unknown }) {
  const q = AuditQuerySchema.parse(query);
  const where = {
    caseId: access.caseId,
    ...(q.action ? { action: { startsWith: q.action } } : {}),
    ...(q.targetType ? { targetType: q.targetType } : {}),
    ...(q.targetId ? { targetId: q.targetId } : {}),
    ...(q.actorId ? { actorId: q.actorId } : {}),
    ...(q.from || q.to ? { at: { ...(q.from ? { gte: new Date(q.from) } : {}), ...(q.to ? { lte: endOf(q.to) } : {}) } } : {}),
  };
  const [events, total] = await Promise.all([
    db.auditEvent.findMany({
      where,
      orderBy: [{ at: "desc" }, { id: "desc" }],
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
      include: { actor: { select: { id: true, name: true } } },
    }),
    db.auditEvent.count({ where }),
  ]);
  return {
    events: events.map((e) => ({
      id: e.id,
      at: e.at.toISOString(),
      action: e.action,
      actor: e.actor,
      targetType: e.targetType,
      targetId: e.targetId,
      before: e.before,
      after: e.after,
      reason: e.reason,
      requestId: e.requestId,
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}
