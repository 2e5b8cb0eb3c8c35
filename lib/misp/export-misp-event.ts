import "server-only";
// A case as one MISP event in MISP's JSON format ({"Event": {…}}), for analysts who run MISP:
// - the case: info (title), date (created), uuid (the case id), the TLP 2.0 tag (the case's, or the
//   stricter one of a document it quotes), analysis from the status, distribution no wider than the
//   TLP. Casefile records no threat level, so threat_level_id is 4 ("undefined"), not an invented one;
// - indicators as Attributes with MISP's types and categories; to_ids only for an active indicator no
//   warning list flagged (a retired or private/benign value must not feed an IDS);
// - ATT&CK techniques tagged on claims, and ATT&CK groups, software and the case's threat actors and
//   intrusion sets, as galaxy clusters: tags on the event and the Galaxy block with names and synonyms;
// - every quote of every claim as an "annotation" object whose attributes keep the provenance: the
//   statement, the quote and its offsets, the document's title, URL and SHA-256 (of the original as
//   captured) and the claim's Admiralty grade, also as admiralty-scale taxonomy tags.
// Retracted claims are left out; retracted documents lend no grade (lib/claims/reliability.ts).
import { db } from "@/lib/db";
import type { CaseAccess } from "@/lib/cases/require-case-access";
import { attackCatalog, attackObject } from "@/lib/attack/catalog";
import { claimGrade, claimReliability, effectiveReliability } from "@/lib/claims/reliability";
import type { IndicatorType } from "@/lib/indicators/types";
import { mostRestrictiveTlp, type TlpKey } from "@/lib/standards/scales";
import { uuidV5 } from "@/lib/stix/ids";
import { DISTRIBUTION_OF_TLP, MISP_TYPE_OF, analysisOfStatus, galaxyTag, tlpTag } from "./mapping";

type MispTag = { name: string };
export type MispAttribute = {
  uuid: string;
  type: string;
  category: string;
  value: string;
  to_ids: boolean;
  comment: string;
  distribution: string;
  timestamp: string;
  disable_correlation: boolean;
  object_relation?: string;
  first_seen?: string;
  last_seen?: string;
  Tag?: MispTag[];
};
export type MispObject = {
  uuid: string;
  name: string;
  "meta-category": string;
  description: string;
  comment: string;
  distribution: string;
  timestamp: string;
  Attribute: MispAttribute[];
};
export type MispGalaxyCluster = {
  uuid: string;
  type: string;
  value: string;
  tag_name: string;
  description: string;
  meta: { synonyms?: string[]; external_id?: string[]; refs?: string[] };
};
export type MispGalaxy = { type: string; name: string; namespace: string; description: string; GalaxyCluster: MispGalaxyCluster[] };
export type MispEvent = {
  Event: {
    uuid: string;
    info: string;
    date: string;
    timestamp: string;
    analysis: "0" | "1" | "2";
    threat_level_id: "4";
    distribution: string;
    published: boolean;
    Tag: MispTag[];
    Attribute: MispAttribute[];
    Object: MispObject[];
    Galaxy: MispGalaxy[];
  };
};

const GALAXY_NAMES: Record<string, { name: string; namespace: string; description: string }> = {
  "mitre-attack-pattern": { name: "Attack Pattern", namespace: "mitre-attack", description: "ATT&CK Tactic" },
  "mitre-intrusion-set": { name: "Intrusion Set", namespace: "mitre-attack", description: "Name of ATT&CK Group" },
  "mitre-malware": { name: "Malware", namespace: "mitre-attack", description: "Name of ATT&CK software" },
  "mitre-tool": { name: "Tool", namespace: "mitre-attack", description: "Name of ATT&CK software" },
  "mitre-campaign": { name: "Campaign", namespace: "mitre-attack", description: "ATT&CK campaigns" },
  "threat-actor": { name: "Threat Actor", namespace: "misp", description: "Threat actors are characteristics of malicious actors." },
};

