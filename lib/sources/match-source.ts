// Which registered source a typed publisher names ("Reuters" for "reuters.com", "The Reuters News
// Agency" or "Reutres"): pure, so the capture forms suggest it as the analyst types.

const NOISE = new Set(["the", "inc", "ltd", "llc", "plc", "co", "corp", "corporation", "company", "limited", "gmbh", "sa", "ag"]);

/** Lower case, no accents or punctuation, no "www." or domain ending, no "The"/"Inc"/"Ltd". */
export function normaliseSourceName(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/^https?:\/\//, "")
    .replace(/^www\./, "")
    .replace(/\.(com|org|net|gov|int|info|news|co\.uk|co|uk|eu|de|fr|al|ir|io)(\/.*)?$/, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .split(" ")
    .filter((w) => w && !NOISE.has(w))
    .join(" ");
}

/** pg_trgm's trigrams: each word padded with two spaces before and one after. */
function trigrams(s: string): Set<string> {
  const out = new Set<string>();
  for (const w of s.split(" ").filter(Boolean)) {
    const p = `  ${w} `;
    for (let i = 0; i + 3 <= p.length; i++) out.add(p.slice(i, i + 3));
  }
  return out;
}

/** pg_trgm's similarity(): shared trigrams over all trigrams, 0–1. */
export function trigramSimilarity(a: string, b: string): number {
  const [ta, tb] = [trigrams(a), trigrams(b)];
  if (!ta.size || !tb.size) return 0;
  let shared = 0;
  for (const t of ta) if (tb.has(t)) shared++;
  return shared / (ta.size + tb.size - shared);
}

// pg_trgm's default threshold.
const SIMILAR = 0.3;

/**
 * The registered source a publisher most likely is: the same name once normalised, one name's words
 * inside the other's (at least 4 letters), or trigram similarity of 0.3 or more (pg_trgm's default); null when none is close.
 */
export function matchSource<S extends { name: string }>(publisher: string, sources: readonly S[]): S | null {
  const p = normaliseSourceName(publisher);
  if (p.length < 3) return null;
  let best: { source: S; score: number } | null = null;
  for (const source of sources) {
    const n = normaliseSourceName(source.name);
    if (!n) continue;
    const contained = Math.min(n.length, p.length) >= 4 && (` ${p} `.includes(` ${n} `) || ` ${n} `.includes(` ${p} `));
    const score = n === p ? 2 : contained ? 1.5 : trigramSimilarity(n, p);
    if (score >= SIMILAR && (!best || score > best.score)) best = { source, score };
  }
  return best?.source ?? null;
}
