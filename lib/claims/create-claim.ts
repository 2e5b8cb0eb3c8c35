import "server-only";
import { db } from "@/lib/db";
import { recordAudit, type Ctx } from "@/lib/audit/record-audit";
import { NotFoundError } from "@/lib/errors";
import type { CaseAccess } from "@/lib/cases/require-case-access";
import { CreateClaimSchema, type CreateClaimInput } from "./schemas";
import { anchorExcerpt } from "./verify-excerpt";

/**
 * Records a claim and the exact quotes it rests on. Every quote is checked against the stored text;
 * a document or entity from another case is a 404, as if it did not exist. All or nothing.
 */
export async function createClaim({ ctx, access, input }: { ctx: Ctx; access: CaseAccess; input: CreateClaimInput }) {
  const data = CreateClaimSchema.parse(input);
  const docIds = [...new Set(data.excerpts.map((e) => e.documentId))];
  const docs = await db.document.findMany({ where: { id: { in: docIds }, caseId: access.caseId }, select: { id: true, text: true } });
  if (docs.length !== docIds.length) throw new NotFoundError("Document");
  const textOf = new Map(docs.map((d) => [d.id, d.text]));
  const anchored = data.excerpts.map((excerpt, i) => anchorExcerpt({ text: textOf.get(excerpt.documentId)!, excerpt, path: `excerpts.${i}` }));
  const entityIds = [...new Set(data.entityIds)];
  if (entityIds.length && (await db.entity.count({ where: { id: { in: entityIds }, caseId: access.caseId } })) !== entityIds.length) throw new NotFoundError("Entity");

  return db.$transaction(async (tx) => {
    const claim = await tx.claim.create({
      data: {
        caseId: access.caseId,
        statement: data.statement,
        claimant: data.claimant,
        kind: data.kind,
        credibility: data.credibility,
        sourceConfidence: data.sourceConfidence,
        status: data.status,
        createdById: ctx.actor.id,
        excerpts: { create: anchored.map((a, position) => ({ ...a, position })) },
        entities: { create: entityIds.map((entityId) => ({ entityId })) },
      },
      include: { excerpts: { orderBy: { position: "asc" } } },
    });
    await tx.case.update({ where: { id: access.caseId }, data: { updatedAt: new Date() } });
    await recordAudit({ tx, ctx, action: "claim.create", caseId: access.caseId, targetType: "claim", targetId: claim.id, after: { ...claim, entityIds } });
    return claim;
  });
}
