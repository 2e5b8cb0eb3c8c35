// The technique picker's search: "T1486", "t1561.002", "data encrypted", "ransom". Ids match exactly or as a prefix
// (T1561 → its sub-techniques), words match the name first, then the summary.
import { attackCatalog, parentTechniqueId, type AttackCatalog, type AttackTechnique } from "./catalog";

export type TechniqueHit = { id: string; name: string; parentName: string | null; tactics: string[]; subtechnique: boolean; url: string };

const ID_PATTERN = /^t\d{4}(\.\d{0,3})?$/i;

// Words analysts type that MITRE's names and first paragraphs do not carry ("ransom" for T1486, "wiper" for T1561).
const ANALYST_TERMS: Record<string, string[]> = {
  T1486: ["ransomware", "ransom", "encrypted files", "locker"],
  T1561: ["wiper", "wiping", "mbr"],
  T1485: ["wiper", "wiping", "data destruction"],
  T1490: ["shadow copies", "vssadmin", "backup deletion"],
  T1003: ["credential dumping", "mimikatz", "lsass"],
  "T1505.003": ["webshell", "web shell"],
  T1190: ["exploit", "vulnerability", "cve"],
  T1566: ["phishing", "spearphishing", "malicious attachment"],
  T1071: ["c2", "command and control", "beacon"],
  T1567: ["exfiltration to cloud", "exfil"],
  T1491: ["defacement", "deface"],
};

export function searchTechniques(
  query: string,
  { limit = 20, catalog = attackCatalog() }: { limit?: number; catalog?: AttackCatalog } = {},
) {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const scored: { t: AttackTechnique; rank: number }[] = [];
  if (ID_PATTERN.test(q)) {
    for (const t of catalog.techniques) {
      const id = t.id.toLowerCase();
      if (id === q) scored.push({ t, rank: 0 });
      else if (id.startsWith(q)) scored.push({ t, rank: 1 });
    }
  } else {
    const words = q.split(/\s+/).filter(Boolean);
    for (const t of catalog.techniques) {
      const parent = t.subtechnique ? catalog.techniqueById.get(parentTechniqueId(t.id)) : undefined;
      const name = `${parent ? `${parent.name}: ` : ""}${t.name}`.toLowerCase();
      if (name === q) scored.push({ t, rank: 0 });
      else if (words.every((w) => name.includes(w))) scored.push({ t, rank: name.startsWith(q) ? 1 : 2 });
      else if ((ANALYST_TERMS[t.id] ?? []).some((term) => term.includes(q) || q.includes(term))) scored.push({ t, rank: 3 });
      else if (words.every((w) => t.summary.toLowerCase().includes(w))) scored.push({ t, rank: 4 });
    }
  }
  scored.sort((a, b) => a.rank - b.rank || (a.t.id < b.t.id ? -1 : 1));
  return scored.slice(0, limit).map(({ t }) => techniqueHit(t, catalog));
}

export function techniqueHit(t: AttackTechnique, catalog: AttackCatalog = attackCatalog()): TechniqueHit {
  const parent = t.subtechnique ? catalog.techniqueById.get(parentTechniqueId(t.id)) : undefined;
  return { id: t.id, name: t.name, parentName: parent?.name ?? null, tactics: t.tactics, subtechnique: t.subtechnique, url: t.url };
}
