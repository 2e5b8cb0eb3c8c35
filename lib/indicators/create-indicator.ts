import "server-only";
import { db } from "@/lib/db";
import type { Ctx } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { InvalidError, NotFoundError } from "@/lib/errors";
import type { CaseAccess } from "@/lib/cases/require-case-access";
import { anchorExcerpt } from "@/lib/claims/verify-excerpt";
import { canonicalise } from "./canonicalise";
import { flagsFor } from "./warning-lists";
import { CreateIndicatorSchema, type CreateIndicatorInput } from "./schemas";
import { INDICATOR_INCLUDE, otherCasesWith, toIndicatorDetail } from "./get-indicator";

/** Entity kinds an indicator can point to (STIX `indicates`). */
export const INDICATED_KINDS = ["intrusion_set", "threat_actor", "malware", "infrastructure"] as const;

/** Checks that claims and entities are the case's own (404 otherwise) and that the entities can be indicated. */
export async function checkLinks({ caseId, claimIds, entityIds }: { caseId: string; claimIds: string[]; entityIds: string[] }) {
  const [claims, entities] = await Promise.all([
    claimIds.length ? db.claim.count({ where: { id: { in: claimIds }, caseId } }) : 0,
    entityIds.length ? db.entity.findMany({ where: { id: { in: entityIds }, caseId }, select: { id: true, kind: true, name: true } }) : [],
  ]);
  if (claims !== claimIds.length) throw new NotFoundError("Claim");
  if (entities.length !== entityIds.length) throw new NotFoundError("Entity");
  const wrong = entities.find((e) => !(INDICATED_KINDS as readonly string[]).includes(e.kind));
  if (wrong)
    throw new InvalidError(`An indicator points to an intrusion set, threat actor, malware or infrastructure, not to ${wrong.name}.`, [
      { path: "entityIds", message: "Pick an intrusion set, threat actor, malware or infrastructure." },
    ]);
}

/**
 * Records an indicator of the case in its canonical form, with the quotes that report it (each checked
 * against the stored text at its offsets, like a claim's: 422 otherwise) and optionally the claims it
 * supports and the entities it indicates. The same value already recorded in the case gets the new
 * quotes and links instead of a duplicate (`created: false`). All or nothing, audited.
 */
export async function createIndicator({ ctx, access, input }: { ctx: Ctx; access: CaseAccess; input: CreateIndicatorInput }) {
  const data = CreateIndicatorSchema.parse(input);
  const canonical = canonicalise(data.type, data.value);
  if (!canonical.ok) throw new InvalidError(canonical.message, [{ path: "value", message: canonical.message }]);
  const value = canonical.value;
  const claimIds = [...new Set(data.claimIds)];
  const entityIds = [...new Set(data.entityIds)];
  const docIds = [...new Set(data.excerpts.map((e) => e.documentId))];
  const docs = docIds.length
    ? await db.document.findMany({
        where: { id: { in: docIds }, caseId: access.caseId },
        select: { id: true, text: true, retractedAt: true },
      })
    : [];
  if (docs.length !== docIds.length) throw new NotFoundError("Document");
  const docById = new Map(docs.map((d) => [d.id, d]));
  const excerpts = data.excerpts.map((excerpt, i) => {
    const doc = docById.get(excerpt.documentId)!;
    if (doc.retractedAt)
      throw new InvalidError("That document was retracted; it cannot support a new indicator.", [
        { path: `excerpts.${i}.documentId`, message: "That document was retracted; it cannot support a new indicator." },
      ]);
    const anchored = anchorExcerpt({ text: doc.text, excerpt, path: `excerpts.${i}` });
    // The quote must say this indicator: refanged and canonicalised, it gives the same value.
    const quoted = canonicalise(data.type, anchored.exact);
    if (!quoted.ok || quoted.value !== value)
      throw new InvalidError(`The quote "${anchored.exact.slice(0, 80)}" does not write ${value}.`, [
        { path: `excerpts.${i}.exact`, message: "Quote the indicator itself, as the document writes it." },
      ]);
    return anchored;
  });
  await checkLinks({ caseId: access.caseId, claimIds, entityIds });

  const result = await db.$transaction(async (tx) => {
    const existing = await tx.indicator.findUnique({
      where: { caseId_type_value: { caseId: access.caseId, type: data.type, value } },
      include: INDICATOR_INCLUDE,
    });
    const indicator =
      existing ??
      (await tx.indicator.create({
        data: {
          caseId: access.caseId,
          type: data.type,
          value,
          flags: flagsFor(data.type, value),
          note: data.note,
          createdById: ctx.actor.id,
        },
        include: INDICATOR_INCLUDE,
      }));
    const known = new Set(existing?.excerpts.map((e) => `${e.documentId}:${e.start}:${e.end}`) ?? []);
    const newExcerpts = excerpts.filter((e) => !known.has(`${e.documentId}:${e.start}:${e.end}`));
    if (newExcerpts.length)
      await tx.indicatorExcerpt.createMany({
        data: newExcerpts.map((e) => ({ indicatorId: indicator.id, ...e })),
      });
    if (claimIds.length)
      await tx.indicatorClaim.createMany({
        data: claimIds.map((claimId) => ({ indicatorId: indicator.id, claimId })),
        skipDuplicates: true,
      });
    if (entityIds.length)
      await tx.indicatorEntity.createMany({
        data: entityIds.map((entityId) => ({ indicatorId: indicator.id, entityId })),
        skipDuplicates: true,
      });
    if (existing && (newExcerpts.length || claimIds.length || entityIds.length))
      await tx.indicator.update({ where: { id: indicator.id }, data: { version: { increment: 1 } } });
    await recordAudit({
      tx,
      ctx,
      action: existing ? "indicator.link" : "indicator.create",
      caseId: access.caseId,
      targetType: "indicator",
      targetId: indicator.id,
      after: { type: data.type, value, flags: indicator.flags, excerpts: newExcerpts, claimIds, entityIds },
    });
    await tx.case.update({ where: { id: access.caseId }, data: { updatedAt: new Date() } });
    return { id: indicator.id, created: !existing };
  });
  const saved = await db.indicator.findUniqueOrThrow({ where: { id: result.id }, include: INDICATOR_INCLUDE });
  return {
    created: result.created,
    indicator: toIndicatorDetail(
      saved,
      await otherCasesWith({ actor: ctx.actor, caseId: access.caseId, type: saved.type, value: saved.value }),
    ),
  };
}
