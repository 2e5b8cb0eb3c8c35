// Where a search query's words occur in a document, so the reader can highlight what the search
// matched. Pure and synchronous: the server computes the ranges for the reader page.
//
// Offsets are UTF-16 code units into the stored text, like lib/reader/segments.ts. Matching runs on a
// folded copy of the text (lower case, accents and other combining marks removed, compatibility forms
// decomposed), built one code point at a time with a map back to the original offsets, so a range
// always covers whole code points (never half a surrogate pair) and slices the original text.
//
// The query syntax is the search box's (PostgreSQL's websearch_to_tsquery): "quoted phrases", OR, and
// -excluded words. Full-text search stems English words (attacks → attack); this approximates it by
// matching words at their start ("attack" finds "attacks", "attacked"), after stripping a common
// English suffix from the query word ("attacked" finds "attack" too).

export type TextRange = { start: number; end: number };
/** One word of a term: the folded word, and how it matches (`prefix`: any word starting with `stem`). */
export type TermWord = { word: string; stem: string; prefix: boolean };
/** A single word, or a phrase (consecutive words, whatever whitespace or punctuation lies between). */
export type SearchTerm = TermWord[];

export const MAX_SEARCH_MATCHES = 1000;
/** More terms than this in one query are ignored: each costs one pass over the text. */
const MAX_TERMS = 32;

// PostgreSQL's english.stop list. The search index keeps these (so phrases like "the same aggressors"
// match), but highlighting every "the" would drown the real matches, so on their own they are skipped.
const STOP_WORDS = new Set(
  (
    "i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers herself it its " +
    "itself they them their theirs themselves what which who whom this that these those am is are was were be been being " +
    "have has had having do does did doing a an the and but if or because as until while of at by for with about against " +
    "between into through during before after above below to from up down in out on off over under again further then once " +
    "here there when where why how all any both each few more most other some such no nor not only own same so than too very " +
    "s t can will just don should now"
  ).split(" "),
);

// Tried in order; the first that leaves at least four letters is removed (studies → stud, denied → deni,
// wiped → wipe). No "-e" or "-ly": "state" would find "statement", "family" "famine".
const SUFFIXES = ["ies", "ied", "ing", "ed", "es", "d", "s", "y"];
const MIN_STEM = 4;

const WORD_CHAR = /[\p{L}\p{N}]/u;
// Marks, invisible format characters (soft hyphen, ZWNJ, bidi marks) and the Arabic tatweel vanish.
const VANISH = /[\p{M}\p{Cf}\u0640]/gu;

const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;

const foldCache = new Map<string, string>();

/** One code point, folded: NFKD, lower case, marks removed; Arabic and Persian letter variants unified. */
function foldChar(ch: string): string {
  let f = foldCache.get(ch);
  if (f !== undefined) return f;
  if (ch === "\u200b")
    f = " "; // a zero-width space separates words; other format characters join them
  else {
    f = ch.normalize("NFKD").toLowerCase().normalize("NFKD").replace(VANISH, "");
    f = f
      .replace(/[\u064a\u0649]/g, "\u06cc")
      .replace(/\u0643/g, "\u06a9")
      .replace(/\u03c2/g, "\u03c3");
  }
  if (foldCache.size > 20_000) foldCache.clear();
  foldCache.set(ch, f);
  return f;
}

// Per BMP code unit: 0 not looked at yet, 1 folds to itself, 2 folds to something else. Most of any
// text folds to itself, so it is copied in runs rather than character by character.
const SAME = 1;
const OTHER = 2;
const bmpStates = new Uint8Array(0x10000);
const bmpFolds: string[] = [];
const bmpState = (c: number) => {
  if (!bmpStates[c]) {
    const ch = String.fromCharCode(c);
    // A lone surrogate (malformed text) is kept as it is.
    const f = c >= 0xd800 && c <= 0xdfff ? ch : foldChar(ch);
    bmpStates[c] = f === ch ? SAME : OTHER;
    bmpFolds[c] = f;
  }
  return bmpStates[c];
};

/**
 * The folded text and, for each of its code units, the offset in `text` of the code point it came
 * from.
 */
export function foldText(text: string): { folded: string; source: Int32Array } {
  const parts: string[] = [];
  let source = new Int32Array(text.length + 16);
  let n = 0;
  const map = (from: number, count: number) => {
    if (n + count > source.length) {
      const grown = new Int32Array(Math.max(source.length * 2, n + count));
      grown.set(source);
      source = grown;
    }
    for (let k = 0; k < count; k += 1) source[n++] = from;
  };
  let run = 0;
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    const astral = c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && isLow(text.charCodeAt(i + 1));
    if (!astral && (bmpStates[c] || bmpState(c)) === SAME) {
      if (n < source.length) source[n++] = i;
      else map(i, 1);
      i += 1;
      continue;
    }
    if (run < i) parts.push(text.slice(run, i));
    const len = astral ? 2 : 1;
    const f = astral ? foldChar(text.slice(i, i + 2)) : bmpFolds[c];
    parts.push(f);
    map(i, f.length);
    i += len;
    run = i;
  }
  if (run < text.length) parts.push(text.slice(run));
  return { folded: parts.join(""), source: source.subarray(0, n) };
}

const isWordCode = (s: string, i: number) => {
  const c = s.charCodeAt(i);
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a);
  return WORD_CHAR.test(String.fromCodePoint(s.codePointAt(i)!));
};

/** Whether the code point just before `i` is a word character (so `i` is not the start of a word). */
function wordBefore(s: string, i: number) {
  if (i <= 0) return false;
  const back = i >= 2 && isLow(s.charCodeAt(i - 1)) && isHigh(s.charCodeAt(i - 2)) ? 2 : 1;
  return isWordCode(s, i - back);
}

