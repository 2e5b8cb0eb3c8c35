import "server-only";
import { db } from "@/lib/db";
import type { CaseAccess } from "@/lib/cases/require-case-access";

type AuditLike = { targetType: string; targetId: string; before: unknown; after: unknown };

const claimIdOf = (v: unknown) =>
  typeof v === "object" && v !== null && typeof (v as { claimId?: unknown }).claimId === "string"
    ? (v as { claimId: string }).claimId
    : null;

/**
 * The activity log names records, not ids: for a page of audit events, the current name of every record
 * they point at (claim statements, document and hypothesis titles, member names), including the claim a
 * rating is about. Each case-scoped lookup is filtered by `access.caseId`; users are named only when this
 * case's own audit rows point at them.
 */
export async function nameAuditRecords({ access, events }: { access: CaseAccess; events: AuditLike[] }): Promise<Record<string, string>> {
  const ids = (type: string) => [...new Set(events.filter((e) => e.targetType === type).map((e) => e.targetId))];
  const claimIds = [
    ...new Set([...ids("claim"), ...events.flatMap((e) => [claimIdOf(e.before), claimIdOf(e.after)]).filter((x): x is string => !!x)]),
  ];
  const caseId = access.caseId;
  const [claims, documents, entities, hypotheses, questions, sources, timeline, users] = await Promise.all([
    claimIds.length ? db.claim.findMany({ where: { caseId, id: { in: claimIds } }, select: { id: true, statement: true } }) : [],
    db.document.findMany({ where: { caseId, id: { in: ids("document") } }, select: { id: true, title: true } }),
    db.entity.findMany({ where: { caseId, id: { in: ids("entity") } }, select: { id: true, name: true } }),
    db.hypothesis.findMany({ where: { caseId, id: { in: ids("hypothesis") } }, select: { id: true, title: true } }),
    db.attributionQuestion.findMany({ where: { caseId, id: { in: ids("question") } }, select: { id: true, question: true } }),
    db.source.findMany({ where: { caseId, id: { in: ids("source") } }, select: { id: true, name: true } }),
    db.event.findMany({ where: { caseId, id: { in: ids("event") } }, select: { id: true, title: true } }),
    db.user.findMany({ where: { id: { in: ids("user") } }, select: { id: true, name: true } }),
  ]);
  return Object.fromEntries([
    ...claims.map((c) => [c.id, c.statement]),
    ...documents.map((d) => [d.id, d.title]),
    ...entities.map((e) => [e.id, e.name]),
    ...hypotheses.map((h) => [h.id, h.title]),
    ...questions.map((q) => [q.id, q.question]),
    ...sources.map((s) => [s.id, s.name]),
    ...timeline.map((t) => [t.id, t.title]),
    ...users.map((u) => [u.id, u.name]),
  ]);
}
