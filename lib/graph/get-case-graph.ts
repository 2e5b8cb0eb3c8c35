import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import type { CaseAccess } from "@/lib/cases/require-case-access";
import { attackCatalog } from "@/lib/attack/catalog";
import { ACH_EPSILON, ACH_NEUTRAL } from "@/lib/attribution/ach-scores";
import { achScore } from "@/lib/standards/scales";
import { claimGrade, claimReliability, effectiveReliability, UNGRADED } from "@/lib/claims/reliability";
import {
  containmentMemo,
  independentOrigins,
  shingles,
  type OriginClaim,
  type OriginReason,
  type RepeatsLink,
  type ShingleSet,
} from "@/lib/claims/independence";
import type { CaseGraph, CircularReport } from "./schemas";

// Nodes and edges as they are gathered, naming nodes by id; the answer names them by index (see ./schemas.ts).
type BuildNode = Omit<CaseGraph["nodes"][number], "origin"> & { origin?: { chain: string[] } };
type BuildEdge = Omit<CaseGraph["edges"][number], "source" | "target"> & { source: string; target: string };

export const GRAPH_INDEPENDENCE_RULE =
  "A claim's origin is found by following its “repeats” links to the claim they end at, then that claim's named originator, else the source of the document it quotes. Two claims linked as corroborating are circular reporting when the independence check (the one behind credibility 1 “Confirmed”) counts them as one origin: they repeat one another, share an originator or source, quote one document, or quote near-identical passages or documents.";

const nodeId = (type: BuildNode["type"], id: string) => `${type}:${id}`;

/**
 * The case's evidence graph: sources, documents, claims (rejected ones flagged), entities, indicators,
 * ATT&CK techniques and hypotheses, and the relationships between them, with each claim's origin and the
 * corroborations that are circular reporting under the independence rule (lib/claims/independence.ts).
 * Retracted records are not evidence and are left out. A fixed number of queries, whatever the case's size.
 */