const step = (s: string, i: number) => (isHigh(s.charCodeAt(i)) && isLow(s.charCodeAt(i + 1)) ? 2 : 1);

/** The end of the word run starting at or continuing from `i`. */
function wordEnd(s: string, i: number) {
  let e = i;
  while (e < s.length && isWordCode(s, e)) e += step(s, e);
  return e;
}

// "access" keeps its "s"; a lone "d" comes off only after "ed" (wiped → wipe, not fraud → frau).
const strippable = (word: string, suffix: string) => (suffix === "s" ? !word.endsWith("ss") : suffix !== "d" || word.endsWith("ed"));

function stemOf(word: string): TermWord {
  // Short words, numbers and codes (MOIS, APT34, 2022) match whole words only.
  if (/^[a-z]+$/.test(word)) {
    const suffix = SUFFIXES.find((x) => word.endsWith(x) && word.length - x.length >= MIN_STEM && strippable(word, x));
    const stem = suffix ? word.slice(0, -suffix.length) : word;
    return { word, stem, prefix: stem.length >= MIN_STEM };
  }
  // Other scripts: the word and its longer forms (no stemming we could approximate).
  return { word, stem: word, prefix: !/\p{N}/u.test(word) && [...word].length >= 3 };
}

function wordsOf(raw: string): TermWord[] {
  return (foldText(raw).folded.match(/[\p{L}\p{N}]+/gu) ?? []).map(stemOf);
}

/**
 * The terms of a query in the search box's syntax: quoted phrases, bare words (a word with inner
 * punctuation, like "state-sponsored" or "example.com", is a phrase of its parts), OR ignored, and
 * -excluded words or phrases dropped. Stop words on their own are dropped unless nothing else is left.
 */
export function parseSearchTerms(q: string): SearchTerm[] {
  const terms: SearchTerm[] = [];
  let i = 0;
  while (i < q.length) {
    if (/\s/.test(q[i])) {
      i += 1;
      continue;
    }
    const negated = q[i] === "-";
    if (negated) i += 1;
    let raw: string;
    if (q[i] === '"') {
      const close = q.indexOf('"', i + 1);
      const end = close < 0 ? q.length : close;
      raw = q.slice(i + 1, end);
      i = end + 1;
    } else {
      let j = i;
      while (j < q.length && !/\s/.test(q[j]) && q[j] !== '"') j += 1;
      raw = q.slice(i, j);
      i = j;
      if (/^or$/i.test(raw)) continue;
    }
    const words = wordsOf(raw);
    if (!negated && words.length) terms.push(words);
  }
  const seen = new Set<string>();
  const unique = terms.filter((t) => {
    const key = t.map((w) => w.word).join(" ");
    return !seen.has(key) && !!seen.add(key);
  });
  const content = unique.filter((t) => !(t.length === 1 && STOP_WORDS.has(t[0].word)));
  return (content.length ? content : unique).slice(0, MAX_TERMS);
}

/** The end of `w` matched at `at` in the folded text, or -1. */
function matchWord(s: string, at: number, w: TermWord) {
  if (!s.startsWith(w.stem, at)) return -1;
  const end = wordEnd(s, at + w.stem.length);
  return w.prefix || end === at + w.stem.length ? end : -1;
}

/** Every occurrence of `term` in the folded text (at most `limit`), as folded [start, end). */
function findTerm(s: string, term: SearchTerm, limit: number): [number, number][] {
  const out: [number, number][] = [];
  const first = term[0];
  for (let at = s.indexOf(first.stem); at >= 0 && out.length < limit; at = s.indexOf(first.stem, at + 1)) {
    if (wordBefore(s, at)) continue;
    let end = matchWord(s, at, first);
    for (let k = 1; k < term.length && end >= 0; k += 1) {
      let next = end;
      while (next < s.length && !isWordCode(s, next)) next += step(s, next);
      end = next < s.length ? matchWord(s, next, term[k]) : -1;
    }
    if (end >= 0) out.push([at, end]);
  }
  return out;
}

/**
 * The ranges of `text` (UTF-16 offsets) where the words of search query `q` occur: sorted, not
 * overlapping (overlapping matches are merged), whole code points, at most `limit` of them (the first
 * ones in the text).
 */
export function searchMatches(text: string, q: string, limit = MAX_SEARCH_MATCHES): TextRange[] {
  const terms = parseSearchTerms(q);
  if (!terms.length || !text || limit <= 0) return [];
  const { folded, source } = foldText(text);

  const found: [number, number][] = [];
  // A term that hit the limit may have more matches later on; nothing past its last one is reliable.
  let horizon = Infinity;
  for (const term of terms) {
    const hits = findTerm(folded, term, limit);
    if (hits.length === limit) horizon = Math.min(horizon, hits[hits.length - 1][0]);
    found.push(...hits);
  }
  found.sort((a, b) => a[0] - b[0] || a[1] - b[1]);

  const ranges: TextRange[] = [];
  for (const [fs, fe] of found) {
    if (fs > horizon) break;
    const start = source[fs];
    const last = source[fe - 1];
    let end = last + (isHigh(text.charCodeAt(last)) && isLow(text.charCodeAt(last + 1)) ? 2 : 1);
    // Combining marks (and other vanishing characters) after the last letter belong to the word.
    while (end < text.length) {
      const len = isHigh(text.charCodeAt(end)) && isLow(text.charCodeAt(end + 1)) ? 2 : 1;
      if (text.charCodeAt(end) < 0x80 || foldChar(text.slice(end, end + len)) !== "") break;
      end += len;
    }
    const prev = ranges[ranges.length - 1];
    if (prev && start < prev.end) prev.end = Math.max(prev.end, end);
    else if (ranges.length < limit) ranges.push({ start, end });
    else break;
  }
  return ranges;
}
