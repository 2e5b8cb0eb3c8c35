// Independent-origin checks behind Admiralty credibility "1 Confirmed" (STANDARDS.md §1): pure, no database.
import type { InformationCredibility } from "@/lib/standards/scales";

// Two outlets running one wire story, or five papers quoting one vendor report, are one origin. We detect
// that three ways — an analyst's "repeats" link, a shared source, and (near-)identical documents — and
// count what is left with a union-find, so transitive chains (A repeats B repeats C) collapse too.

export type ShingleSet = ReadonlySet<string>;

export const DEFAULT_SHINGLE_SIZE = 5;
export const DEFAULT_NEAR_DUPLICATE_THRESHOLD = 0.5;

// Typographic variants must not make a copy look original: a republisher often only swaps quote styles.
export function normaliseWords(text: string): string[] {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u2018\u2019\u201A\u201B\u2032\u02BC]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    // Apostrophes join rather than split, so "Albania's" is one word, not "albania" + "s".
    .replace(/'/g, "")
    .replace(/[^\p{L}\p{N}\s]+/gu, " ")
    .split(/\s+/)
    .filter((word) => word.length > 0);
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
  return jaccard(toShingles(a, k), toShingles(b, k)) >= threshold;
}

export type OriginClaim = { claimId: string; sourceIds: readonly string[]; documentIds: readonly string[] };

// Documents are passed once, not per claim, because several claims usually cite the same document.
export type OriginDocument = { documentId: string; text: string } | { documentId: string; shingles: ShingleSet };

// "claimId repeats repeatsClaimId": the analyst's statement that one claim only restates another.
export type RepeatsLink = { claimId: string; repeatsClaimId: string };

export type OriginReason =
  | { kind: "repeats"; claimIds: [string, string] }
  | { kind: "same-source"; claimIds: [string, string]; sourceId: string }
  | { kind: "same-document"; claimIds: [string, string]; documentId: string }
  | { kind: "near-duplicate-documents"; claimIds: [string, string]; documentIds: [string, string]; similarity: number };

export type IndependentOrigins = {
  origins: number;
  // Claim ids per origin, the claim's own group first, members in input order.
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

  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(rb, ra);
  }
}

// Groups claims by a shared key (a source id, a document id) and records one reason per joined pair.
function collapseByKey({
  members,
  keysOf,
  uf,
  onLink,
}: {
  members: readonly OriginClaim[];
  keysOf: (claim: OriginClaim) => readonly string[];
  uf: UnionFind;
  onLink: (key: string, first: string, other: string) => void;
}): Map<string, string[]> {
  const holders = new Map<string, string[]>();
  for (const claim of members) {
    for (const key of new Set(keysOf(claim))) {
      const list = holders.get(key) ?? [];
      if (!list.includes(claim.claimId)) list.push(claim.claimId);
      holders.set(key, list);
    }
  }
  for (const [key, claimIds] of holders) {
    for (const other of claimIds.slice(1)) {
      uf.union(claimIds[0], other);
      onLink(key, claimIds[0], other);
    }
  }
  return holders;
}

export function independentOrigins({
  claim,
  supporting,
  repeats = [],
  documents = [],
  threshold = DEFAULT_NEAR_DUPLICATE_THRESHOLD,
  k = DEFAULT_SHINGLE_SIZE,
}: {
  claim: OriginClaim;
  supporting: readonly OriginClaim[];
  repeats?: readonly RepeatsLink[];
  documents?: readonly OriginDocument[];
  threshold?: number;
  k?: number;
}): IndependentOrigins {
  const members: OriginClaim[] = [];
  for (const c of [claim, ...supporting]) if (!members.some((m) => m.claimId === c.claimId)) members.push(c);
  const uf = new UnionFind();
  const reasons: OriginReason[] = [];

  // Links to claims outside the set still count: A and B both repeating an unlisted X are one origin.
  for (const link of repeats) uf.union(link.claimId, link.repeatsClaimId);

  collapseByKey({
    members,
    keysOf: (c) => c.sourceIds,
    uf,
    onLink: (sourceId, first, other) => reasons.push({ kind: "same-source", claimIds: [first, other], sourceId }),
  });
  const citing = collapseByKey({
    members,
    keysOf: (c) => c.documentIds,
    uf,
    onLink: (documentId, first, other) => reasons.push({ kind: "same-document", claimIds: [first, other], documentId }),
  });

  const shingleSets = new Map<string, ShingleSet>();
  for (const doc of documents) {
    if (citing.has(doc.documentId)) shingleSets.set(doc.documentId, "text" in doc ? shingles(doc.text, { k }) : doc.shingles);
  }
  const docIds = [...shingleSets.keys()];
  for (let i = 0; i < docIds.length; i++) {
    for (let j = i + 1; j < docIds.length; j++) {
      const similarity = jaccard(shingleSets.get(docIds[i]) as ShingleSet, shingleSets.get(docIds[j]) as ShingleSet);
      if (similarity < threshold) continue;
      const first = (citing.get(docIds[i]) as string[])[0];
      const other = (citing.get(docIds[j]) as string[])[0];
      uf.union(first, other);
      if (first !== other) {
        reasons.push({ kind: "near-duplicate-documents", claimIds: [first, other], documentIds: [docIds[i], docIds[j]], similarity });
      }
    }
  }

  const memberRoots = new Set(members.map((m) => uf.find(m.claimId)));
  for (const link of repeats) {
    if (memberRoots.has(uf.find(link.claimId))) reasons.push({ kind: "repeats", claimIds: [link.claimId, link.repeatsClaimId] });
  }

  const byRoot = new Map<string, string[]>();
  for (const m of members) {
    const root = uf.find(m.claimId);
    byRoot.set(root, [...(byRoot.get(root) ?? []), m.claimId]);
  }
  const groups = [...byRoot.values()];
  return { origins: groups.length, groups, reasons };
}

export function credibilityWarning({ credibility, origins }: { credibility: InformationCredibility; origins: number }): string | null {
  if (credibility !== 1 || origins >= 2) return null;
  const found = origins === 1 ? "only one independent origin" : `${origins} independent origins`;
  return `Credibility 1 (Confirmed) needs at least two independent origins, but the supporting claims trace back to ${found}. Grade it 2 (Probably true) or add independent corroboration.`;
}
