import "server-only";
import { db } from "@/lib/db";
import type { Ctx } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { ConflictError, InvalidError, NotFoundError } from "@/lib/errors";
import type { CaseAccess } from "@/lib/cases/require-case-access";
import { Prisma } from "@/lib/generated/prisma/client";
import { retractedError } from "@/lib/lifecycle/retracted-error";
import { AssignSourceSchema, CreateSourceSchema, UpdateSourceSchema, type AssignSourceInput, type CreateSourceInput } from "./schemas";

/** The case's sources; retracted ones are kept but listed only when asked for. */
export async function listSources({ access, includeRetracted = false }: { access: CaseAccess; includeRetracted?: boolean }) {
  const rows = await db.source.findMany({
    where: { caseId: access.caseId, ...(includeRetracted ? {} : { retractedAt: null }) },
    orderBy: { name: "asc" },
    include: { _count: { select: { documents: true } }, retractedBy: { select: { name: true } } },
  });
  const history = await listSourceRegrades({ access });
  return rows.map(({ _count, retractedBy, ...s }) => ({
    ...s,
    retractedByName: retractedBy?.name ?? null,
    documentCount: _count.documents,
    regrades: history.get(s.id) ?? [],
  }));
}

export type SourceRegrade = { at: string; by: string | null; from: string; to: string; reason: string | null };

/** Each source's regrades, oldest first, read from the audit log (who, when, from → to, why). */
export async function listSourceRegrades({ access }: { access: CaseAccess }): Promise<Map<string, SourceRegrade[]>> {
  const rows = await db.$queryRaw<{ target_id: string; at: Date; by: string | null; from: string; to: string; reason: string | null }[]>`
    SELECT a.target_id, a.at, u.name AS by, a.before->>'reliability' AS "from", a.after->>'reliability' AS "to", a.reason
    FROM audit_events a LEFT JOIN users u ON u.id = a.actor_id
    WHERE a.case_id = ${access.caseId}::uuid AND a.target_type = 'source' AND a.action = 'source.update'
      AND a.before->>'reliability' IS DISTINCT FROM a.after->>'reliability'
    ORDER BY a.at`;
  const bySource = new Map<string, SourceRegrade[]>();
  for (const r of rows)
    bySource.set(r.target_id, [
      ...(bySource.get(r.target_id) ?? []),
      { at: r.at.toISOString(), by: r.by, from: r.from, to: r.to, reason: r.reason },
    ]);
  return bySource;
}

export async function createSource({ ctx, access, input }: { ctx: Ctx; access: CaseAccess; input: CreateSourceInput }) {
  const data = CreateSourceSchema.parse(input);
  try {
    return await db.$transaction(async (tx) => {
      const source = await tx.source.create({ data: { ...data, caseId: access.caseId, createdById: ctx.actor.id } });
      await recordAudit({
        tx,
        ctx,
        action: "source.create",
        caseId: access.caseId,
        targetType: "source",
        targetId: source.id,
        after: source,
      });
      return source;
    });
  } catch (err) {
    throw isUniqueViolation(err) ? duplicateSourceName() : err;
  }
}

const isUniqueViolation = (err: unknown) => err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002";
const duplicateSourceName = () =>
  new InvalidError("A source with this name already exists in the case.", [
    { path: "name", message: "A source with this name already exists in the case." },
  ]);

export async function updateSource({ ctx, access, sourceId, input }: { ctx: Ctx; access: CaseAccess; sourceId: string; input: unknown }) {
  const { version, reason, ...changes } = UpdateSourceSchema.parse(input);
  return db
    .$transaction(async (tx) => {
      const before = await tx.source.findFirst({ where: { id: sourceId, caseId: access.caseId } });
      if (!before) throw new NotFoundError("Source");
      if (before.retractedAt) throw retractedError("This source");
      if (before.version !== version) throw new ConflictError("Someone else changed this source after you opened it.", { current: before });
      // A regrade changes every document's inherited grade: it needs a reason, which the history keeps.
      const regraded = changes.reliability !== undefined && changes.reliability !== before.reliability;
      if (regraded && !reason) {
        const message = `Regrading this source from ${before.reliability} to ${changes.reliability} needs a reason: say what changed.`;
        throw new InvalidError(message, [{ path: "reason", message }]);
      }
      const { count } = await tx.source.updateMany({ where: { id: sourceId, version }, data: { ...changes, version: { increment: 1 } } });
      if (count === 0) throw new ConflictError("Someone else changed this source after you opened it.", { current: before });
      const after = await tx.source.findUniqueOrThrow({ where: { id: sourceId } });
      await recordAudit({
        tx,
        ctx,
        action: "source.update",
        caseId: access.caseId,
        targetType: "source",
        targetId: sourceId,
        before,
        after,
        reason: reason || null,
      });
      return after;
    })
    .catch((err) => {
      throw isUniqueViolation(err) ? duplicateSourceName() : err;
    });
}

/** Sets a document's source; overriding the inherited grade for this document needs a reason. */
export async function assignDocumentSource({
  ctx,
  access,
  documentId,
  input,
}: {
  ctx: Ctx;
  access: CaseAccess;
  documentId: string;
  input: AssignSourceInput;
}) {
  const data = AssignSourceSchema.parse(input);
  return db.$transaction(async (tx) => {
    const before = await tx.document.findFirst({
      where: { id: documentId, caseId: access.caseId },
      select: { id: true, sourceId: true, reliabilityOverride: true, overrideReason: true, tlp: true, retractedAt: true },
    });
    if (!before) throw new NotFoundError("Document");
    if (before.retractedAt) throw retractedError("This document");
    const source = data.sourceId
      ? await tx.source.findFirst({ where: { id: data.sourceId, caseId: access.caseId }, select: { id: true, retractedAt: true } })
      : null;
    if (data.sourceId && !source) throw new NotFoundError("Source");
    if (source?.retractedAt) throw retractedError("That source", "sourceId");
    const after = await tx.document.update({
      where: { id: documentId },
      data: {
        sourceId: data.sourceId,
        reliabilityOverride: data.reliabilityOverride,
        overrideReason: data.reliabilityOverride ? data.overrideReason : null,
        ...(data.tlp !== undefined ? { tlp: data.tlp } : {}),
      },
      select: { id: true, sourceId: true, reliabilityOverride: true, overrideReason: true, tlp: true },
    });
    await recordAudit({
      tx,
      ctx,
      action: "document.source",
      caseId: access.caseId,
      targetType: "document",
      targetId: documentId,
      before,
      after,
      reason: data.overrideReason,
    });
    return after;
  });
}
