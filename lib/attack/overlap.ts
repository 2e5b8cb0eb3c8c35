// TTP overlap as weak evidence (issue #13, STANDARDS.md): how much a group's *documented* behaviour resembles the
// case's, by an idf-weighted Jaccard on parent technique ids, exactly as the API documents it so a script can
// recompute every figure. Similarity to what MITRE has written up, biased toward well-studied groups; never
// attribution by itself.
import { attackCatalog, parentTechniqueId, type AttackCatalog } from "./catalog";

export type OverlapRow = { groupId: string; name: string; score: number; shared: string[]; nonDiagnostic: string[] };
export type OverlapResult = { groups: OverlapRow[]; observed: string[]; groupCount: number };

export const OVERLAP_LIMIT = 10;
export const OVERLAP_NOTE =
  "Similarity to documented behaviour (MITRE ATT&CK), weighted so rarer techniques count more. It is biased toward well-studied " +
  "groups and is never attribution by itself; treat a high score as weak evidence to weigh in the ACH matrix.";

let cachedGroupTechniques: { catalog: AttackCatalog; byGroup: Map<string, Set<string>> } | null = null;

/** T_g for every group: parent ids of the techniques it uses directly or through the software it uses (computed once per catalogue). */
export function groupTechniques(catalog: AttackCatalog = attackCatalog()): Map<string, Set<string>> {
  if (cachedGroupTechniques?.catalog === catalog) return cachedGroupTechniques.byGroup;
  const out = new Map<string, Set<string>>();
  for (const group of catalog.groups) {
    const set = new Set<string>();
    for (const used of catalog.usesBy.get(group.id) ?? []) {
      if (used.startsWith("T")) set.add(parentTechniqueId(used));
      else if (used.startsWith("S")) {
        for (const viaSoftware of catalog.usesBy.get(used) ?? []) if (viaSoftware.startsWith("T")) set.add(parentTechniqueId(viaSoftware));
      }
    }
    out.set(group.id, set);
  }
  cachedGroupTechniques = { catalog, byGroup: out };
  return out;
}

/**
 * Ranks groups by score(g) = Σ idf(t) over O ∩ T_g ÷ Σ idf(t) over O ∪ T_g, idf(t) = ln((N + 1) / (df(t) + 1)) + 1,
 * N = groups with a non-empty T_g, df(t) = how many of them use t. Rounded to 3 decimals, ties by group id, the top
 * `limit` with at least one shared technique. `nonDiagnostic`: shared techniques that half or more of the groups use.
 */
export function rankOverlap(
  observedIds: Iterable<string>,
  {
    catalog = attackCatalog(),
    limit = OVERLAP_LIMIT,
    techniquesByGroup,
  }: { catalog?: AttackCatalog; limit?: number; techniquesByGroup?: Map<string, Set<string>> } = {},
): OverlapResult {
  const observed = new Set([...observedIds].map(parentTechniqueId));
  const byGroup = techniquesByGroup ?? groupTechniques(catalog);
  const populated = [...byGroup.entries()].filter(([, set]) => set.size > 0);
  const n = populated.length;
  const df = new Map<string, number>();
  for (const [, set] of populated) for (const t of set) df.set(t, (df.get(t) ?? 0) + 1);
  const idf = (t: string) => Math.log((n + 1) / ((df.get(t) ?? 0) + 1)) + 1;
  const observedWeight = [...observed].reduce((sum, t) => sum + idf(t), 0);

  const rows: OverlapRow[] = [];
  if (observed.size === 0) return { groups: rows, observed: [], groupCount: n };
  for (const [groupId, set] of populated) {
    const shared = [...observed].filter((t) => set.has(t)).sort();
    if (shared.length === 0) continue;
    const sharedWeight = shared.reduce((sum, t) => sum + idf(t), 0);
    let unionWeight = observedWeight;
    for (const t of set) if (!observed.has(t)) unionWeight += idf(t);
    rows.push({
      groupId,
      name: catalog.groupById.get(groupId)?.name ?? groupId,
      score: Math.round((sharedWeight / unionWeight) * 1000) / 1000,
      shared,
      nonDiagnostic: shared.filter((t) => (df.get(t) ?? 0) / n >= 0.5),
    });
  }
  rows.sort((a, b) => b.score - a.score || (a.groupId < b.groupId ? -1 : a.groupId > b.groupId ? 1 : 0));
  return { groups: rows.slice(0, limit), observed: [...observed].sort(), groupCount: n };
}
