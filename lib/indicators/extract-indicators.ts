// Indicators suggested from a document's stored text. The maintained extractor (ioc-extractor) finds
// the values; this file finds where they are written (UTF-16 offsets of the stored text, defanged forms
// included), drops what the extractor over-matches, canonicalises and flags. Pure: no server-only.
import { partialExtractIOC, type IOCKey } from "ioc-extractor";
import { refangWithOffsets } from "./defang";
import { canonicalise, type Canonical } from "./canonicalise";
import { flagsFor } from "./warning-lists";
import type { IndicatorFlag, IndicatorType } from "./types";

export type Suggestion = {
  type: IndicatorType;
  /** Canonical value. */
  value: string;
  /** UTF-16 offsets of the first place it is written, in the stored text. */
  start: number;
  end: number;
  /** The text as written there (`hxxps://evil[.]net` stays defanged). */
  exact: string;
  flags: IndicatorFlag[];
  /** How many times it is written in the document. */
  occurrences: number;
};

const KEYS: Record<IOCKey & ("ipv4s" | "ipv6s" | "domains" | "urls" | "emails" | "md5s" | "sha1s" | "sha256s" | "cves"), IndicatorType> = {
  urls: "url",
  emails: "email",
  ipv4s: "ipv4",
  ipv6s: "ipv6",
  domains: "domain",
  md5s: "md5",
  sha1s: "sha1",
  sha256s: "sha256",
  cves: "cve",
};

/** Nothing longer is recorded (MAX_INDICATOR_CHARS), so host-like extraction never reads a longer token. */
const MAX_TOKEN = 2048;
/** A run this long without whitespace is cut anyway, which bounds the cost of one pathological token. */
const MAX_RUN = 16_384;
/**
 * The extractor's host pattern (domains, and the URLs and e-mail addresses built on it) looks ahead up
 * to 252 characters at every position of a host-like run: linear, but slow on megabytes of dotted runs
 * ("a.b.c.d…"). Past this much time spent in it, host-like tokens are no longer searched and the result
 * says so; addresses, hashes and CVE ids are still found in the whole text.
 */
export const HOST_BUDGET_MS = 2000;

const WORD = /[A-Za-z0-9_]/;
const isWord = (c: string | undefined) => c !== undefined && WORD.test(c);
const isDigit = (c: string | undefined) => c !== undefined && c >= "0" && c <= "9";
const isAlnum = (c: string | undefined) => c !== undefined && /[A-Za-z0-9]/.test(c);

/**
 * Whether an occurrence of a value at s..e of `t` stands on its own, as the extractor's match did,
 * rather than inside a longer token ("evil.net" in "notevil.net", "1.2.3.4" in "1.2.3.45", a version
 * number "1.2.3.4.5", an MD5 inside a longer hex run, "d::" in "std::string").
 */
function standsAlone(type: IndicatorType, t: string, s: number, e: number): boolean {
  const prev = t[s - 1];
  const next = t[e];
  const dotThenAlnum = (next === "." || next === "-") && isAlnum(t[e + 1]);
  switch (type) {
    case "md5":
    case "sha1":
    case "sha256":
      return !isWord(prev) && !isWord(next);
    case "cve":
      return !isAlnum(prev) && !isDigit(next);
    case "ipv4":
      return !(isWord(prev) || prev === "." || prev === "-") && !isWord(next) && !(next === "." && isDigit(t[e + 1]));
    case "ipv6":
      return !isWord(prev) && prev !== ":" && prev !== "." && !isWord(next) && next !== ":";
    case "domain":
      return !isWord(prev) && prev !== "." && prev !== "-" && !isWord(next) && !dotThenAlnum;
    case "email":
      return !/[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]/.test(prev ?? " ") && !isWord(next) && !dotThenAlnum;
    case "url":
      return !isAlnum(prev) && (next === undefined || /[\s"]/.test(next) || !/[A-Za-z0-9._~%/?#&=+@:-]/.test(next));
  }
}

/** A URL's trailing sentence punctuation is not part of it: "see https://evil.net/a." */
function trimUrl(t: string, s: number, e: number): number {
  while (e > s) {
    const c = t[e - 1];
    if (".,;:!?'\"*>".includes(c)) e--;
    else if (c === ")" || c === "]" || c === "}") {
      const open = { ")": "(", "]": "[", "}": "{" }[c];
      const span = t.slice(s, e);
      if (span.split(open).length < span.split(c).length) e--;
      else break;
    } else break;
  }
  return e;
}

type Hit = { type: IndicatorType; s: number; e: number };

/**
 * Which extractors can possibly match in a token, by a cheap test each: most tokens of prose need
 * none, and each extractor reads only the tokens that pass its test.
 */
const GROUPS = {
  host: { keys: ["urls", "emails", "domains"], test: (t: string) => t.length <= MAX_TOKEN && /\.[a-z]/i.test(t) },
  ipv4: { keys: ["ipv4s"], test: (t: string) => /\d\.\d/.test(t) },
  ipv6: { keys: ["ipv6s"], test: (t: string) => /:[0-9a-f]*:/i.test(t) },
  hash: { keys: ["md5s", "sha1s", "sha256s"], test: (t: string) => /[0-9a-f]{32}/i.test(t) },
  cve: { keys: ["cves"], test: (t: string) => /cve-\d/i.test(t) },
} satisfies Record<string, { keys: (keyof typeof KEYS)[]; test: (t: string) => boolean }>;
type Group = keyof typeof GROUPS;
const GROUP_NAMES = Object.keys(GROUPS) as Group[];
/** Tokens are handed to the extractor in batches joined by spaces: its cost is per character, plus a fixed cost per call. */
const BATCH_CHARS = 8192;

/**
 * Runs the extractor once over a batch of tokens (joined by single spaces, so every boundary is still
 * whitespace) and records where each value is written: offsets in the refanged text.
 */
function locateBatch(tokens: [string, number][], keys: readonly (keyof typeof KEYS)[], hits: Hit[]) {
  const starts: number[] = [];
  let joined = "";
  for (const [token] of tokens) {
    starts.push(joined.length);
    joined += `${token} `;
  }
  const toText = (i: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= i) lo = mid;
      else hi = mid - 1;
    }
    return tokens[lo][1] + (i - starts[lo]);
  };
  const found = partialExtractIOC(joined, [...keys], { strict: true, refang: false, punycode: false, sort: false });
  for (const key of keys) {
    const type = KEYS[key];
    for (const value of new Set(found[key] ?? [])) {
      for (let i = joined.indexOf(value); i >= 0; i = joined.indexOf(value, i + 1)) {
        const e = i + value.length;
        if (!standsAlone(type, joined, i, e)) continue;
        const s = toText(i);
        hits.push({ type, s, e: s + (type === "url" ? trimUrl(joined, i, e) : e) - i });
      }
    }
  }
}

