import "server-only";
import { db } from "@/lib/db";
import {
  contradictionWarning,
  credibilityWarning,
  independentOrigins,
  shingles,
  type IndependentOrigins,
  type OriginClaim,
  type ShingleSet,
} from "./independence";

export type IndependenceAssessment = {
  origins: number;
  /** The origin-count warning and the contradiction warning, joined; null when neither applies. */
  warning: string | null;
  groups: IndependentOrigins["groups"];
  reasons: IndependentOrigins["reasons"];
  /** Claims (not retracted) linked to this one as contradicting it. */
  contradictedBy: string[];
};

/**
 * For claims graded "1 Confirmed": how many independent origins stand behind each, counting the
 * claim's own quotes and those of the claims linked to it as corroborating, and whether a claim
 * contradicts it. Quotes that share an originator or source, cite one document or near-identical
 * passages, or whose claims repeat one another count once (lib/claims/independence.ts). Retracted
 * claims and documents are not evidence and are left out.
 */
export async function assessIndependence({
  caseId,
  claims,
}: {
  caseId: string;
  claims: string[];
}): Promise<Map<string, IndependenceAssessment>> {
  const result = new Map<string, IndependenceAssessment>();
  if (!claims.length) return result;
  const links = await db.claimLink.findMany({
    where: { caseId, from: { retractedAt: null }, to: { retractedAt: null } },
    select: { fromClaimId: true, toClaimId: true, kind: true },
  });
  const supportersOf = new Map<string, Set<string>>();
  const contradictorsOf = new Map<string, Set<string>>();
  for (const l of links) {
    const index = l.kind === "corroborates" ? supportersOf : l.kind === "contradicts" ? contradictorsOf : null;
    if (!index) continue;
    for (const [a, b] of [
      [l.fromClaimId, l.toClaimId],
      [l.toClaimId, l.fromClaimId],
    ]) {
      if (!index.has(a)) index.set(a, new Set());
      index.get(a)!.add(b);
    }
  }
  const involved = new Set(claims.flatMap((id) => [id, ...(supportersOf.get(id) ?? [])]));
  // Quotes without the documents' text: most claims need none (one quote, no corroboration).
  const excerpts = await db.excerpt.findMany({
    where: { claimId: { in: [...involved] }, claim: { retractedAt: null }, document: { retractedAt: null } },
    orderBy: [{ claimId: "asc" }, { position: "asc" }],
    select: {
      claimId: true,
      documentId: true,
      exact: true,
      document: { select: { sourceId: true } },
      claim: { select: { originatorSourceId: true } },
    },
  });
  const originClaim = (claimId: string): OriginClaim => {
    const own = excerpts.filter((e) => e.claimId === claimId);
    return {
      claimId,
      originatorSourceId: own[0]?.claim.originatorSourceId ?? null,
      evidence: own.map((e) => ({ documentId: e.documentId, sourceId: e.document.sourceId, quote: e.exact })),
    };
  };
  // Documents' shingle sets are built once for all claims (a 1 MB document must not be read per claim).
  const needText = new Set<string>();
  for (const id of claims) {
    const docs = new Set(excerpts.filter((e) => e.claimId === id || supportersOf.get(id)?.has(e.claimId)).map((e) => e.documentId));
    if (docs.size > 1) docs.forEach((d) => needText.add(d));
  }
  const texts = needText.size ? await db.document.findMany({ where: { id: { in: [...needText] } }, select: { id: true, text: true } }) : [];
  const documents: { documentId: string; shingles: ShingleSet }[] = texts.map((d) => ({ documentId: d.id, shingles: shingles(d.text) }));
  const repeats = links.filter((l) => l.kind === "repeats").map((l) => ({ claimId: l.fromClaimId, repeatsClaimId: l.toClaimId }));
  for (const id of claims) {
    const r = independentOrigins({
      claim: originClaim(id),
      supporting: [...(supportersOf.get(id) ?? [])].map(originClaim),
      repeats,
      documents,
    });
    const contradictedBy = [...(contradictorsOf.get(id) ?? [])];
    const warnings = [
      credibilityWarning({ credibility: 1, origins: r.origins }),
      contradictionWarning({ credibility: 1, contradictedBy: contradictedBy.length }),
    ].filter(Boolean);
    result.set(id, {
      origins: r.origins,
      warning: warnings.length ? warnings.join(" ") : null,
      groups: r.groups,
      reasons: r.reasons,
      contradictedBy,
    });
  }
  return result;
}
