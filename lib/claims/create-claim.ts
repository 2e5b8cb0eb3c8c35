import "server-only";
import { db } from "@/lib/db";
import type { Ctx } from "@/lib/auth/actor";
import { InvalidError, NotFoundError } from "@/lib/errors";
import { uuidv7 } from "@/lib/ids/uuidv7";
import { Prisma } from "@/lib/generated/prisma/client";
import { auditInsertSql } from "@/lib/audit/record-audit";
import type { CaseAccess } from "@/lib/cases/require-case-access";
import { CreateClaimSchema, type CreateClaimInput } from "./schemas";
import { anchorExcerpt } from "./verify-excerpt";
import { assessIndependence } from "./assess-independence";
import { toClaimDetail, type ClaimDetail } from "./claim-details";

const DOCUMENT_FIELDS = {
  id: true,
  text: true,
  title: true,
  reliabilityOverride: true,
  overrideReason: true,
  retractedAt: true,
  source: { select: { id: true, name: true, reliability: true, kind: true, retractedAt: true } },
} as const;

/**
 * Records a claim and the exact quotes it rests on. Every quote is checked against the stored text;
 * a document or entity from another case is a 404, as if it did not exist. All or nothing.
 *
 * The write is one SQL statement — claim, quotes, entity tags, the case's updated_at and the audit
 * event, in data-modifying CTEs — so it is atomic without a transaction and costs one round trip
 * instead of nine: claim creation is the app's hottest write (50 analysts reading and quoting at
 * once). The answer is built from what was read and written, with no second read.
 */
export async function createClaim({ ctx, access, input }: { ctx: Ctx; access: CaseAccess; input: CreateClaimInput }): Promise<ClaimDetail> {
  const data = CreateClaimSchema.parse(input);
  const docIds = [...new Set(data.excerpts.map((e) => e.documentId))];
  const entityIds = [...new Set(data.entityIds)];
  const [docs, entities, originator] = await Promise.all([
    db.document.findMany({ where: { id: { in: docIds }, caseId: access.caseId }, select: DOCUMENT_FIELDS }),
    entityIds.length
      ? db.entity.findMany({ where: { id: { in: entityIds }, caseId: access.caseId }, select: { id: true, name: true, kind: true } })
      : [],
    data.originatorSourceId
      ? db.source.findFirst({
          where: { id: data.originatorSourceId, caseId: access.caseId },
          select: { id: true, name: true, kind: true, reliability: true },
        })
      : null,
  ]);
  if (docs.length !== docIds.length) throw new NotFoundError("Document");
  if (entities.length !== entityIds.length) throw new NotFoundError("Entity");
  if (data.originatorSourceId && !originator) throw new NotFoundError("Source");
  const docById = new Map(docs.map((d) => [d.id, d]));
  // A retracted document is kept for the record but is no longer evidence to build on.
  data.excerpts.forEach((e, i) => {
    if (docById.get(e.documentId)!.retractedAt)
      throw new InvalidError("That document was retracted; it cannot support a new claim.", [
        { path: `excerpts.${i}.documentId`, message: "That document was retracted; it cannot support a new claim." },
      ]);
  });
  const claimant = data.claimant ?? originator?.name ?? docById.get(data.excerpts[0].documentId)!.source?.name;
  if (!claimant)
    throw new InvalidError("Say who makes this claim: none of its documents has a source to take the name from.", [
      { path: "claimant", message: "Say who makes this claim: none of its documents has a source to take the name from." },
    ]);
  const claimId = uuidv7();
  const excerpts = data.excerpts.map((excerpt, position) => ({
    id: uuidv7(),
    ...anchorExcerpt({ text: docById.get(excerpt.documentId)!.text, excerpt, path: `excerpts.${position}` }),
    position,
  }));
  const claim = {
    id: claimId,
    caseId: access.caseId,
    statement: data.statement,
    claimant,
    kind: data.kind,
    credibility: data.credibility,
    sourceConfidence: data.sourceConfidence ?? null,
    status: data.status,
    originatorSourceId: originator?.id ?? null,
    createdById: ctx.actor.id,
  };
  const audit = { ...claim, version: 1, excerpts: excerpts.map((e) => ({ ...e, claimId })), entityIds };

  // PostgreSQL runs every data-modifying CTE to completion whether or not it is read. `quotes` reads
  // from `created`, so the claim row exists before the excerpts_same_case trigger looks it up;
  // foreign keys are checked at the end of the statement.
  const [row] = await db.$queryRaw<{ version: number; created_at: Date; updated_at: Date }[]>`
    WITH created AS (
      INSERT INTO claims (id, case_id, statement, claimant, kind, credibility, source_confidence, status, originator_source_id, created_by_id, updated_at)
      VALUES (${claimId}::uuid, ${claim.caseId}::uuid, ${claim.statement}, ${claim.claimant}, ${claim.kind}::"ClaimKind", ${claim.credibility},
              ${claim.sourceConfidence}, ${claim.status}::"ClaimStatus", ${claim.originatorSourceId}::uuid, ${claim.createdById}::uuid, CURRENT_TIMESTAMP)
      RETURNING id, version, created_at, updated_at
    ), quotes AS (
      INSERT INTO excerpts (id, claim_id, document_id, start, "end", exact, prefix, suffix, position)
      SELECT q.id, created.id, q."documentId", q.start, q."end", q.exact, q.prefix, q.suffix, q.position
      FROM created, jsonb_to_recordset(${JSON.stringify(excerpts)}::jsonb)
        AS q(id uuid, "documentId" uuid, start int, "end" int, exact text, prefix text, suffix text, position int)
      RETURNING 1
    ), tags AS (
      INSERT INTO claim_entities (claim_id, entity_id)
      SELECT created.id, t.entity_id FROM created, unnest(${entityIds}::uuid[]) AS t(entity_id)
      RETURNING 1
    ), touched AS (
      UPDATE cases SET updated_at = CURRENT_TIMESTAMP WHERE id = ${claim.caseId}::uuid RETURNING 1
    ), audited AS (
      ${auditInsertSql({ ctx, action: "claim.create", caseId: claim.caseId, targetType: "claim", targetId: claimId, after: audit }, Prisma.sql`FROM created`)}
      RETURNING 1
    )
    SELECT created.version, created.created_at, created.updated_at FROM created`;

  const detail = toClaimDetail(
    {
      ...claim,
      version: row.version,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      excerpts: excerpts.map(({ id, documentId, start, end, exact, prefix, suffix, position }) => {
        const { text: _text, ...document } = docById.get(documentId)!;
        return { id, claimId, documentId, start, end, exact, prefix, suffix, position, createdAt: row.created_at, document };
      }),
      entities: entities.map((entity) => ({ claimId, entityId: entity.id, entity })),
      linksFrom: [],
      linksTo: [],
      createdBy: { name: ctx.actor.name },
      originator,
      retractedAt: null,
      retractedById: null,
      retractionReason: null,
      retractedBy: null,
    },
    null,
  );
  // A new claim has no links yet; only a "1 – Confirmed" grade needs the independence warning.
  if (claim.credibility === 1)
    detail.independence = (await assessIndependence({ caseId: access.caseId, claims: [claimId] })).get(claimId) ?? null;
  return detail;
}
