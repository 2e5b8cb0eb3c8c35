// The benchmark corpus as pure functions of (seed, size): no database, no clock, no Math.random.
// Every document, case, claim and membership is derived from the seed, so two runs with the same
// seed produce byte-identical documents (same SHA-256) and the same ids.
import { createHash } from "node:crypto";

export type BenchSize = "full" | "small";

export type CorpusConfig = {
  size: BenchSize;
  seed: number;
  users: number;
  cases: number;
  docsPerCase: number;
  claimsPerCase: number;
  /** Memberships per user beyond the cases the user owns (owned = cases / users). */
  extraMembershipsPerUser: number;
  sourcesPerCase: number;
  entitiesPerCase: number;
};

export const DEFAULT_SEED = 20260715;

export function corpusConfig(size: BenchSize = "full", seed = DEFAULT_SEED): CorpusConfig {
  return size === "small"
    ? {
        size,
        seed,
        users: 5,
        cases: 10,
        docsPerCase: 100,
        claimsPerCase: 200,
        extraMembershipsPerUser: 2,
        sourcesPerCase: 5,
        entitiesPerCase: 8,
      }
    : {
        size,
        seed,
        users: 50,
        cases: 1000,
        docsPerCase: 100,
        claimsPerCase: 200,
        extraMembershipsPerUser: 20,
        sourcesPerCase: 5,
        entitiesPerCase: 8,
      };
}

// ---------------------------------------------------------------------------------------------
// Randomness, seeded per object so any document can be regenerated on its own. Per-object streams use
// sfc32 (128 bits of state from SHA-256 of seed:kind:index): with a 32-bit generator such as mulberry32,
// 100,000 per-document seeds collide by the birthday bound (about one pair expected), and the first full
// run did produce two pairs of byte-identical documents.

export type Rng = () => number;