export async function getCaseGraph({ access }: { access: CaseAccess }): Promise<CaseGraph> {
  const caseId = access.caseId;
  const [
    sources,
    documents,
    claims,
    excerpts,
    links,
    claimEntities,
    entities,
    indicators,
    indicatorClaims,
    techniques,
    hypotheses,
    ratings,
  ] = await Promise.all([
    db.source.findMany({
      where: { caseId, retractedAt: null },
      orderBy: { createdAt: "asc" },
      select: { id: true, name: true, kind: true, reliability: true },
    }),
    db.document.findMany({
      where: { caseId, retractedAt: null },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        title: true,
        sourceId: true,
        textSha256: true,
        reliabilityOverride: true,
        retractedAt: true,
        source: { select: { reliability: true, retractedAt: true } },
      },
    }),
    db.claim.findMany({
      where: { caseId, retractedAt: null },
      orderBy: { createdAt: "asc" },
      select: { id: true, statement: true, claimant: true, kind: true, credibility: true, status: true, originatorSourceId: true },
    }),
    db.excerpt.findMany({
      where: { claim: { caseId, retractedAt: null }, document: { retractedAt: null } },
      orderBy: [{ claimId: "asc" }, { position: "asc" }],
      select: { id: true, claimId: true, documentId: true, exact: true },
    }),
    db.claimLink.findMany({
      where: { caseId, from: { retractedAt: null }, to: { retractedAt: null } },
      orderBy: { createdAt: "asc" },
      select: { id: true, fromClaimId: true, toClaimId: true, kind: true, note: true },
    }),
    db.claimEntity.findMany({ where: { claim: { caseId, retractedAt: null } }, select: { claimId: true, entityId: true } }),
    db.entity.findMany({ where: { caseId }, orderBy: { createdAt: "asc" }, select: { id: true, name: true, kind: true } }),
    db.indicator.findMany({
      where: { caseId },
      orderBy: { createdAt: "asc" },
      select: { id: true, type: true, value: true, status: true },
    }),
    db.indicatorClaim.findMany({ where: { indicator: { caseId } }, select: { indicatorId: true, claimId: true } }),
    db.claimTechnique.findMany({ where: { caseId }, orderBy: { techniqueId: "asc" }, select: { claimId: true, techniqueId: true } }),
    db.hypothesis.findMany({ where: { caseId }, orderBy: { createdAt: "asc" }, select: { id: true, title: true, disposition: true } }),
    db.achRating.findMany({ where: { hypothesis: { caseId } }, select: { hypothesisId: true, claimId: true, rating: true } }),
  ]);

  const nodes: BuildNode[] = [];
  const edges: BuildEdge[] = [];
  const indexOf = new Map<string, number>();
  const addNode = (n: BuildNode) => {
    indexOf.set(n.id, nodes.length);
    nodes.push(n);
  };
  const addEdge = (e: BuildEdge) => {
    if (indexOf.has(e.source) && indexOf.has(e.target)) edges.push(e);
  };
  const base = `/cases/${caseId}`;

  const sourceById = new Map(sources.map((s) => [s.id, s]));
  for (const s of sources) {
    addNode({
      id: nodeId("source", s.id),
      type: "source",
      label: s.name,
      reliability: s.reliability,
      kind: s.kind,
    });
  }
  const docById = new Map(documents.map((d) => [d.id, d]));
  for (const d of documents) {
    const reliability = d.source?.retractedAt ? (d.reliabilityOverride ?? null) : effectiveReliability(d);
    addNode({
      id: nodeId("document", d.id),
      type: "document",
      label: d.title,
      reliability,
    });
    if (d.sourceId) addEdge({ source: nodeId("document", d.id), target: nodeId("source", d.sourceId), type: "published_by" });
  }

  const excerptsOf = new Map<string, typeof excerpts>();
  for (const e of excerpts) {
    const list = excerptsOf.get(e.claimId) ?? [];
    list.push(e);
    excerptsOf.set(e.claimId, list);
  }
  const claimById = new Map(claims.map((c) => [c.id, c]));

  // Provenance: follow "repeats" links (claim → the claim it restates) to the claim they end at.
  const repeatsOf = new Map<string, string>();
  for (const l of links) if (l.kind === "repeats" && !repeatsOf.has(l.fromClaimId)) repeatsOf.set(l.fromClaimId, l.toClaimId);
  const originOf = (claimId: string) => {
    const chainClaims = [claimId];
    let current = claimId;
    for (let next = repeatsOf.get(current); next && claimById.has(next) && !chainClaims.includes(next); next = repeatsOf.get(current)) {
      chainClaims.push(next);
      current = next;
    }
    const originClaim = claimById.get(current)!;
    const firstQuote = excerptsOf.get(current)?.[0];
    const originatorId =
      [...chainClaims]
        .reverse()
        .map((id) => claimById.get(id)!.originatorSourceId)
        .find((id) => id && sourceById.has(id)) ?? null;
    const quotedSourceId = firstQuote ? (docById.get(firstQuote.documentId)?.sourceId ?? null) : null;
    const sourceId = originatorId ?? (quotedSourceId && sourceById.has(quotedSourceId) ? quotedSourceId : null);
    const chain = chainClaims.map((id) => nodeId("claim", id));
    if (firstQuote) chain.push(nodeId("document", firstQuote.documentId));
    if (sourceId) chain.push(nodeId("source", sourceId));
    return { sourceId, label: sourceId ? sourceById.get(sourceId)!.name : UNGRADED, claimId: originClaim.id, chain };
  };

  const origins = new Map(claims.map((c) => [c.id, originOf(c.id)]));
  // Near-identical documents matter only between claims linked as corroborating: only theirs are read in full.
  const corroborating = new Set(links.filter((l) => l.kind === "corroborates").flatMap((l) => [l.fromClaimId, l.toClaimId]));
  const needText = new Set([...corroborating].flatMap((id) => (excerptsOf.get(id) ?? []).map((e) => e.documentId)));
  if (needText.size < 2) needText.clear();
  // The circular reports change only with the evidence they are worked out from: kept per case under a hash of it.
  const circularKey = circularInputsKey({ links, claims, excerpts, documents, sources, needText });
  let circular = circularCache.get(caseId);
  if (circular?.key !== circularKey) {
    const documentShingles = await shinglesOf(documents.filter((d) => needText.has(d.id)));
    circular = { key: circularKey, ...circularReports({ links, claims, excerptsOf, docById, sourceById, origins, documentShingles }) };
    circularCache.delete(caseId);
    circularCache.set(caseId, circular);
    for (const oldest of circularCache.keys()) {
      if (circularCache.size <= CIRCULAR_CACHE_CASES) break;
      circularCache.delete(oldest);
    }
  }
  const { reports: circularAll, links: circularLinks } = circular;
  const circularClaims = new Set(circularAll.flatMap((c) => c.claimIds));

  for (const c of claims) {
    const quotes = excerptsOf.get(c.id) ?? [];
    const reliability = claimReliability(quotes.map((q) => ({ document: docById.get(q.documentId)! })));
    const first = quotes[0];
    addNode({
      id: nodeId("claim", c.id),
      type: "claim",
      label: c.statement,
      reliability,
      credibility: c.credibility,
      grade: claimGrade({ reliability, credibility: c.credibility }),
      status: c.status,
      kind: c.kind,
      origin: { chain: origins.get(c.id)!.chain },
      ...(circularClaims.has(c.id) ? { circular: true as const } : {}),
      href: first ? `${base}/documents/${first.documentId}#excerpt-${first.id}` : `${base}/claims/${c.id}`,
    });
  }
  for (const c of claims) {
    const from = nodeId("claim", c.id);
    if (c.originatorSourceId) addEdge({ source: from, target: nodeId("source", c.originatorSourceId), type: "originated_by" });
    for (const documentId of new Set((excerptsOf.get(c.id) ?? []).map((e) => e.documentId))) {
      addEdge({ source: from, target: nodeId("document", documentId), type: "quotes" });
    }
  }
  for (const l of links) {
    const circularPair = l.kind === "corroborates" && circularLinks.has([l.fromClaimId, l.toClaimId].sort().join("|"));
    addEdge({
      source: nodeId("claim", l.fromClaimId),
      target: nodeId("claim", l.toClaimId),
      type: l.kind,
      ...(l.note ? { note: l.note } : {}),
      ...(l.kind === "corroborates" ? { circular: circularPair } : {}),
    });
  }

  for (const e of entities) {
    addNode({ id: nodeId("entity", e.id), type: "entity", label: e.name, kind: e.kind });
  }
  for (const ce of claimEntities) addEdge({ source: nodeId("claim", ce.claimId), target: nodeId("entity", ce.entityId), type: "about" });

  for (const i of indicators) {
    addNode({ id: nodeId("indicator", i.id), type: "indicator", label: i.value, kind: i.type });
  }
  for (const ic of indicatorClaims) {
    addEdge({ source: nodeId("indicator", ic.indicatorId), target: nodeId("claim", ic.claimId), type: "indicates" });
  }

  const catalog = attackCatalog();
  for (const techniqueId of new Set(techniques.map((t) => t.techniqueId))) {
    const name = catalog.techniqueById.get(techniqueId)?.name;
    addNode({
      id: nodeId("technique", techniqueId),
      type: "technique",
      label: name ? `${techniqueId} ${name}` : techniqueId,
    });
  }
  for (const t of techniques) addEdge({ source: nodeId("claim", t.claimId), target: nodeId("technique", t.techniqueId), type: "tagged" });

  for (const h of hypotheses) {
    addNode({
      id: nodeId("hypothesis", h.id),
      type: "hypothesis",
      label: h.title,
      kind: h.disposition,
    });
  }
  // The ACH rating of a cell: the mean of its raters' scores, NA counting as neutral 3 (lib/attribution/ach-scores.ts).
  const cells = new Map<string, { claimId: string; hypothesisId: string; scores: number[] }>();
  for (const r of ratings) {
    const key = `${r.claimId}|${r.hypothesisId}`;
    const cell = cells.get(key) ?? { claimId: r.claimId, hypothesisId: r.hypothesisId, scores: [] };
    cell.scores.push(r.rating === "NA" ? ACH_NEUTRAL : achScore(r.rating));
    cells.set(key, cell);
  }
  for (const cell of cells.values()) {
    const mean = cell.scores.reduce((s, v) => s + v, 0) / cell.scores.length;
    const reading = mean > ACH_NEUTRAL + ACH_EPSILON ? "consistent" : mean < ACH_NEUTRAL - ACH_EPSILON ? "inconsistent" : "neutral";
    addEdge({
      source: nodeId("claim", cell.claimId),
      target: nodeId("hypothesis", cell.hypothesisId),
      type: "rated",
      rating: { mean, reading, raters: cell.scores.length },
    });
  }

  return {
    nodes: nodes.map((n) =>
      n.origin ? { ...n, origin: { chain: n.origin.chain.map((id) => indexOf.get(id)!) } } : n,
    ) as CaseGraph["nodes"],
    edges: edges.map((e) => ({ ...e, source: indexOf.get(e.source)!, target: indexOf.get(e.target)! })),
    circular: circularAll,
    rule: GRAPH_INDEPENDENCE_RULE,
  };
}