const epoch = (d: Date) => String(Math.floor(d.getTime() / 1000));
const day = (d: Date) => d.toISOString().slice(0, 10);
const uuidOfStixId = (stixId: string) => stixId.slice(stixId.indexOf("--") + 2);

/** The case as a MISP event. Reads only the case the access was granted for. */
export async function exportMispEvent({ access }: { access: CaseAccess }): Promise<MispEvent> {
  const caseId = access.caseId;
  const [c, indicators, claims, entities] = await Promise.all([
    db.case.findUniqueOrThrow({ where: { id: caseId } }),
    db.indicator.findMany({
      where: { caseId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      include: { excerpts: { select: { document: { select: { tlp: true, source: { select: { tlp: true } } } } } } },
    }),
    db.claim.findMany({
      where: { caseId, retractedAt: null },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      include: {
        techniques: { orderBy: { techniqueId: "asc" } },
        excerpts: {
          orderBy: { position: "asc" },
          include: {
            document: {
              select: {
                title: true,
                url: true,
                sha256: true,
                reliabilityOverride: true,
                tlp: true,
                retractedAt: true,
                source: { select: { reliability: true, retractedAt: true, tlp: true } },
              },
            },
          },
        },
      },
    }),
    db.entity.findMany({ where: { caseId }, orderBy: [{ name: "asc" }] }),
  ]);
  const catalog = attackCatalog();
  // The event is marked at least as strictly as every document it quotes (a document's or its source's
  // own TLP may be stricter than the case's): MISP has one marking per event, and it must hold for all of it.
  const cited = [...claims.flatMap((cl) => cl.excerpts), ...indicators.flatMap((i) => i.excerpts)].flatMap((x) => [
    x.document.tlp,
    x.document.source?.tlp ?? null,
  ]);
  const tlp = mostRestrictiveTlp([c.tlp, ...cited].filter((t): t is TlpKey => !!t)) ?? (c.tlp as TlpKey);
  const distribution = DISTRIBUTION_OF_TLP[tlp];

  const attributes: MispAttribute[] = indicators.map((i) => {
    const { type, category } = MISP_TYPE_OF[i.type as IndicatorType];
    const flagged = i.flags.length > 0;
    const notes = [i.note, flagged ? `Warning list: ${i.flags.join(", ")}.` : "", i.status === "retired" ? "Retired." : ""];
    return {
      uuid: i.id,
      type,
      category,
      value: i.value,
      to_ids: i.status === "active" && !flagged,
      comment: notes.filter(Boolean).join(" "),
      distribution: "5",
      timestamp: epoch(i.updatedAt),
      disable_correlation: false,
      ...(i.firstSeen ? { first_seen: i.firstSeen.toISOString() } : {}),
      ...(i.lastSeen ? { last_seen: i.lastSeen.toISOString() } : {}),
    };
  });

  // Galaxy clusters, once each, in a stable order.
  const clusters = new Map<string, MispGalaxyCluster>();
  const addCluster = (cluster: Omit<MispGalaxyCluster, "tag_name">) => {
    const tag_name = galaxyTag(cluster.type, cluster.value);
    if (!clusters.has(tag_name)) clusters.set(tag_name, { ...cluster, tag_name });
  };
  for (const id of [...new Set(claims.flatMap((cl) => cl.techniques.map((t) => t.techniqueId)))].sort()) {
    const t = catalog.techniqueById.get(id);
    if (!t) continue;
    addCluster({
      uuid: uuidOfStixId(t.stixId),
      type: "mitre-attack-pattern",
      value: `${t.name} - ${t.id}`,
      description: t.summary,
      meta: { external_id: [t.id], refs: [t.url] },
    });
  }
  for (const e of entities) {
    const attack = e.attackId ? attackObject(e.attackId, catalog) : null;
    if (e.kind === "threat_actor" || e.kind === "intrusion_set" || attack?.kind === "group")
      addCluster({
        uuid: e.id,
        type: "threat-actor",
        value: e.name,
        description: e.description,
        meta: {
          synonyms: [...new Set([...e.aliases, ...(attack?.kind === "group" ? [attack.name, ...attack.aliases] : [])])].filter(
            (a) => a !== e.name,
          ),
        },
      });
    if (!attack) continue;
    const type = attack.kind === "group" ? "mitre-intrusion-set" : attack.kind === "campaign" ? "mitre-campaign" : `mitre-${attack.type}`;
    addCluster({
      uuid: uuidOfStixId(attack.stixId),
      type,
      value: `${attack.name} - ${attack.id}`,
      description: "summary" in attack ? attack.summary : "",
      meta: { external_id: [attack.id], synonyms: attack.aliases.filter((a) => a !== attack.name), refs: [attack.url] },
    });
  }
  const galaxies = new Map<string, MispGalaxy>();
  for (const cluster of clusters.values()) {
    let g = galaxies.get(cluster.type);
    if (!g) galaxies.set(cluster.type, (g = { type: cluster.type, ...GALAXY_NAMES[cluster.type], GalaxyCluster: [] }));
    g.GalaxyCluster.push(cluster);
  }

  // One annotation object per quote: the quote and where it comes from travel together.
  const objects: MispObject[] = claims.flatMap((cl) => {
    const grade = claimGrade({ reliability: claimReliability(cl.excerpts), credibility: cl.credibility });
    return cl.excerpts.map((x) => {
      const reliability = x.document.retractedAt || x.document.source?.retractedAt ? null : effectiveReliability(x.document);
      const text = (relation: string, value: string, type = "text", Tag?: MispTag[]): MispAttribute => ({
        uuid: relation === "text" ? x.id : uuidV5(`misp:${x.id}:${relation}`),
        object_relation: relation,
        type,
        category: type === "link" ? "External analysis" : "Other",
        value,
        to_ids: false,
        comment: "",
        distribution: "5",
        timestamp: epoch(cl.updatedAt),
        // Provenance, not indicators: MISP must not correlate a source's hash or a quote with IOCs.
        disable_correlation: true,
        ...(Tag ? { Tag } : {}),
      });
      const admiralty = [
        ...(reliability ? [{ name: `admiralty-scale:source-reliability="${reliability.toLowerCase()}"` }] : []),
        { name: `admiralty-scale:information-credibility="${cl.credibility}"` },
      ];
      return {
        uuid: uuidV5(`misp:${x.id}:object`),
        name: "annotation",
        "meta-category": "misc",
        description: "A claim of the case with the quote that supports it (Casefile)",
        comment: `Claim ${cl.id} (${cl.kind}, ${cl.status}), quote ${x.position + 1} of ${cl.excerpts.length}`,
        distribution: "5",
        timestamp: epoch(cl.updatedAt),
        Attribute: [
          text("text", cl.statement),
          text("type", "Claim"),
          text("format", "text"),
          text("claimant", cl.claimant),
          text("quote", x.exact),
          text("quote-start", String(x.start), "counter"),
          text("quote-end", String(x.end), "counter"),
          text("document-title", x.document.title),
          text("document-sha256", x.document.sha256, "sha256"),
          ...(x.document.url ? [text("ref", x.document.url, "link")] : []),
          text("admiralty-grade", grade, "text", admiralty),
          ...(cl.techniques.length ? [text("attack-techniques", cl.techniques.map((t) => t.techniqueId).join(", "))] : []),
        ],
      };
    });
  });

  return {
    Event: {
      uuid: c.id,
      info: c.title,
      date: day(c.createdAt),
      timestamp: epoch(c.updatedAt),
      analysis: analysisOfStatus(c.status),
      threat_level_id: "4",
      distribution,
      published: false,
      Tag: [{ name: tlpTag(tlp) }, ...[...clusters.keys()].map((name) => ({ name }))],
      Attribute: attributes,
      Object: objects,
      Galaxy: [...galaxies.values()],
    },
  };
}