export function sfc32(a: number, b: number, c: number, d: number) {
  return () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

/** The random stream of one object (kind + index) under the corpus seed. */
export function rngFor(seed: number, kind: string, index: number): Rng {
  const h = createHash("sha256").update(`${seed}:${kind}:${index}`).digest();
  const rng = sfc32(h.readUInt32LE(0), h.readUInt32LE(4), h.readUInt32LE(8), h.readUInt32LE(12));
  for (let i = 0; i < 12; i++) rng(); // sfc32's recommended warm-up
  return rng;
}
const int = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
const pick = <T>(rng: Rng, xs: readonly T[]) => xs[Math.floor(rng() * xs.length)];

/** A UUIDv7 (like the app's ids) whose timestamp is `ms` and whose random bits come from the seed. */
export function uuidV7(ms: number, seed: number, kind: string, index: number) {
  const r = createHash("sha256").update(`${seed}:uuid:${kind}:${index}`).digest();
  const b = Buffer.alloc(16);
  b.writeUIntBE(ms, 0, 6);
  r.copy(b, 6, 0, 10);
  b[6] = 0x70 | (b[6] & 0x0f);
  b[8] = 0x80 | (b[8] & 0x3f);
  const h = b.toString("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

// ---------------------------------------------------------------------------------------------
// Vocabulary: a few hundred real words at the top ranks, then ~50,000 pseudo-words, sampled with a
// Zipf distribution (s = 1.1), so a handful of words are everywhere and most are rare — like prose.

const ENGLISH = (
  "the of and to a in is that for it as was with be by on not he this are or his from at which but have an they you were " +
  "her she there been one all we their has would when if so no will more out up into do any your what some can other than " +
  "then them these two may first also new after over only could most about such through where much before between under while"
).split(" ");

export const OSINT_WORDS = (
  "attack government ministry network server malware intrusion actor group campaign infrastructure domain report analysts " +
  "investigation evidence source leak documents officials statement data systems access attribution hackers operation wiper " +
  "ransomware phishing email account credentials exploit vulnerability backdoor payload command control telemetry indicator " +
  "sample hash certificate registrar hosting address traffic firewall exchange sharepoint vpn citizen police border database " +
  "intelligence security service agency contractor vendor researchers journalists channel telegram forum post video images " +
  "satellite location coordinates timestamp metadata archive capture screenshot witness interview denial allegation claim " +
  "assessment confidence corroboration independent sanctions embassy diplomatic parliament prime minister president spokesperson " +
  "cyber incident response restore outage disruption defacement exfiltration persistence lateral movement credential dumping " +
  "reconnaissance scanning spear tooling loader dropper implant beacon sinkhole takedown indictment court filing procurement " +
  "invoice shipment vessel aircraft flight route customs bank transfer wallet cryptocurrency exchange mixer laundering shell " +
  "company director registry beneficial owner offshore subsidiary address phone number handle alias persona profile follower " +
  "network bot amplification narrative disinformation propaganda outlet broadcast newspaper translation original version " +
  "deleted edited retrieved published timeline chronology event meeting visit summit protest election ballot municipal " +
  "regional province capital border refugee convoy checkpoint artillery drone strike munitions debris crater hospital school"
)
  .split(" ")
  .filter((w, i, all) => all.indexOf(w) === i);

/** Multi-word phrases planted in about 2 % of sentences, so phrase search has real hits. */
export const PHRASES = [
  "spear phishing campaign",
  "command and control server",
  "wiper malware",
  "state sponsored actor",
  "lateral movement",
  "credential dumping",
  "domain registration records",
  "beneficial owner",
  "shell company",
  "satellite imagery",
  "open source intelligence",
  "threat intelligence report",
] as const;

/** The planted rare term: in exactly three documents (two in case 0, one in case `users`). */
export const RARE_TERM = "zqxjv";

const ONSETS = [
  "b",
  "c",
  "d",
  "f",
  "g",
  "k",
  "l",
  "m",
  "n",
  "p",
  "r",
  "s",
  "t",
  "v",
  "z",
  "br",
  "ch",
  "dr",
  "gr",
  "kr",
  "pl",
  "st",
  "tr",
  "sh",
  "th",
];
const VOWELS = ["a", "e", "i", "o", "u", "ai", "ea", "io", "ou"];
const CODAS = ["", "", "", "n", "r", "s", "l", "m", "k", "t", "nd", "st"];

export type Vocabulary = { words: string[]; cdf: Float64Array };

const vocabCache = new Map<number, Vocabulary>();

export function vocabulary(seed: number, pseudoWords = 50_000, s = 1.1): Vocabulary {
  const cached = vocabCache.get(seed);
  if (cached) return cached;
  const rng = rngFor(seed, "vocab", 0);
  const real = new Set([...ENGLISH, ...OSINT_WORDS]);
  const pseudo = new Set<string>();
  while (pseudo.size < pseudoWords) {
    let w = "";
    const syllables = int(rng, 2, 4);
    for (let i = 0; i < syllables; i++) w += pick(rng, ONSETS) + pick(rng, VOWELS) + (i === syllables - 1 ? pick(rng, CODAS) : "");
    if (!real.has(w) && w !== RARE_TERM) pseudo.add(w);
  }
  // English function words take the top ranks, OSINT words are spread over ranks ~60–2,000, and the
  // pseudo-words fill the rest in generation order (a seeded, arbitrary order).
  const words: string[] = [...ENGLISH];
  const pseudoList = [...pseudo];
  let p = 0;
  OSINT_WORDS.forEach((w, i) => {
    const target = 60 + i * 6;
    while (words.length < target) words.push(pseudoList[p++]);
    words.push(w);
  });
  while (p < pseudoList.length) words.push(pseudoList[p++]);
  const cdf = new Float64Array(words.length);
  let acc = 0;
  for (let k = 0; k < words.length; k++) cdf[k] = acc += 1 / Math.pow(k + 1, s);
  for (let k = 0; k < cdf.length; k++) cdf[k] /= acc;
  const v = { words, cdf };
  vocabCache.set(seed, v);
  return v;
}

export function sampleWord(v: Vocabulary, rng: Rng) {
  const u = rng();
  let lo = 0;
  let hi = v.cdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (v.cdf[mid] < u) lo = mid + 1;
    else hi = mid;
  }
  return v.words[lo];
}

/** The word at a Zipf rank (1 = most common): the benchmark's "rare" and "common" query terms. */
export const wordAtRank = (v: Vocabulary, rank: number) => v.words[rank - 1];

// ---------------------------------------------------------------------------------------------
// Documents.

export type DocSpec = { index: number; caseIndex: number; title: string; text: string; publishedAt: Date; planted: boolean };

const BASE_MS = Date.UTC(2024, 0, 1);

export const docIndex = (cfg: CorpusConfig, caseIndex: number, j: number) => caseIndex * cfg.docsPerCase + j;

/** Global indexes of the three documents holding RARE_TERM: documents 1 and 3 of case 0, document 2 of case `users`. */
export function plantedDocs(cfg: CorpusConfig) {
  const other = cfg.users % cfg.cases;
  return [docIndex(cfg, 0, 1), docIndex(cfg, 0, 3), docIndex(cfg, other, 2)];
}

export function documentSpec(cfg: CorpusConfig, index: number): DocSpec {
  const v = vocabulary(cfg.seed);
  const rng = rngFor(cfg.seed, "doc", index);
  const caseIndex = Math.floor(index / cfg.docsPerCase);
  const planted = plantedDocs(cfg).includes(index);
  const target = int(rng, 3000, 7000);
  const paragraphs: string[] = [];
  let para: string[] = [];
  let length = 0;
  let sentencesInPara = int(rng, 3, 7);
  while (length < target) {
    const n = int(rng, 6, 24);
    const words: string[] = [];
    for (let i = 0; i < n; i++) words.push(sampleWord(v, rng));
    if (rng() < 0.02) words.splice(int(rng, 0, words.length), 0, pick(rng, PHRASES));
    words[0] = words[0][0].toUpperCase() + words[0].slice(1);
    const sentence = words.join(" ") + (rng() < 0.9 ? "." : rng() < 0.5 ? "?" : ";");
    para.push(sentence);
    length += sentence.length + 1;
    if (para.length >= sentencesInPara) {
      paragraphs.push(para.join(" "));
      para = [];
      sentencesInPara = int(rng, 3, 7);
    }
  }
  if (para.length) paragraphs.push(para.join(" "));
  if (planted) {
    // Deep in the document, mid-sentence, so a match is not just a title or first-line artefact.
    const at = paragraphs.length - 1;
    paragraphs[at] = paragraphs[at].replace(/ /, ` ${RARE_TERM} `);
  }
  const titleWords = Array.from({ length: int(rng, 3, 7) }, () => sampleWord(v, rng));
  const title = `Report ${index + 1}: ${titleWords.join(" ")}`;
  const publishedAt = new Date(BASE_MS - int(rng, 0, 3 * 365) * 86_400_000);
  return { index, caseIndex, title, text: paragraphs.join("\n\n"), publishedAt, planted };
}

export const documentBytes = (spec: DocSpec) => Buffer.from(spec.text, "utf8");
export const sha256Hex = (data: string | Uint8Array) => createHash("sha256").update(data).digest("hex");

// ---------------------------------------------------------------------------------------------
// Users, cases and memberships. Case c is owned (and created) by user c % users; every user also
// holds `extraMembershipsPerUser` further cases as editor, reviewer or viewer. So every case has an
// owner and each user is a member of cases/users + extra cases (40 in the full corpus), in mixed roles.

export type Role = "owner" | "editor" | "reviewer" | "viewer";
export type Membership = { caseIndex: number; userIndex: number; role: Role };

export function userEmail(u: number) {
  return `bench-user-${String(u).padStart(2, "0")}@bench.example`;
}
export const BENCH_PASSWORD = "bench-password-2026";

export function memberships(cfg: CorpusConfig): Membership[] {
  const out: Membership[] = [];
  for (let c = 0; c < cfg.cases; c++) out.push({ caseIndex: c, userIndex: c % cfg.users, role: "owner" });
  for (let u = 0; u < cfg.users; u++) {
    const rng = rngFor(cfg.seed, "members", u);
    const taken = new Set<number>();
    while (taken.size < cfg.extraMembershipsPerUser) {
      const c = int(rng, 0, cfg.cases - 1);
      if (c % cfg.users === u || taken.has(c)) continue;
      taken.add(c);
      const x = rng();
      out.push({ caseIndex: c, userIndex: u, role: x < 0.45 ? "editor" : x < 0.75 ? "reviewer" : "viewer" });
    }
  }
  return out;
}

const TLPS = ["CLEAR", "GREEN", "AMBER", "AMBER", "AMBER_STRICT", "RED"] as const;
const STATUSES = ["active", "active", "active", "draft", "paused", "closed"] as const;

export function caseSpec(cfg: CorpusConfig, c: number) {
  const v = vocabulary(cfg.seed);
  const rng = rngFor(cfg.seed, "case", c);
  const topic = Array.from({ length: 3 }, () => wordAtRank(v, int(rng, 60, 3000)));
  return {
    index: c,
    slug: `bench-${cfg.seed}-${c}`,
    title: `Bench case ${c + 1}: ${topic.join(" ")}`,
    summary: Array.from({ length: 30 }, () => sampleWord(v, rng)).join(" ") + ".",
    tlp: pick(rng, TLPS),
    status: pick(rng, STATUSES),
    ownerIndex: c % cfg.users,
  };
}

// ---------------------------------------------------------------------------------------------
// Sources and entities per case. Entity names are real-looking multi-word names, so the trigram
// benchmark can look one up by a misspelling.

const RELIABILITIES = ["A", "B", "B", "C", "C", "C", "D", "E", "F"] as const;
const SOURCE_KINDS = ["outlet", "vendor", "agency", "advocacy", "person", "other"] as const;
const ENTITY_KINDS = ["threat_actor", "intrusion_set", "organization", "person", "location", "malware", "infrastructure"] as const;
const NAME_FIRST = [
  "Homeland",
  "Crimson",
  "Silent",
  "Iron",
  "Northern",
  "Black",
  "Golden",
  "Shadow",
  "Red",
  "Blue",
  "Storm",
  "Desert",
  "Ocean",
  "Copper",
  "Velvet",
  "Midnight",
  "Arctic",
  "Phantom",
  "Emerald",
  "Scarlet",
];
const NAME_SECOND = [
  "Justice",
  "Sandstorm",
  "Typhoon",
  "Bear",
  "Kitten",
  "Falcon",
  "Panda",
  "Spider",
  "Lynx",
  "Serpent",
  "Harbor",
  "Ministry",
  "Collective",
  "Brigade",
  "Foundation",
  "Network",
  "Holdings",
  "Syndicate",
  "Lantern",
  "Anvil",
];

export function sourceSpecs(cfg: CorpusConfig, c: number) {
  const v = vocabulary(cfg.seed);
  const rng = rngFor(cfg.seed, "sources", c);
  return Array.from({ length: cfg.sourcesPerCase }, (_, k) => ({
    name: `Source ${k + 1} ${wordAtRank(v, int(rng, 2000, 20000))}`,
    kind: pick(rng, SOURCE_KINDS),
    reliability: pick(rng, RELIABILITIES),
    rationale: "Synthetic benchmark source.",
  }));
}

export function entitySpecs(cfg: CorpusConfig, c: number) {
  const v = vocabulary(cfg.seed);
  const rng = rngFor(cfg.seed, "entities", c);
  const names = new Set<string>();
  const out: { name: string; kind: (typeof ENTITY_KINDS)[number]; aliases: string[]; description: string }[] = [];
  while (out.length < cfg.entitiesPerCase) {
    const pseudo = wordAtRank(v, int(rng, 3000, 40000));
    const name =
      rng() < 0.5
        ? `${pick(rng, NAME_FIRST)} ${pick(rng, NAME_SECOND)}`
        : `${pseudo[0].toUpperCase()}${pseudo.slice(1)} ${pick(rng, NAME_SECOND)}`;
    if (names.has(name)) continue;
    names.add(name);
    const aliases = rng() < 0.5 ? [`${pick(rng, NAME_FIRST)} ${pick(rng, NAME_SECOND)} ${int(rng, 1, 99)}`] : [];
    out.push({ name, kind: pick(rng, ENTITY_KINDS), aliases, description: Array.from({ length: 12 }, () => sampleWord(v, rng)).join(" ") });
  }
  return out;
}

/** A plausible typo: two neighbouring letters swapped inside the longest word. */
export function misspell(name: string, rng: Rng) {
  const words = name.split(" ");
  const w = words.reduce((best, x, i) => (x.length > words[best].length ? i : best), 0);
  const word = words[w];
  const at = int(rng, 1, Math.max(1, word.length - 3));
  words[w] = word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
  return words.join(" ");
}

// ---------------------------------------------------------------------------------------------
// Claims: each quotes a word-aligned span of a document of its own case (exact = text.slice(start, end)).

const CLAIM_KINDS = ["fact", "fact", "allegation", "assessment", "denial"] as const;
const CLAIM_STATUSES = ["draft", "accepted", "accepted", "disputed", "rejected"] as const;

export function claimSpec(cfg: CorpusConfig, c: number, k: number, docText: (j: number) => string) {
  const rng = rngFor(cfg.seed, "claim", c * cfg.claimsPerCase + k);
  const j = int(rng, 0, cfg.docsPerCase - 1);
  const text = docText(j);
  const len = int(rng, 40, 200);
  let start = int(rng, 0, Math.max(0, text.length - len - 1));
  const space = text.lastIndexOf(" ", start);
  start = space < 0 ? 0 : space + 1;
  let end = Math.min(text.length, start + len);
  const after = text.indexOf(" ", end);
  end = after < 0 ? text.length : after;
  const exact = text.slice(start, end);
  return {
    docInCase: j,
    start,
    end,
    exact,
    prefix: text.slice(Math.max(0, start - 32), start),
    suffix: text.slice(end, end + 32),
    statement: `Claim ${k + 1}: ${exact.replace(/\s+/g, " ").slice(0, 160)}`,
    claimant: `Claimant ${int(rng, 1, 40)}`,
    kind: pick(rng, CLAIM_KINDS),
    credibility: int(rng, 1, 6),
    status: pick(rng, CLAIM_STATUSES),
  };
}

export const timestamps = { BASE_MS };