// The circular reports of the cases read lately, each with the hash of the evidence they were worked out from
// (the independence check over every corroborated claim was the largest part of the graph's time).
const CIRCULAR_CACHE_CASES = 20;
const circularCache = new Map<string, { key: string; reports: CircularReport[]; links: Set<string> }>();

/** A hash of everything circularReports reads: links, originators, quotes, documents (title, source, text hash) and source names. */
function circularInputsKey({
  links,
  claims,
  excerpts,
  documents,
  sources,
  needText,
}: {
  links: { fromClaimId: string; toClaimId: string; kind: string }[];
  claims: ClaimRow[];
  excerpts: (ExcerptRow & { id: string })[];
  documents: { id: string; title: string; sourceId: string | null; textSha256: string }[];
  sources: { id: string; name: string }[];
  needText: Set<string>;
}): string {
  const hash = createHash("sha256");
  for (const l of links) hash.update(`l\u0000${l.fromClaimId}\u0000${l.toClaimId}\u0000${l.kind}\n`);
  for (const c of claims) hash.update(`c\u0000${c.id}\u0000${c.originatorSourceId ?? ""}\n`);
  for (const e of excerpts) hash.update(`e\u0000${e.id}\u0000${e.claimId}\u0000${e.documentId}\u0000${e.exact}\n`);
  for (const d of documents)
    hash.update(`d\u0000${d.id}\u0000${d.title}\u0000${d.sourceId ?? ""}\u0000${needText.has(d.id) ? d.textSha256 : ""}\n`);
  for (const s of sources) hash.update(`s\u0000${s.id}\u0000${s.name}\n`);
  return hash.digest("base64");
}

