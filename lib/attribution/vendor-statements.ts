import "server-only";
import { db } from "@/lib/db";
import type { CaseAccess } from "@/lib/cases/require-case-access";

/**
 * What a source itself said about an actor, shown beside a hypothesis *as a quote*, never as the
 * analyst's confidence (STANDARDS.md §3: a source's stated confidence is a property of its claim).
 */
export type VendorStatement = {
  /** Who said it: the claimant, else the source of the claim's first quote. */
  who: string;
  /** The source's own confidence words ("moderate confidence"), or null for an assessment without them. */
  phrase: string | null;
  /** The assessment itself, for a vendor assessment that states no confidence words. */
  statement: string | null;
  /** "vendor" when the claim's first quote comes from a vendor source; the UI labels it accordingly. */
  sourceKind: string | null;
  claimIds: string[];
};

export type VendorClaimInput = {
  id: string;
  statement: string;
  claimant: string;
  kind: string;
  status: string;
  sourceConfidence: string | null;
  sourceName: string | null;
  sourceKind: string | null;
};

/**
 * The rule: a claim counts when it carries the source's own confidence words, or when it is an
 * assessment whose quote comes from a vendor (vendors publish assessments even without the words).
 * Rejected claims are not evidence and are left out. The same speaker with the same words is one line.
 */
export function vendorStatementsFor(claims: VendorClaimInput[]): VendorStatement[] {
  const out: VendorStatement[] = [];
  const byKey = new Map<string, VendorStatement>();
  for (const c of claims) {
    if (c.status === "rejected") continue;
    const phrase = c.sourceConfidence?.trim() || null;
    const vendorAssessment = c.kind === "assessment" && c.sourceKind === "vendor";
    if (!phrase && !vendorAssessment) continue;
    const who = c.claimant.trim() || c.sourceName || "Unknown source";
    const statement = phrase ? null : c.statement;
    const key = `${who.toLowerCase()}|${(phrase ?? statement ?? "").toLowerCase()}`;
    const seen = byKey.get(key);
    if (seen) {
      seen.claimIds.push(c.id);
      continue;
    }
    const row: VendorStatement = { who, phrase, statement, sourceKind: c.sourceKind, claimIds: [c.id] };
    byKey.set(key, row);
    out.push(row);
  }
  return out;
}

/** Vendor/source statements per actor entity, for the hypotheses whose actor is one of `entityIds`. */
export async function loadVendorStatements({
  access,
  entityIds,
}: {
  access: CaseAccess;
  entityIds: string[];
}): Promise<Record<string, VendorStatement[]>> {
  const ids = [...new Set(entityIds)];
  if (!ids.length) return {};
  const rows = await db.claim.findMany({
    where: {
      caseId: access.caseId,
      status: { not: "rejected" },
      entities: { some: { entityId: { in: ids } } },
      OR: [{ sourceConfidence: { not: null } }, { kind: "assessment" }],
    },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      statement: true,
      claimant: true,
      kind: true,
      status: true,
      sourceConfidence: true,
      entities: { where: { entityId: { in: ids } }, select: { entityId: true } },
      excerpts: {
        take: 1,
        orderBy: { position: "asc" },
        select: { document: { select: { source: { select: { name: true, kind: true } } } } },
      },
    },
  });
  const result: Record<string, VendorStatement[]> = {};
  for (const entityId of ids) {
    const claims = rows
      .filter((r) => r.entities.some((e) => e.entityId === entityId))
      .map((r) => {
        const source = r.excerpts[0]?.document.source ?? null;
        return {
          id: r.id,
          statement: r.statement,
          claimant: r.claimant,
          kind: r.kind,
          status: r.status,
          sourceConfidence: r.sourceConfidence,
          sourceName: source?.name ?? null,
          sourceKind: source?.kind ?? null,
        };
      });
    const statements = vendorStatementsFor(claims);
    if (statements.length) result[entityId] = statements;
  }
  return result;
}