/**
 * The whitespace-delimited tokens of the refanged text that hold a character an indicator needs (a dot,
 * a colon, an @, 32 hex digits or "CVE-"). Found by scanning for those characters, so prose costs one pass.
 */
function* candidateTokens(text: string): Generator<[string, number]> {
  const interesting = /[.:@]|[0-9a-f]{32}|cve-/gi;
  const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x2028 || c === 0x2029 || c === 0x3000;
  let m: RegExpExecArray | null;
  let previousEnd = 0;
  while ((m = interesting.exec(text))) {
    let s = m.index;
    // Never back into the previous token: a long run without whitespace is cut into pieces, not re-read.
    while (s > previousEnd && m.index - s < MAX_RUN && !isSpace(text.charCodeAt(s - 1))) s--;
    let e = m.index + 1;
    while (e < text.length && e - s < MAX_RUN && !isSpace(text.charCodeAt(e))) e++;
    yield [text.slice(s, e), s];
    interesting.lastIndex = previousEnd = e;
  }
}

/** An all-decimal "hash" is a number; a real digest has letters (a 32-digit MD5 is rarer than 1 in 3 million). */
const looksLikeNumber = (type: IndicatorType, value: string) =>
  (type === "md5" || type === "sha1" || type === "sha256") && /^\d+$/.test(value);

export type Extraction = {
  suggestions: Suggestion[];
  /** Set when the time budget for host-like tokens ran out: domains, URLs and e-mail addresses were looked for up to this offset only. */
  hostsSearchedTo: number | null;
};

/**
 * Every distinct indicator in `text`, in order of first appearance, with where it is first written.
 * An indicator inside another (the host of a URL, the domain of an e-mail address) is not suggested
 * twice. Linear in the text: one scan picks the tokens that may hold an indicator, and the
 * extractor reads only those, in batches.
 */
export function extractIndicators(text: string): Extraction {
  const refanged = refangWithOffsets(text);
  const hits: Hit[] = [];
  let hostMs = 0;
  let hostsSearchedTo: number | null = null;
  const batches = Object.fromEntries(GROUP_NAMES.map((g) => [g, { tokens: [] as [string, number][], chars: 0 }])) as Record<
    Group,
    { tokens: [string, number][]; chars: number }
  >;
  const flush = (group: Group) => {
    const batch = batches[group];
    if (!batch.tokens.length) return;
    const t0 = performance.now();
    locateBatch(batch.tokens, GROUPS[group].keys, hits);
    if (group === "host") {
      hostMs += performance.now() - t0;
      if (hostMs > HOST_BUDGET_MS) {
        const [last, base] = batch.tokens[batch.tokens.length - 1];
        hostsSearchedTo = refanged.originalOffset(base + last.length);
      }
    }
    batches[group] = { tokens: [], chars: 0 };
  };
  for (const entry of candidateTokens(refanged.text)) {
    for (const group of GROUP_NAMES) {
      if ((group === "host" && hostsSearchedTo !== null) || !GROUPS[group].test(entry[0])) continue;
      const batch = batches[group];
      batch.tokens.push(entry);
      batch.chars += entry[0].length + 1;
      if (batch.chars >= BATCH_CHARS) flush(group);
    }
  }
  for (const group of GROUP_NAMES) flush(group);
  // Longest first at each start, then drop anything inside a kept span.
  hits.sort((a, b) => a.s - b.s || b.e - a.e);
  const byKey = new Map<string, Suggestion>();
  const canonicalCache = new Map<string, Canonical>();
  let coveredTo = -1;
  for (const h of hits) {
    if (h.e <= coveredTo) continue;
    if (h.s < coveredTo) continue; // overlaps a kept span without being inside it: not a clean match
    const start = refanged.originalOffset(h.s);
    const end = refanged.originalOffset(h.e);
    const exact = text.slice(start, end);
    const cacheKey = `${h.type}\u0000${exact}`;
    let canonical = canonicalCache.get(cacheKey);
    if (!canonical) canonicalCache.set(cacheKey, (canonical = canonicalise(h.type, exact)));
    if (!canonical.ok || looksLikeNumber(h.type, canonical.value)) continue;
    coveredTo = h.e;
    const key = `${h.type}\u0000${canonical.value}`;
    const seen = byKey.get(key);
    if (seen) seen.occurrences++;
    else
      byKey.set(key, { type: h.type, value: canonical.value, start, end, exact, flags: flagsFor(h.type, canonical.value), occurrences: 1 });
  }
  return { suggestions: [...byKey.values()], hostsSearchedTo };
}
