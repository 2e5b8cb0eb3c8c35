import "server-only";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { CaseAccess } from "@/lib/cases/require-case-access";
import { admiraltyPair, type InformationCredibility, type SourceReliability } from "@/lib/standards/scales";
import type { Prisma } from "@/lib/generated/prisma/client";
import { assessIndependence, type IndependenceAssessment } from "./assess-independence";

export const CLAIM_INCLUDE = {
  excerpts: {
    orderBy: { position: "asc" },
    include: { document: { select: { id: true, title: true, reliabilityOverride: true, overrideReason: true, source: { select: { id: true, name: true, reliability: true, kind: true } } } } },
  },
  entities: { include: { entity: { select: { id: true, name: true, kind: true } } } },
  linksFrom: { select: { id: true, kind: true, toClaimId: true, note: true, to: { select: { statement: true } } } },
  linksTo: { select: { id: true, kind: true, fromClaimId: true, note: true, from: { select: { statement: true } } } },
  createdBy: { select: { name: true } },
} as const;

export function effectiveReliability(doc: { reliabilityOverride: SourceReliability | null; source: { reliability: SourceReliability } | null }): SourceReliability {
  return doc.reliabilityOverride ?? doc.source?.reliability ?? "F";
}

/** Claims with their quotes, sources, grade pair ("B2"), entities, links and independence warning, in the order asked. */
export async function loadClaimDetails({ caseId, claimIds }: { caseId: string; claimIds: string[] }) {
  if (!claimIds.length) return [];
  const rows = await db.claim.findMany({ where: { id: { in: claimIds }, caseId }, include: CLAIM_INCLUDE });
  const independence = await assessIndependence({ caseId, claims: rows.filter((r) => r.credibility === 1).map((r) => r.id) });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return claimIds.map((id) => byId.get(id)!).filter(Boolean).map((c) => toClaimDetail(c, independence.get(c.id) ?? null));
}

export type ClaimRow = Prisma.ClaimGetPayload<{ include: typeof CLAIM_INCLUDE }>;

/** A claim row (read with CLAIM_INCLUDE) as the API and pages show it: grade pair, quotes with their sources, links. */
export function toClaimDetail(c: ClaimRow, independence: IndependenceAssessment | null) {
  const first = c.excerpts[0]?.document;
  const reliability = first ? effectiveReliability(first) : "F";
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
    grade: admiraltyPair({ reliability, credibility: c.credibility as InformationCredibility }),
    source: first?.source ? { id: first.source.id, name: first.source.name } : null,
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
      source: e.document.source ? { id: e.document.source.id, name: e.document.source.name } : null,
    })),
    entities: c.entities.map((ce) => ce.entity),
    links: [
      ...c.linksFrom.map((l) => ({ id: l.id, kind: l.kind, direction: "out" as const, claimId: l.toClaimId, statement: l.to.statement, note: l.note })),
      ...c.linksTo.map((l) => ({ id: l.id, kind: l.kind, direction: "in" as const, claimId: l.fromClaimId, statement: l.from.statement, note: l.note })),
    ],
    independence,
  };
}
export type ClaimDetail = ReturnType<typeof toClaimDetail>;

export async function getClaim({ access, claimId }: { access: CaseAccess; claimId: string }) {
  if (!/^[0-9a-f-]{36}$/i.test(claimId)) throw new NotFoundError("Claim");
  const [claim] = await loadClaimDetails({ caseId: access.caseId, claimIds: [claimId] });
  if (!claim) throw new NotFoundError("Claim");
  return claim;
}