// Shingle sets of document texts, kept across requests and keyed by the text's hash: a document's text never
// changes, and shingling every cited document again on each request was the largest part of the graph's time.
// Least recently used first out, bounded by the number of shingles held (about 40 MB at the limit).
const SHINGLE_CACHE_LIMIT = 400_000;
const shingleCache = new Map<string, ShingleSet>();
let shinglesCached = 0;

/** The shingle sets of these documents, in their order; texts are read (in one statement) only for those not cached. */
async function shinglesOf(documents: { id: string; textSha256: string }[]): Promise<Map<string, ShingleSet>> {
  const missing = documents.filter((d) => !shingleCache.has(d.textSha256));
  if (missing.length) {
    const texts = await db.document.findMany({ where: { id: { in: missing.map((d) => d.id) } }, select: { textSha256: true, text: true } });
    for (const t of texts) {
      if (shingleCache.has(t.textSha256)) continue;
      const set = shingles(t.text);
      shingleCache.set(t.textSha256, set);
      shinglesCached += set.size;
    }
  }
  const result = new Map<string, ShingleSet>();
  for (const d of documents) {
    const set = shingleCache.get(d.textSha256);
    if (!set) continue;
    // Used again: to the back of the queue.
    shingleCache.delete(d.textSha256);
    shingleCache.set(d.textSha256, set);
    result.set(d.id, set);
  }
  for (const [hash, set] of shingleCache) {
    if (shinglesCached <= SHINGLE_CACHE_LIMIT) break;
    shingleCache.delete(hash);
    shinglesCached -= set.size;
  }
  return result;
}

type ClaimRow = { id: string; originatorSourceId: string | null };
type ExcerptRow = { claimId: string; documentId: string; exact: string };

/**
 * Claims counted as corroborating one another that the independence check counts as one origin: for each
 * claim and the claims linked to it as corroborating, every pair in one origin group (the claim and a
 * supporter, or two supporters of the same claim), each pair once with one explanation, and the
 * corroborating links ("a|b", ids sorted) that rest on such a pair.
 */
