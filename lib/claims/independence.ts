// Independent-origin checks behind Admiralty credibility "1 Confirmed" (STANDARDS.md §1): pure, no database.
import type { InformationCredibility } from "@/lib/standards/scales";

// Two outlets running one wire story, or five papers quoting one vendor report, are one origin. Origins
// are counted over quotes (each quote's own source counts, so one claim citing two independent sources
// has two) and joined when they share the claim's named originator (else their source), cite one
// document, quote near-identical passages or documents (shingle containment), or an analyst linked
// their claims as "repeats"; a union-find collapses transitive chains (A repeats B repeats C) too.

export type ShingleSet = ReadonlySet<string>;

export const DEFAULT_SHINGLE_SIZE = 5;
export const DEFAULT_NEAR_DUPLICATE_THRESHOLD = 0.5;

// Typographic variants must not make a copy look original: a republisher often only swaps quote styles.
export function normaliseWords(text: string): string[] {
  return (
    text
      .normalize("NFKC")
      .toLowerCase()
      .replace(/[\u2018\u2019\u201A\u201B\u2032\u02BC]/g, "'")
      .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
      // Apostrophes join rather than split, so "Albania's" is one word, not "albania" + "s".
      .replace(/'/g, "")
      .replace(/[^\p{L}\p{N}\s]+/gu, " ")
      .split(/\s+/)
      .filter((word) => word.length > 0)
  );
}

// A text shorter than k words still gets one shingle, so short claims can be compared at all.
export function shingles(text: string, { k = DEFAULT_SHINGLE_SIZE }: { k?: number } = {}): Set<string> {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`Shingle size must be a positive integer, got ${k}`);
  const words = normaliseWords(text);
  const result = new Set<string>();
  if (words.length === 0) return result;
  if (words.length < k) {
    result.add(words.join(" "));
    return result;
  }
  for (let i = 0; i + k <= words.length; i++) result.add(words.slice(i, i + k).join(" "));
  return result;
}

// Two empty sets give 0, not 1: nothing in common is no evidence that two documents are one.
export function jaccard(a: ShingleSet, b: ShingleSet): number {
  if (a.size === 0 && b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const item of small) if (large.has(item)) shared++;
  return shared / (a.size + b.size - shared);
}

function toShingles(input: string | ShingleSet, k: number): ShingleSet {
  return typeof input === "string" ? shingles(input, { k }) : input;
}

/**
 * Containment |A∩B| / min(|A|,|B|): how much of the smaller text the larger one holds, so a wire
 * story inside a longer article (extra paragraphs, a footer) scores high where Jaccard would not.
 * Two empty sets give 0.
 */
export function containment(a: ShingleSet, b: ShingleSet): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const item of small) if (large.has(item)) shared++;
  return shared / small.size;
}

export function nearDuplicate({
  a,
  b,
  threshold = DEFAULT_NEAR_DUPLICATE_THRESHOLD,
  k = DEFAULT_SHINGLE_SIZE,
}: {
  a: string | ShingleSet;
  b: string | ShingleSet;
  threshold?: number;
  k?: number;
}): boolean {
  return containment(toShingles(a, k), toShingles(b, k)) >= threshold;
}

/** One quote a claim rests on: the document it cites, that document's source, and the quoted words. */
export type OriginEvidence = { documentId: string; sourceId: string | null; quote?: string };

/**
 * A claim as the origin count sees it. `originatorSourceId` is the body that first made the claim
 * (Microsoft), when the analyst named it: every quote of the claim then relays that one origin,
 * whatever outlet carried it. Without it, each quote's own source is its origin.
 */
export type OriginClaim = { claimId: string; originatorSourceId?: string | null; evidence: readonly OriginEvidence[] };

// Documents are passed once, not per claim, because several claims usually cite the same document.
export type OriginDocument = { documentId: string; text: string } | { documentId: string; shingles: ShingleSet };

// "claimId repeats repeatsClaimId": the analyst's statement that one claim only restates another.
export type RepeatsLink = { claimId: string; repeatsClaimId: string };

export type OriginReason =
  | { kind: "repeats"; claimIds: [string, string] }
  | { kind: "same-source"; claimIds: [string, string]; sourceId: string }
  | { kind: "same-originator"; claimIds: [string, string]; sourceId: string }
  | { kind: "same-document"; claimIds: [string, string]; documentId: string }
  | { kind: "near-duplicate-quotes"; claimIds: [string, string]; documentIds: [string, string]; similarity: number }
  | { kind: "near-duplicate-documents"; claimIds: [string, string]; documentIds: [string, string]; similarity: number };

/**
 * Shingle sets and containments worked out once and reused across many independentOrigins calls (the
 * evidence graph runs one per corroborated claim, and neighbouring claims cite the same documents): the
 * answers are the same as without it, only computed once. Keyed by shingle size, so one memo serves any k.
 */
export type ContainmentMemo = {
  quoteShingles: Map<string, ShingleSet>;
  documentContainment: Map<string, number>;
  repeats: WeakMap<readonly RepeatsLink[], RepeatsIndex>;
};

