// MITRE ATT&CK Enterprise v18.1, shipped with the app (lib/attack/data, MITRE's licence beside it) and read once per
// process. Pure data access: no database, no server-only, so scripts, tests and the server share it.
import { readFileSync } from "node:fs";
import path from "node:path";

export type AttackTactic = { id: string; name: string; shortname: string; stixId: string };
export type AttackTechnique = {
  id: string;
  stixId: string;
  name: string;
  tactics: string[];
  subtechnique: boolean;
  platforms: string[];
  summary: string;
  url: string;
};
export type AttackGroup = { id: string; stixId: string; name: string; aliases: string[]; summary: string; url: string };
export type AttackSoftware = { id: string; stixId: string; type: "malware" | "tool"; name: string; aliases: string[]; url: string };
export type AttackCampaign = {
  id: string;
  stixId: string;
  name: string;
  aliases: string[];
  firstSeen: string | null;
  lastSeen: string | null;
  summary: string;
  url: string;
};
export type AttackObject =
  ({ kind: "group" } & AttackGroup) | ({ kind: "software" } & AttackSoftware) | ({ kind: "campaign" } & AttackCampaign);

type RawCatalog = {
  source: string;
  license: string;
  tactics: AttackTactic[];
  techniques: AttackTechnique[];
  groups: AttackGroup[];
  software: AttackSoftware[];
  campaigns: AttackCampaign[];
  uses: [string, string][];
  attributedTo: [string, string][];
};

export type AttackCatalog = RawCatalog & {
  version: string;
  techniqueById: Map<string, AttackTechnique>;
  groupById: Map<string, AttackGroup>;
  softwareById: Map<string, AttackSoftware>;
  campaignById: Map<string, AttackCampaign>;
  /** What each group, campaign or software uses (techniques and software), by ATT&CK id. */
  usesBy: Map<string, Set<string>>;
};

export const ATTACK_VERSION = "18.1";
export const ATTACK_DATA_FILE = "lib/attack/data/enterprise-attack-v18.1-compact.json";

let cached: AttackCatalog | null = null;

export function attackCatalog(): AttackCatalog {
  if (cached) return cached;
  const raw = JSON.parse(readFileSync(path.join(/* turbopackIgnore: true */ process.cwd(), ATTACK_DATA_FILE), "utf8")) as RawCatalog;
  const usesBy = new Map<string, Set<string>>();
  for (const [user, used] of raw.uses) {
    let set = usesBy.get(user);
    if (!set) usesBy.set(user, (set = new Set()));
    set.add(used);
  }
  cached = {
    ...raw,
    version: ATTACK_VERSION,
    techniqueById: new Map(raw.techniques.map((t) => [t.id, t])),
    groupById: new Map(raw.groups.map((g) => [g.id, g])),
    softwareById: new Map(raw.software.map((s) => [s.id, s])),
    campaignById: new Map(raw.campaigns.map((c) => [c.id, c])),
    usesBy,
  };
  return cached;
}

/** T1003.001 → T1003; a parent id is its own parent. */
export function parentTechniqueId(id: string): string {
  const dot = id.indexOf(".");
  return dot === -1 ? id : id.slice(0, dot);
}

/** A group (G…), software (S…) or campaign (C…) by its ATT&CK id, or null. */
export function attackObject(id: string, catalog: AttackCatalog = attackCatalog()): AttackObject | null {
  const g = catalog.groupById.get(id);
  if (g) return { kind: "group", ...g };
  const s = catalog.softwareById.get(id);
  if (s) return { kind: "software", ...s };
  const c = catalog.campaignById.get(id);
  if (c) return { kind: "campaign", ...c };
  return null;
}
