import "server-only";
import { db } from "@/lib/db";
import type { CaseAccess } from "@/lib/cases/require-case-access";
import { attackCatalog, parentTechniqueId } from "./catalog";

export type AttackQuote = { documentId: string; documentTitle: string; start: number; end: number; exact: string };
export type AttackClaim = { id: string; statement: string; kind: string; credibility: number; status: string; quotes: AttackQuote[] };
export type AttackCell = {
  id: string;
  name: string;
  url: string;
  /** Distinct claims tagged with this technique (a parent counts the claims of its sub-techniques too). */
  claimCount: number;
  /** The best (lowest) Admiralty credibility among those claims, 1 = confirmed. */
  bestCredibility: number;
  /** Claims tagged with exactly this id. */
  claimIds: string[];
  subtechniques: AttackCell[];
};
export type AttackColumn = { id: string; name: string; shortname: string; stixId: string; techniques: AttackCell[] };
export type CaseAttackView = {
  attackVersion: string;
  tactics: AttackColumn[];
  claims: AttackClaim[];
  techniqueIds: string[];
};

/**
 * The case's behaviour on the ATT&CK matrix: tactics as columns in matrix order, each tagged technique a cell with its
 * number of claims and their best credibility, sub-techniques under their parent. Rejected and retracted claims are
 * left out: they are not evidence of anything.
 */
export async function getCaseAttack({ access }: { access: CaseAccess }): Promise<CaseAttackView> {
  const catalog = attackCatalog();
  const tags = await db.claimTechnique.findMany({
    where: { caseId: access.caseId, claim: { retractedAt: null, status: { not: "rejected" } } },
    select: { techniqueId: true, claimId: true },
    orderBy: [{ techniqueId: "asc" }, { claimId: "asc" }],
  });
  const claimIds = [...new Set(tags.map((t) => t.claimId))];
  const claims = claimIds.length
    ? await db.claim.findMany({
        where: { id: { in: claimIds }, caseId: access.caseId },
        select: {
          id: true,
          statement: true,
          kind: true,
          credibility: true,
          status: true,
          excerpts: {
            orderBy: { position: "asc" },
            select: { documentId: true, start: true, end: true, exact: true, document: { select: { title: true } } },
          },
        },
        orderBy: [{ credibility: "asc" }, { createdAt: "asc" }],
      })
    : [];
  const credibility = new Map(claims.map((c) => [c.id, c.credibility]));
  const byTechnique = new Map<string, string[]>();
  for (const t of tags) byTechnique.set(t.techniqueId, [...(byTechnique.get(t.techniqueId) ?? []), t.claimId]);

  // Parent → its own claims and its sub-techniques' claims.
  const parents = new Map<string, Set<string>>();
  for (const [id, ids] of byTechnique) {
    const parent = parentTechniqueId(id);
    const set = parents.get(parent) ?? new Set<string>();
    ids.forEach((c) => set.add(c));
    parents.set(parent, set);
  }
  const best = (ids: Iterable<string>) => Math.min(...[...ids].map((c) => credibility.get(c) ?? 6));
  const cell = (id: string, ids: string[], all: Set<string>, subs: AttackCell[]): AttackCell => {
    const t = catalog.techniqueById.get(id)!;
    return { id, name: t.name, url: t.url, claimCount: all.size, bestCredibility: best(all), claimIds: ids, subtechniques: subs };
  };

  const tactics: AttackColumn[] = catalog.tactics.map((tactic) => ({ ...tactic, techniques: [] as AttackCell[] }));
  for (const [parentId, all] of [...parents.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const parent = catalog.techniqueById.get(parentId);
    if (!parent) continue;
    const subs = [...byTechnique.entries()]
      .filter(([id]) => id !== parentId && parentTechniqueId(id) === parentId)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([id, ids]) => cell(id, ids, new Set(ids), []));
    const parentCell = cell(parentId, byTechnique.get(parentId) ?? [], all, subs);
    for (const column of tactics) if (parent.tactics.includes(column.shortname)) column.techniques.push(parentCell);
  }
  return {
    attackVersion: catalog.version,
    tactics,
    claims: claims.map((c) => ({
      id: c.id,
      statement: c.statement,
      kind: c.kind,
      credibility: c.credibility,
      status: c.status,
      quotes: c.excerpts.map((e) => ({
        documentId: e.documentId,
        documentTitle: e.document.title,
        start: e.start,
        end: e.end,
        exact: e.exact,
      })),
    })),
    techniqueIds: [...byTechnique.keys()],
  };
}

/** The parent technique ids behind the case's live claims: O in the overlap formula. */
export async function caseTechniqueIds({ access }: { access: CaseAccess }): Promise<string[]> {
  const rows = await db.claimTechnique.findMany({
    where: { caseId: access.caseId, claim: { retractedAt: null, status: { not: "rejected" } } },
    select: { techniqueId: true },
    distinct: ["techniqueId"],
  });
  return rows.map((r) => r.techniqueId);
}
