import "server-only";
import { db } from "@/lib/db";
import { recordAudit, type Ctx } from "@/lib/audit/record-audit";
import { NotFoundError } from "@/lib/errors";
import type { CaseAccess } from "@/lib/cases/require-case-access";
import { CreateClaimSchema, type CreateClaimInput } from "./schemas";
import { anchorExcerpt } from "./verify-excerpt";
import { assessIndependence } from "./assess-independence";
import { CLAIM_INCLUDE, toClaimDetail, type ClaimDetail, type ClaimRow } from "./claim-details";

/**
 * Records a claim and the exact quotes it rests on. Every quote is checked against the stored text;
 * a document or entity from another case is a 404, as if it did not exist. All or nothing.
 * Returns the claim as the API shows it, read back inside the same transaction (no second round).
 */
export async function createClaim({ ctx, access, input }: { ctx: Ctx; access: CaseAccess; input: CreateClaimInput }): Promise<ClaimDetail> {
  const data = CreateClaimSchema.parse(input);
  const docIds = [...new Set(data.excerpts.map((e) => e.documentId))];
  const docs = await db.document.findMany({ where: { id: { in: docIds }, caseId: access.caseId }, select: { id: true, text: true } });
  if (docs.length !== docIds.length) throw new NotFoundError("Document");
  const textOf = new Map(docs.map((d) => [d.id, d.text]));
  const anchored = data.excerpts.map((excerpt, i) => anchorExcerpt({ text: textOf.get(excerpt.documentId)!, excerpt, path: `excerpts.${i}` }));
  const entityIds = [...new Set(data.entityIds)];
  if (entityIds.length && (await db.entity.count({ where: { id: { in: entityIds }, caseId: access.caseId } })) !== entityIds.length) throw new NotFoundError("Entity");

  const claim = await db.$transaction(async (tx) => {
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
      include: CLAIM_INCLUDE,
    });
    await tx.case.update({ where: { id: access.caseId }, data: { updatedAt: new Date() } });
    await recordAudit({ tx, ctx, action: "claim.create", caseId: access.caseId, targetType: "claim", targetId: claim.id, after: { ...claimRecord(claim), entityIds } });
    return claim;
  });
  // A new claim has no links yet; only a "1 – Confirmed" grade needs the independence warning.
  const independence = claim.credibility === 1 ? ((await assessIndependence({ caseId: access.caseId, claims: [claim.id] })).get(claim.id) ?? null) : null;
  return toClaimDetail(claim, independence);
}

/** What the audit keeps of a new claim: its own fields and its quotes, not the joined display data. */
function claimRecord({ excerpts, entities: _entities, linksFrom: _from, linksTo: _to, createdBy: _by, ...claim }: ClaimRow) {
  return { ...claim, excerpts: excerpts.map(({ document: _document, ...e }) => e) };
}
