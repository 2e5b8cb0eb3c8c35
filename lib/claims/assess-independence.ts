import "server-only";
import { db } from "@/lib/db";
import { credibilityWarning, independentOrigins, shingles, type IndependentOrigins } from "./independence";

export type IndependenceAssessment = { origins: number; warning: string | null; groups: IndependentOrigins["groups"]; reasons: IndependentOrigins["reasons"] };

/**
 * For claims graded "1 Confirmed": how many independent origins stand behind each, counting the
 * claim itself and the claims linked to it as corroborating. Claims that repeat one another, share a
 * source or cite near-duplicate documents count once (lib/claims/independence.ts).
 */
export async function assessIndependence({ caseId, claims }: { caseId: string; claims: string[] }): Promise<Map<string, IndependenceAssessment>> {
  const result = new Map<string, IndependenceAssessment>();
  if (!claims.length) return result;
  const links = await db.claimLink.findMany({ where: { caseId }, select: { fromClaimId: true, toClaimId: true, kind: true } });
  const supportersOf = new Map<string, Set<string>>();
  for (const l of links.filter((l) => l.kind === "corroborates")) {
    for (const [a, b] of [[l.fromClaimId, l.toClaimId], [l.toClaimId, l.fromClaimId]]) {
      if (!supportersOf.has(a)) supportersOf.set(a, new Set());
      supportersOf.get(a)!.add(b);
    }
  }
  // A claim with no corroborating claim has exactly one origin: no document needs to be read for it.
  const withSupport = claims.filter((id) => supportersOf.has(id));
  for (const id of claims.filter((id) => !supportersOf.has(id))) {
    result.set(id, { origins: 1, warning: credibilityWarning({ credibility: 1, origins: 1 }), groups: [[id]], reasons: [] });
  }
  if (!withSupport.length) return result;
  const involved = new Set(withSupport.flatMap((id) => [id, ...(supportersOf.get(id) ?? [])]));
  const excerpts = await db.excerpt.findMany({ where: { claimId: { in: [...involved] } }, select: { claimId: true, documentId: true, document: { select: { sourceId: true } } } });
  const docIds = [...new Set(excerpts.map((e) => e.documentId))];
  // Near-duplicate checks compare shingle sets: build each document's set once, not once per claim.
  const docs = docIds.length > 1 ? await db.document.findMany({ where: { id: { in: docIds } }, select: { id: true, text: true } }) : [];
  const originClaim = (claimId: string) => {
    const own = excerpts.filter((e) => e.claimId === claimId);
    return { claimId, sourceIds: [...new Set(own.map((e) => e.document.sourceId).filter((s): s is string => !!s))], documentIds: [...new Set(own.map((e) => e.documentId))] };
  };
  const repeats = links.filter((l) => l.kind === "repeats").map((l) => ({ claimId: l.fromClaimId, repeatsClaimId: l.toClaimId }));
  const documents = docs.map((d) => ({ documentId: d.id, shingles: shingles(d.text) }));
  for (const id of withSupport) {
    const r = independentOrigins({ claim: originClaim(id), supporting: [...(supportersOf.get(id) ?? [])].map(originClaim), repeats, documents });
    result.set(id, { origins: r.origins, warning: credibilityWarning({ credibility: 1, origins: r.origins }), groups: r.groups, reasons: r.reasons });
  }
  return result;
}
