// How Casefile's records map to MISP's vocabulary and back: attribute types and categories (MISP's
// describeTypes.json sane defaults), TLP 2.0 tags (the MISP "tlp" taxonomy), galaxy cluster tags
// (misp-galaxy:<type>="<value>") and the event's analysis and distribution levels. Pure: no database.
import { attackCatalog } from "@/lib/attack/catalog";
import type { IndicatorType } from "@/lib/indicators/types";
import { TLP, type TlpKey } from "@/lib/standards/scales";

/** The MISP attribute type and category of each indicator type (categories as MISP's sane defaults). */
export const MISP_TYPE_OF: Record<IndicatorType, { type: string; category: string }> = {
  ipv4: { type: "ip-dst", category: "Network activity" },
  ipv6: { type: "ip-dst", category: "Network activity" },
  domain: { type: "domain", category: "Network activity" },
  url: { type: "url", category: "Network activity" },
  email: { type: "email-src", category: "Payload delivery" },
  md5: { type: "md5", category: "Payload delivery" },
  sha1: { type: "sha1", category: "Payload delivery" },
  sha256: { type: "sha256", category: "Payload delivery" },
  cve: { type: "vulnerability", category: "External analysis" },
};

/**
 * The indicator types a MISP attribute type may become, tried in order (ip-* is IPv4 or IPv6). Types
 * not listed here (filename, text, link, composites like domain|ip…) are not indicators in Casefile.
 */
const INDICATOR_TYPES_OF_MISP: Record<string, readonly IndicatorType[]> = {
  "ip-dst": ["ipv4", "ipv6"],
  "ip-src": ["ipv4", "ipv6"],
  domain: ["domain"],
  hostname: ["domain"],
  url: ["url"],
  "email-src": ["email"],
  "email-dst": ["email"],
  email: ["email"],
  md5: ["md5"],
  sha1: ["sha1"],
  sha256: ["sha256"],
  vulnerability: ["cve"],
};

/** The indicator types a MISP attribute type may become, or null (an own key only: the type is untrusted text, "__proto__" too). */
export function indicatorTypesOfMisp(type: string): readonly IndicatorType[] | null {
  return Object.hasOwn(INDICATOR_TYPES_OF_MISP, type) ? INDICATOR_TYPES_OF_MISP[type] : null;
}

/** The MISP tag of a TLP level: TLP 2.0 names in lower case (tlp:clear … tlp:amber+strict, tlp:red). */
export function tlpTag(key: TlpKey): string {
  return `tlp:${TLP.find((t) => t.key === key)!.stixLevel}`;
}

const TLP_BY_TAG = new Map<string, TlpKey>([...TLP.map((t) => [`tlp:${t.stixLevel}`, t.key] as const), ["tlp:white", "CLEAR"]]);

/** The TLP level a MISP tag names (TLP 1.0's tlp:white is TLP 2.0's CLEAR), or null. */
export function tlpOfTag(name: string): TlpKey | null {
  return TLP_BY_TAG.get(name.trim().toLowerCase()) ?? null;
}

/**
 * MISP distribution levels (0 your organisation only, 1 this community, 3 all communities): the
 * nearest to each TLP level, so a MISP instance does not spread an event further than its marking.
 */
export const DISTRIBUTION_OF_TLP: Record<TlpKey, "0" | "1" | "3"> = { CLEAR: "3", GREEN: "1", AMBER: "0", AMBER_STRICT: "0", RED: "0" };

/** MISP analysis: 0 initial, 1 ongoing, 2 completed; from the case's status. */
export function analysisOfStatus(status: string): "0" | "1" | "2" {
  return status === "draft" ? "0" : status === "closed" ? "2" : "1";
}

/** A galaxy cluster tag: misp-galaxy:<type>="<value>" (a double quote in the value is dropped: MISP's syntax has no escape). */
export function galaxyTag(type: string, value: string): string {
  return `misp-galaxy:${type}="${value.replace(/"/g, "")}"`;
}

/** The galaxy type and value of a misp-galaxy tag, or null when the tag is not one. */
export function parseGalaxyTag(name: string): { type: string; value: string } | null {
  const m = /^misp-galaxy:([a-z0-9_-]{1,100})="(.{1,300})"$/i.exec(name.trim());
  return m ? { type: m[1].toLowerCase(), value: m[2] } : null;
}

/** The ATT&CK id at the end of a MITRE galaxy value ("Data Encrypted for Impact - T1486", "APT28 - G0007"). */
export function attackIdOfClusterValue(value: string): string | null {
  const m = /\s-\s((?:T\d{4}(?:\.\d{3})?)|[GSC]\d{4})$/.exec(value.trim());
  return m ? m[1] : null;
}

/** The ATT&CK Enterprise technique a tag names (any *attack-pattern galaxy cluster ending in its id), when we ship it. */
export function techniqueOfTag(name: string): string | null {
  const galaxy = parseGalaxyTag(name);
  if (!galaxy || !galaxy.type.endsWith("attack-pattern")) return null;
  const id = attackIdOfClusterValue(galaxy.value);
  return id && attackCatalog().techniqueById.has(id) ? id : null;
}

/** Which kind of entity a galaxy of this type describes, or null when it is not about an actor or a tool. */
export function entityKindOfGalaxy(type: string): "threat_actor" | "intrusion_set" | "malware" | null {
  const t = type.toLowerCase();
  if (t === "threat-actor" || t === "mitre-threat-actor" || t === "microsoft-activity-group") return "threat_actor";
  if (t === "mitre-intrusion-set" || t === "intrusion-set" || t === "mitre-enterprise-attack-intrusion-set") return "intrusion_set";
  if (["mitre-malware", "mitre-tool", "malware", "tool", "ransomware", "rat", "backdoor", "botnet", "exploit-kit", "malpedia"].includes(t))
    return "malware";
  if (/^mitre-(enterprise|mobile|pre)-attack-(malware|tool)$/.test(t)) return "malware";
  return null;
}

/** The cluster value without a trailing ATT&CK id: "APT28 - G0007" → "APT28". */
export function clusterName(value: string): string {
  return attackIdOfClusterValue(value) ? value.replace(/\s-\s[A-Z]\d{4}(?:\.\d{3})?$/, "").trim() : value.trim();
}

/** The file name of a case's MISP export: the title's letters and digits, then .misp.json. */
export function mispDownloadName(title: string): string {
  const slug =
    title
      .normalize("NFKD")
      .replace(/[^\w\s-]/g, "")
      .trim()
      .replace(/\s+/g, "-")
      .slice(0, 60) || "case";
  return `${slug}.misp.json`;
}