export const containmentMemo = (): ContainmentMemo => ({
  quoteShingles: new Map(),
  documentContainment: new Map(),
  repeats: new WeakMap(),
});

// The "repeats" links joined into groups of claims, once per list of links when a memo is given.
type RepeatsIndex = { claimsUf: UnionFind; repeating: Set<string>; linksOfRoot: Map<string, number[]> };

function repeatsIndex(repeats: readonly RepeatsLink[], memo: ContainmentMemo | undefined): RepeatsIndex {
  const cached = memo?.repeats.get(repeats);
  if (cached) return cached;
  const claimsUf = new UnionFind();
  for (const link of repeats) claimsUf.union(link.claimId, link.repeatsClaimId);
  const repeating = new Set(repeats.flatMap((l) => [l.claimId, l.repeatsClaimId]));
  const linksOfRoot = new Map<string, number[]>();
  repeats.forEach((link, i) => {
    const root = claimsUf.find(link.claimId);
    const list = linksOfRoot.get(root) ?? [];
    list.push(i);
    linksOfRoot.set(root, list);
  });
  const index = { claimsUf, repeating, linksOfRoot };
  memo?.repeats.set(repeats, index);
  return index;
}

function memoQuoteShingles(memo: ContainmentMemo | undefined, quote: string, k: number): ShingleSet {
  if (!memo) return shingles(quote, { k });
  const key = `${k}\u0000${quote}`;
  let set = memo.quoteShingles.get(key);
  if (!set) {
    set = shingles(quote, { k });
    memo.quoteShingles.set(key, set);
  }
  return set;
}

export type IndependentOrigins = {
  origins: number;
  // Claim ids per origin, the claim's own group first, members in input order. A claim whose quotes
  // come from independent sources appears in each of their groups.
  groups: string[][];
  reasons: OriginReason[];
};

class UnionFind {
  private parent = new Map<string, string>();

  find(id: string): string {
    let root = id;
    while (this.parent.has(root) && this.parent.get(root) !== root) root = this.parent.get(root) as string;
    let node = id;
    while (node !== root) {
      const next = this.parent.get(node) as string;
      this.parent.set(node, root);
      node = next;
    }
    return root;
  }

  /** Joins the two sets; true when they were apart. */
  union(a: string, b: string): boolean {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return false;
    this.parent.set(rb, ra);
    return true;
  }
}

// One piece of evidence: a quote of a claim. Origins are counted over these, not over claims, so a
// claim quoting two independent sources brings two origins.
type Unit = { id: string; claimId: string; documentId: string; originKey: string | null; originIsOriginator: boolean; quote?: string };

/**
 * How many independent origins stand behind `claim` and the claims `supporting` it. Each quote is a
 * piece of evidence; pieces are one origin when they share an originator (or, without one, a source),
 * cite the same document, quote near-identical passages or near-identical documents (containment of
 * shingles ≥ threshold), or belong to claims joined by "repeats" links (transitively, even through
 * claims outside the set).
 */