function circularReports({
  links,
  claims,
  excerptsOf,
  docById,
  sourceById,
  origins,
  documentShingles,
}: {
  links: { fromClaimId: string; toClaimId: string; kind: string }[];
  claims: ClaimRow[];
  excerptsOf: Map<string, ExcerptRow[]>;
  docById: Map<string, { title: string; sourceId: string | null }>;
  sourceById: Map<string, { name: string }>;
  origins: Map<string, { label: string }>;
  documentShingles: Map<string, ShingleSet>;
}): { reports: CircularReport[]; links: Set<string> } {
  const claimById = new Map(claims.map((c) => [c.id, c]));
  const repeats: RepeatsLink[] = links
    .filter((l) => l.kind === "repeats")
    .map((l) => ({ claimId: l.fromClaimId, repeatsClaimId: l.toClaimId }));
  // Each document is shingled once (shinglesOf), and each pair's containment worked out once per request (the
  // memo), not once for every claim whose corroboration cites it; each check gets only the documents its claims cite.
  const documentById = new Map([...documentShingles].map(([id, set], order) => [id, { documentId: id, shingles: set, order }]));
  const memo = containmentMemo();
  const originClaim = (id: string): OriginClaim => ({
    claimId: id,
    originatorSourceId: claimById.get(id)?.originatorSourceId ?? null,
    evidence: (excerptsOf.get(id) ?? []).map((e) => ({
      documentId: e.documentId,
      sourceId: docById.get(e.documentId)?.sourceId ?? null,
      quote: e.exact,
    })),
  });
  // Corroboration counts both ways, as in the independence check (lib/claims/assess-independence.ts).
  const supportersOf = new Map<string, Set<string>>();
  for (const l of links) {
    if (l.kind !== "corroborates" || !claimById.has(l.fromClaimId) || !claimById.has(l.toClaimId)) continue;
    for (const [a, b] of [
      [l.fromClaimId, l.toClaimId],
      [l.toClaimId, l.fromClaimId],
    ]) {
      if (!supportersOf.has(a)) supportersOf.set(a, new Set());
      supportersOf.get(a)!.add(b);
    }
  }
  const pairKey = (a: string, b: string) => [a, b].sort().join("|");
  const reports: CircularReport[] = [];
  const seen = new Set<string>();
  const circularLinks = new Set<string>();
  for (const [claimId, supporters] of supportersOf) {
    const members = [originClaim(claimId), ...[...supporters].map(originClaim)];
    const documents = [...new Set(members.flatMap((m) => m.evidence.map((e) => e.documentId)))]
      .map((id) => documentById.get(id))
      .filter((d) => d !== undefined)
      .sort((a, b) => a.order - b.order);
    const r = independentOrigins({ claim: members[0], supporting: members.slice(1), repeats, documents, memo });
    for (const group of r.groups) {
      if (group.length < 2) continue;
      // The claim and a supporter in one group, or two supporters of it: its corroboration counts one report twice.
      for (const s of group) if (s !== claimId) circularLinks.add(pairKey(claimId, s));
      for (let i = 0; i < group.length; i++) {
        for (let j = i + 1; j < group.length; j++) {
          const [a, b] = [group[i], group[j]];
          if (seen.has(pairKey(a, b))) continue;
          seen.add(pairKey(a, b));
          const why = r.reasons
            .filter((reason) => group.includes(reason.claimIds[0]) && group.includes(reason.claimIds[1]))
            .map((reason) => describeReason(reason, { docById, sourceById }))
            .filter((text, k, all) => all.indexOf(text) === k);
          const originLabel = origins.get(a)?.label ?? UNGRADED;
          reports.push({
            claimIds: [a, b],
            originLabel,
            explanation: `Counted as corroborating, but both trace back to one origin (${originLabel}): ${why.join("; ") || "they share their evidence"}. The independence check counts them once, not as two independent reports.`,
          });
        }
      }
    }
  }
  return { reports, links: circularLinks };
}

function describeReason(
  reason: OriginReason,
  { docById, sourceById }: { docById: Map<string, { title: string }>; sourceById: Map<string, { name: string }> },
): string {
  switch (reason.kind) {
    case "repeats":
      return "one claim is linked as repeating another";
    case "same-originator":
      return `both name ${sourceById.get(reason.sourceId)?.name ?? "one source"} as the originator`;
    case "same-source":
      return `both quote ${sourceById.get(reason.sourceId)?.name ?? "one source"}`;
    case "same-document":
      return `both quote one document, “${docById.get(reason.documentId)?.title ?? "untitled"}”`;
    case "near-duplicate-quotes":
      return `they quote near-identical passages (${Math.round(reason.similarity * 100)} % shared)`;
    case "near-duplicate-documents":
      return `the documents they quote are near-identical (${Math.round(reason.similarity * 100)} % shared)`;
  }
}
