import "server-only";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { CaseAccess } from "@/lib/cases/require-case-access";
import type { Prisma } from "@/lib/generated/prisma/client";
import { assessIndependence, type IndependenceAssessment } from "./assess-independence";
import { bestExcerptIndex, claimGrade, claimReliability, CLAIM_RELIABILITY_RULE, effectiveReliability } from "./reliability";

// Re-exported for callers that read a document's grade from here (lib/briefs).
export { claimReliability, effectiveReliability };

export const CLAIM_INCLUDE = {
  excerpts: {
    orderBy: { position: "asc" },
    include: {
      document: {
        select: {
          id: true,
          title: true,
          reliabilityOverride: true,
          overrideReason: true,
          retractedAt: true,
          source: { select: { id: true, name: true, reliability: true, kind: true, retractedAt: true } },
        },
      },
    },
  },
  originator: { select: { id: true, name: true, kind: true, reliability: true } },
  retractedBy: { select: { name: true } },
  entities: { include: { entity: { select: { id: true, name: true, kind: true } } } },
  linksFrom: { select: { id: true, kind: true, toClaimId: true, note: true, to: { select: { statement: true } } } },
  linksTo: { select: { id: true, kind: true, fromClaimId: true, note: true, from: { select: { statement: true } } } },
  createdBy: { select: { name: true } },
} as const;

/** Claims with their quotes, sources, grade pair ("B2"), entities, links and independence warning, in the order asked. */
export async function loadClaimDetails({ access, claimIds }: { access: CaseAccess; claimIds: string[] }) {
  const { caseId } = access;
  if (!claimIds.length) return [];
  const rows = await db.claim.findMany({ where: { id: { in: claimIds }, caseId }, include: CLAIM_INCLUDE });
  const independence = await assessIndependence({ caseId, claims: rows.filter((r) => r.credibility === 1).map((r) => r.id) });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return claimIds
    .map((id) => byId.get(id)!)
    .filter(Boolean)
    .map((c) => toClaimDetail(c, independence.get(c.id) ?? null));
}

export type ClaimRow = Prisma.ClaimGetPayload<{ include: typeof CLAIM_INCLUDE }>;

/** A claim row (read with CLAIM_INCLUDE) as the API and pages show it: grade pair, quotes with their sources, links. */
export function toClaimDetail(c: ClaimRow, independence: IndependenceAssessment | null) {
  // The stated rule (lib/claims/reliability.ts): the best counted grade, never the first quote's.
  const reliability = claimReliability(c.excerpts);
  const best = c.excerpts[bestExcerptIndex(c.excerpts)]?.document;
  return {
    id: c.id,
    caseId: c.caseId,
    statement: c.statement,
    claimant: c.claimant,
    kind: c.kind,
    credibility: c.credibility,
    sourceConfidence: c.sourceConfidence,
    status: c.status,
    version: c.version,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    createdBy: c.createdBy.name,
    reliability,
    grade: claimGrade({ reliability, credibility: c.credibility }),
    reliabilityRule: CLAIM_RELIABILITY_RULE,
    source: best?.source ? { id: best.source.id, name: best.source.name } : null,
    originator: c.originator
      ? { id: c.originator.id, name: c.originator.name, kind: c.originator.kind, reliability: c.originator.reliability }
      : null,
    retraction: c.retractedAt
      ? { at: c.retractedAt.toISOString(), by: c.retractedBy?.name ?? null, reason: c.retractionReason ?? "" }
      : null,
    excerpts: c.excerpts.map((e) => ({
      id: e.id,
      documentId: e.documentId,
      documentTitle: e.document.title,
      start: e.start,
      end: e.end,
      exact: e.exact,
      prefix: e.prefix,
      suffix: e.suffix,
      reliability: effectiveReliability(e.document),
      documentRetracted: !!e.document.retractedAt,
      source: e.document.source ? { id: e.document.source.id, name: e.document.source.name } : null,
    })),
    entities: c.entities.map((ce) => ce.entity),
    links: [
      ...c.linksFrom.map((l) => ({
        id: l.id,
        kind: l.kind,
        direction: "out" as const,
        claimId: l.toClaimId,
        statement: l.to.statement,
        note: l.note,
      })),
      ...c.linksTo.map((l) => ({
        id: l.id,
        kind: l.kind,
        direction: "in" as const,
        claimId: l.fromClaimId,
        statement: l.from.statement,
        note: l.note,
      })),
    ],
    independence,
  };
}
export type ClaimDetail = ReturnType<typeof toClaimDetail>;

export async function getClaim({ access, claimId }: { access: CaseAccess; claimId: string }) {
  const [claim] = await loadClaimDetails({ access, claimIds: [claimId] });
  if (!claim) throw new NotFoundError("Claim");
  return claim;
}