export function independentOrigins({
  claim,
  supporting,
  repeats = [],
  documents = [],
  threshold = DEFAULT_NEAR_DUPLICATE_THRESHOLD,
  k = DEFAULT_SHINGLE_SIZE,
  memo,
}: {
  claim: OriginClaim;
  supporting: readonly OriginClaim[];
  repeats?: readonly RepeatsLink[];
  documents?: readonly OriginDocument[];
  threshold?: number;
  k?: number;
  // Reuse shingle sets and document containments across calls; the documents' ids must name one text each.
  memo?: ContainmentMemo;
}): IndependentOrigins {
  const members: OriginClaim[] = [];
  for (const c of [claim, ...supporting]) if (!members.some((m) => m.claimId === c.claimId)) members.push(c);
  const units: Unit[] = members.flatMap((c) =>
    c.evidence.map((e, i) => ({
      id: `${c.claimId}#${i}`,
      claimId: c.claimId,
      documentId: e.documentId,
      originKey: c.originatorSourceId ?? e.sourceId,
      originIsOriginator: !!c.originatorSourceId,
      quote: e.quote,
    })),
  );
  const uf = new UnionFind();
  const reasons: OriginReason[] = [];
  const note = (reason: OriginReason) => {
    const [a, b] = reason.claimIds;
    if (a !== b && !reasons.some((r) => r.kind === reason.kind && r.claimIds[0] === a && r.claimIds[1] === b)) reasons.push(reason);
  };

  // "repeats" joins whole claims: every quote of the one with every quote of the other.
  const { claimsUf, repeating, linksOfRoot } = repeatsIndex(repeats, memo);
  const memberRoots = new Set(members.map((m) => claimsUf.find(m.claimId)));
  const firstUnitOfRoot = new Map<string, string>();
  for (const u of units) {
    if (!repeating.has(u.claimId)) continue;
    const root = claimsUf.find(u.claimId);
    const first = firstUnitOfRoot.get(root);
    if (first) uf.union(first, u.id);
    else firstUnitOfRoot.set(root, u.id);
  }
  // In the order of `repeats`, the links of the members' repeats groups.
  const memberLinks = [...memberRoots].flatMap((root) => linksOfRoot.get(root) ?? []).sort((a, b) => a - b);
  for (const i of memberLinks) reasons.push({ kind: "repeats", claimIds: [repeats[i].claimId, repeats[i].repeatsClaimId] });

  const joinByKey = (keyOf: (u: Unit) => string | null, reason: (key: string, a: Unit, b: Unit) => OriginReason) => {
    const firstWith = new Map<string, Unit>();
    for (const u of units) {
      const key = keyOf(u);
      if (key === null) continue;
      const first = firstWith.get(key);
      if (!first) firstWith.set(key, u);
      else if (uf.union(first.id, u.id)) note(reason(key, first, u));
    }
  };
  joinByKey(
    (u) => u.originKey,
    (key, a, b) =>
      a.originIsOriginator || b.originIsOriginator
        ? { kind: "same-originator", claimIds: [a.claimId, b.claimId], sourceId: key }
        : { kind: "same-source", claimIds: [a.claimId, b.claimId], sourceId: key },
  );
  joinByKey(
    (u) => u.documentId,
    (key, a, b) => ({ kind: "same-document", claimIds: [a.claimId, b.claimId], documentId: key }),
  );

  // Near-identical quoted passages in different documents: the same words carried twice.
  const quoteSets = units.map((u) => (u.quote ? memoQuoteShingles(memo, u.quote, k) : null));
  for (let i = 0; i < units.length; i++) {
    for (let j = i + 1; j < units.length; j++) {
      const [a, b] = [quoteSets[i], quoteSets[j]];
      if (!a || !b || units[i].documentId === units[j].documentId || uf.find(units[i].id) === uf.find(units[j].id)) continue;
      const similarity = containment(a, b);
      if (similarity >= threshold && uf.union(units[i].id, units[j].id)) {
        note({
          kind: "near-duplicate-quotes",
          claimIds: [units[i].claimId, units[j].claimId],
          documentIds: [units[i].documentId, units[j].documentId],
          similarity,
        });
      }
    }
  }

  // Near-identical documents (a wire story republished, or inside a longer article).
  const cited = new Set(units.map((u) => u.documentId));
  const shingleSets = new Map<string, ShingleSet>();
  for (const doc of documents) {
    if (cited.has(doc.documentId) && !shingleSets.has(doc.documentId))
      shingleSets.set(doc.documentId, "text" in doc ? shingles(doc.text, { k }) : doc.shingles);
  }
  const unitOfDoc = new Map<string, Unit>();
  for (const u of units) if (!unitOfDoc.has(u.documentId)) unitOfDoc.set(u.documentId, u);
  const docIds = [...shingleSets.keys()];
  const documentContainment = (a: string, b: string) => {
    const compute = () => containment(shingleSets.get(a) as ShingleSet, shingleSets.get(b) as ShingleSet);
    if (!memo) return compute();
    // Containment is symmetric: one entry per unordered pair.
    const key = a < b ? `${k}|${a}|${b}` : `${k}|${b}|${a}`;
    let value = memo.documentContainment.get(key);
    if (value === undefined) {
      value = compute();
      memo.documentContainment.set(key, value);
    }
    return value;
  };
  for (let i = 0; i < docIds.length; i++) {
    for (let j = i + 1; j < docIds.length; j++) {
      const [a, b] = [unitOfDoc.get(docIds[i]) as Unit, unitOfDoc.get(docIds[j]) as Unit];
      if (uf.find(a.id) === uf.find(b.id)) continue;
      const similarity = documentContainment(docIds[i], docIds[j]);
      if (similarity >= threshold && uf.union(a.id, b.id)) {
        note({ kind: "near-duplicate-documents", claimIds: [a.claimId, b.claimId], documentIds: [docIds[i], docIds[j]], similarity });
      }
    }
  }

  const byRoot = new Map<string, string[]>();
  for (const u of units) {
    const root = uf.find(u.id);
    const list = byRoot.get(root) ?? [];
    if (!list.includes(u.claimId)) list.push(u.claimId);
    byRoot.set(root, list);
  }
  const groups = [...byRoot.values()];
  return { origins: groups.length, groups, reasons };
}

export function credibilityWarning({ credibility, origins }: { credibility: InformationCredibility; origins: number }): string | null {
  if (credibility !== 1 || origins >= 2) return null;
  const found = origins === 1 ? "only one independent origin" : `${origins} independent origins`;
  return `Credibility 1 (Confirmed) needs at least two independent origins, but the supporting claims trace back to ${found}. Grade it 2 (Probably true) or add independent corroboration.`;
}

/** "1 – Confirmed" means consistent with other information: a claim contradicting it says otherwise. */
export function contradictionWarning({
  credibility,
  contradictedBy,
}: {
  credibility: InformationCredibility;
  contradictedBy: number;
}): string | null {
  if (credibility !== 1 || contradictedBy === 0) return null;
  return `Credibility 1 (Confirmed) means consistent with other information, but ${contradictedBy === 1 ? "another claim contradicts" : `${contradictedBy} claims contradict`} it. Resolve the contradiction or lower the grade.`;
}
