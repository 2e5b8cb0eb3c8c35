// The wording check of a brief (STANDARDS.md §2): does each text say what its judgment is graded, in ICD 203
// terms, without stating certainty the analysis does not have? Pure: no database and no "server-only", so
// the editor, the brief composer and the tests all run the same rules.
//
// What it checks, per text: estimative phrases outside quotation marks (a source's "almost certainly" is not
// our claim) read with their negation and intensifiers ("highly likely" is very likely, never likely; "probably
// not" is unlikely; "not unlikely" has no ICD meaning), unhedged certainty ("undoubtedly", "X was behind the
// attacks" with no estimative term and no source), and, per question, competing answers whose likelihoods
// cannot all hold. Text that is not English is reported as not checked rather than passed silently.
import { createHash } from "node:crypto";
import { findEstimativePhrases, getLikelihood, type LikelihoodKey } from "@/lib/standards/scales";

export type WordingText = {
  location: string; // stable id of where the text lives, e.g. "hypothesis:<id>:rationale", "case:bluf"
  label: string; // human label, e.g. "rationale of “Iran's MOIS-linked operators”"
  text: string;
  // The likelihoods this text may state: [the judgment's own likelihood] for a judgment's proposition/rationale,
  // the key judgments' likelihoods for the BLUF or a question's conclusion; null = any estimative term is fine
  // (e.g. a colleague's dissent), but unhedged certainty is still flagged. [] = no estimative term allowed.
  expected: LikelihoodKey[] | null;
};

// Live (non-rejected) hypotheses only.
export type CompetingQuestion = {
  questionId: string;
  question: string;
  hypotheses: { id: string; title: string; likelihood: LikelihoodKey | null }[];
};

export type WordingFindingKind = "disagrees" | "unhedged_certainty" | "ambiguous" | "combined" | "incoherent" | "not_checked";

export type WordingFinding = {
  // sha256 hex of location + kind + the normalised phrase (lower case, one space between words, ’ as '), so
  // the same finding on the same text has the same key on every run and an acknowledgement can refer to it.
  // Without a phrase the key is made from what the finding is about instead: the hypotheses and their grades
  // for "incoherent", the whole normalised text for "not_checked" (a hand check covers that exact text only).
  key: string;
  location: string;
  label: string;
  kind: WordingFindingKind;
  phrase: string | null; // as written (after normalisation), null for incoherent/not_checked
  means: LikelihoodKey | null; // what the phrase means on the ICD scale (after negation/intensifiers), if anything
  message: string; // plain English for a reader outside the team
  blocking: boolean; // true for everything except not_checked
  // Offsets of the first occurrence in the original `text` (UTF-16 code units, as String.prototype.slice), for
  // highlighting; null for incoherent/not_checked.
  start: number | null;
  end: number | null;
  occurrences: number; // how often this finding (same key) occurs in the text; start/end are the first
};

// --- Normalisation ----------------------------------------------------------------------------------------

// Invisible characters are removed (soft hyphen U+00AD, zero-width space/joiners U+200B–U+200D, word joiner
// U+2060, BOM U+FEFF, bidi controls, tag characters: all of Unicode's "format" category, plus the combining
// grapheme joiner), and every Unicode space (NBSP, thin space, ideographic space, …) becomes an ASCII space, so
// "al\u00ADmost certainly" and "almost\u00A0certainly" read as "almost certainly". `offsets[i]` is the index in
// the original text of normalised code unit i; offsets[text.length] is the original length.
export function normaliseWording(text: string): { text: string; offsets: number[] } {
  let out = "";
  const offsets: number[] = [];
  let index = 0;
  for (const char of text) {
    const size = char.length;
    if (/\p{Cf}/u.test(char) || char === "\u034F") {
      index += size;
      continue;
    }
    let replacement = char;
    if (/\p{Zs}/u.test(char) || char === "\t") replacement = " ";
    else if (char === "\u2028" || char === "\u2029" || char === "\u0085") replacement = "\n";
    out += replacement;
    for (let k = 0; k < replacement.length; k++) offsets.push(index + k);
    index += size;
  }
  offsets.push(index);
  return { text: out, offsets };
}

// --- Quotations -------------------------------------------------------------------------------------------

export type QuotedSpan = { start: number; end: number }; // [start, end) including the quotation marks

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const isWordChar = (c: string | undefined) => c !== undefined && LETTER_OR_DIGIT.test(c);
const isSpace = (c: string | undefined) => c === undefined || /\s/u.test(c);

const DOUBLE_CLOSERS: Record<string, string> = { "“": "”", "„": "“”", "«": "»", "‹": "›", '"': '"' };
const SINGLE_CLOSERS: Record<string, string> = { "‘": "’", "‚": "‘’", "'": "'" };

// Quoted passages: “…”, "…", «…», ‹…›, „…“ (or „…”), and single quotes ‘…’ / '…' / ‚…‘ when they are used
// as quotes. A single quote opens only at the start of a word (not after a letter, as in Albania’s or don’t)
// and closes only at the end of one (not before a letter). A quote never runs past a blank line, and an opening
// mark without its closing mark quotes nothing. Offsets index the text as given (normalise it first).
export function findQuotedSpans(text: string): QuotedSpan[] {
  const spans: QuotedSpan[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    const single = SINGLE_CLOSERS[c];
    const double = DOUBLE_CLOSERS[c];
    if (!single && !double) {
      i++;
      continue;
    }
    if (single && (isWordChar(text[i - 1]) || isSpace(text[i + 1]))) {
      i++; // an apostrophe (Albania’s, don’t) or a lone mark, not an opening quote
      continue;
    }
    const closers = single ?? double;
    let close = -1;
    for (let j = i + 1; j < text.length; j++) {
      if (text[j] === "\n" && /^\n\s*\n/u.test(text.slice(j))) break; // paragraph end
      if (!closers.includes(text[j])) continue;
      if (single && (isSpace(text[j - 1]) || isWordChar(text[j + 1]))) continue; // an apostrophe inside the quote
      close = j;
      break;
    }
    if (close < 0) {
      i++;
      continue;
    }
    spans.push({ start: i, end: close + 1 });
    i = close + 1;
  }
  return spans;
}

// The text with each quoted passage blanked out (same length, line breaks kept), so offsets still line up.
function maskQuotes(text: string, spans: QuotedSpan[]): string {
  const chars = text.split("");
  for (const { start, end } of spans) for (let k = start; k < end; k++) if (chars[k] !== "\n") chars[k] = " ";
  return chars.join("");
}

// --- Sentences --------------------------------------------------------------------------------------------

type Range = { start: number; end: number };

const ABBREVIATION = /(?:^|[\s(])(?:e\.g|i\.e|etc|cf|vs|mr|mrs|ms|dr|prof|st|inc|ltd|co|corp|no|fig|approx|u\.s|u\.k|e\.u|[\p{L}])\.$/iu;

// Sentence ranges of the normalised text: after . ! ? (and any closing quotes/brackets) followed by a space and
// a capital, digit or opening quote; at a blank line; before a bulleted line. A boundary inside a quoted
// passage is not one (a quote can hold several sentences of the source's).
function sentenceRanges(text: string, quotes: QuotedSpan[]): Range[] {
  const inQuote = (pos: number) => quotes.some((q) => pos > q.start && pos < q.end);
  const cuts = new Set<number>();
  for (const m of text.matchAll(/[.!?]+["”’»)\]]*\s+(?=[\p{Lu}\p{N}"“‘'«„(\[])/gu)) {
    const next = m.index + m[0].length;
    const punct = m.index + m[0].search(/[.!?]/u);
    if (text[punct] === "." && ABBREVIATION.test(text.slice(Math.max(0, punct - 12), punct + 1))) continue;
    if (!inQuote(next)) cuts.add(next);
  }
  for (const m of text.matchAll(/\n\s*\n\s*|\n(?=[ \t]*(?:[-*•–]|\d+[.)])\s)/gu)) {
    const next = m.index + m[0].length;
    if (!inQuote(next)) cuts.add(next);
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const ranges: Range[] = [];
  let start = 0;
  for (const cut of [...sorted, text.length]) {
    if (cut > start) ranges.push({ start, end: cut });
    start = Math.max(start, cut);
  }
  return ranges;
}

// --- Estimative phrases with negation and intensifiers --------------------------------------------------------

type Estimate = {
  start: number;
  end: number;
  means: LikelihoodKey | null;
  ambiguity: "double_negative" | "open_range" | null;
  below?: LikelihoodKey;
};

const B = String.raw`(?<![\p{L}\p{N}])`;
const E = String.raw`(?![\p{L}\p{N}])`;
const NEG = String.raw`(?:not|\p{L}+n['’]t)`;
const INT = String.raw`(?:very|highly|extremely)`;
const LIK = String.raw`(?:likely|probable|probably)`;
const UNL = String.raw`(?:unlikely|improbable|improbably)`;
// Between an intensifier and its term: spaces, or a hyphen ("highly-likely" is still very likely, never likely).
const SEP = String.raw`(?:\s+|\s*[-\u2010\u2011]\s*)`;
const CERT = String.raw`(?:almost|nearly)${SEP}certain(?:ly)?`;
// "likely not only …", "probably not least because …" do not negate the estimate.
const NOT_AFTER = String.raw`\s+not(?!\s+(?:only|just|merely|simply|solely|least|necessarily|entirely|all|always)${E})`;

const MODIFIED: ReadonlyArray<{ source: string; means: LikelihoodKey | null; ambiguity: Estimate["ambiguity"]; below?: LikelihoodKey }> = [
  { source: String.raw`${NEG}\s+(?:${INT}${SEP})?${UNL}`, means: null, ambiguity: "double_negative" }, // not unlikely
  { source: String.raw`${UNL}${NOT_AFTER}`, means: null, ambiguity: "double_negative" }, // unlikely not to
  { source: String.raw`${NEG}\s+${INT}${SEP}${LIK}`, means: null, ambiguity: "open_range", below: "very_likely" }, // not very likely
  { source: String.raw`${NEG}\s+${CERT}`, means: null, ambiguity: "open_range", below: "almost_certain" }, // not almost certain
  { source: String.raw`${NEG}\s+${LIK}`, means: "unlikely", ambiguity: null }, // not likely, isn't probable
  { source: String.raw`${INT}${SEP}${LIK}${NOT_AFTER}`, means: "very_unlikely", ambiguity: null }, // very likely not
  { source: String.raw`${INT}${SEP}${LIK}`, means: "very_likely", ambiguity: null }, // highly likely, very probably
  { source: String.raw`${INT}${SEP}${UNL}`, means: "very_unlikely", ambiguity: null }, // highly unlikely
  { source: String.raw`${CERT}${NOT_AFTER}`, means: "almost_no_chance", ambiguity: null }, // almost certainly not
  { source: String.raw`${LIK}${NOT_AFTER}`, means: "unlikely", ambiguity: null }, // probably not, likely not
  { source: CERT, means: "almost_certain", ambiguity: null }, // almost-certainly (hyphenated; the scale's own match covers the rest)
];

const MODIFIED_REGEXES = MODIFIED.map((m) => ({ ...m, regex: new RegExp(`${B}(?:${m.source})${E}`, "giu") }));

// Every estimative phrase of the (masked) text, leftmost first and longest at a position, without overlaps:
// "highly likely" is one phrase meaning very likely, never "likely" preceded by "highly".
function findEstimates(text: string): Estimate[] {
  const candidates: Estimate[] = findEstimativePhrases(text).map((p) => ({ start: p.start, end: p.end, means: p.key, ambiguity: null }));
  for (const { regex, means, ambiguity, below } of MODIFIED_REGEXES) {
    for (const m of text.matchAll(regex)) candidates.push({ start: m.index, end: m.index + m[0].length, means, ambiguity, below });
  }
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const chosen: Estimate[] = [];
  for (const c of candidates) if (!chosen.some((k) => c.start < k.end && k.start < c.end)) chosen.push(c);
  return chosen;
}

// --- Unhedged certainty -------------------------------------------------------------------------------------

// "clearly" describes how something looks in these uses, not how sure we are.
const CLEARLY_DESCRIPTIVE = String.raw`(?:visible|visibly|labell?ed|marked|written|legible|readable|audible|defined|described|explained|stated|set|laid|displayed|shown|separated|distinguished|distinguishable|formatted|titled|named|signposted|worded|printed|documented)`;

const CERTAINTY_SOURCES = [
  String.raw`undoubtedly|indubitably|unquestionably|indisputably|undeniably|irrefutably|incontrovertibly|definitely|definitively|conclusively|obviously|certainly`,
  String.raw`clearly(?!\s+${CLEARLY_DESCRIPTIVE}${E})`,
  String.raw`without\s+(?:a\s+|any\s+)?doubt`,
  String.raw`beyond\s+(?:(?:any|all|a)\s+)?(?:reasonable\s+)?doubt`,
  String.raw`(?:there\s+(?:is|was|can\s+be)\s+)?no\s+doubt`,
  String.raw`there\s+(?:is|was|can\s+be)\s+no\s+question`,
  String.raw`(?:proves|proved|proven|proving)\s+(?:that|beyond)`,
  String.raw`(?:is|was)\s+proof\s+that`,
  String.raw`(?:it|this|that)(?:\s+(?:is|was)|['’]s)\s+(?:(?:absolutely|completely|entirely|now|quite)\s+)?(?:certain|clear)`,
  String.raw`(?:we|i)\s+(?:are|am)\s+(?:(?:absolutely|completely|entirely|quite)\s+)?(?:certain|sure)`,
  String.raw`(?:is|are|was|were)\s+certain\s+to`,
  String.raw`for\s+sure`,
  String.raw`(?:100|one\s+hundred)\s*(?:%|percent|per\s+cent)\s+(?:certain|sure)`,
];
const CERTAINTY_REGEX = new RegExp(`${B}(?:${CERTAINTY_SOURCES.join("|")})${E}`, "giu");

// "We cannot conclusively attribute", "it is not certain", "has not been proven that": a negation just before
// a certainty word makes it a hedge, not a claim.
const NEGATION_BEFORE = /(?:^|[^\p{L}])(?:not|never|cannot|no|nor|neither|hardly|\p{L}+n['’]t)(?:\s+\p{L}+){0,2}\s*$/iu;

// --- Bare attribution ----------------------------------------------------------------------------------------

const ATTACK_NOUN =
  /^(?:(?:cyber-?)?attacks?|operations?|campaigns?|intrusions?|breach(?:es)?|hacks?|hacking|hack-and-leak|compromises?|leaks?|defacements?|wipers?|ransomware|ddos|sabotage|espionage|incidents?|strikes?|bombings?|assassinations?|plots?|phishing|infiltrations?|exfiltration|thefts?|disruptions?|outages?|sabotage)$/iu;
const NOT_THE_ACT =
  /^(?:investigations?|analys[ie]s|reviews?|interviews?|research|assessments?|audits?|surveys?|stud(?:y|ies)|forensics?|inquir(?:y|ies)|probes?|searches|scans?|evaluations?|responses?|defen[cs]es?|protection|mitigations?|remediation|recovery|clean-?up|detections?|disclosures?|reporting|reports?|coverage|tracking|monitoring|briefings?|exercises?|simulations?|training|drills?)$/iu;
const OBJECT_PRONOUN = /^(?:it|this|that|them|these|those|both)$/iu;

const BE = String.raw`(?:was|were|is|are|has\s+been|have\s+been|had\s+been)`;
const ACT_VERB = String.raw`(?:carried\s+out|conducted|perpetrated|orchestrated|masterminded|launched|staged|executed)`;
const ACTIVE_ATTRIBUTION = new RegExp(
  `${B}(?:${BE}(?:\\s+(?:not|also|directly|ultimately|solely|itself|themselves|indeed|in\\s+fact))*\\s+(?:behind|responsible\\s+for)` +
    `|(?:carried|carries|carry|carrying)\\s+out|(?:carried|carries|carry|carrying)\\s+(?:it|them|this|these)\\s+out` +
    `|conducted|conducts|perpetrated|perpetrates|orchestrated|orchestrates|masterminded|masterminds|launched|launches|staged|stages)${E}`,
  "iu",
);
const PASSIVE_ATTRIBUTION = new RegExp(`${B}(?:${BE}\\s+(?:\\p{L}+\\s+)?${ACT_VERB}\\s+by|${BE}\\s+the\\s+work\\s+of)${E}`, "iu");

// Whose claim it is: reported speech is not our judgment. "We assess" is ours, so it does not count.
const REPORTED_SPEECH = new RegExp(
  `${B}(?:said|says|say|saying|reported|reportedly|reports\\s+that|according\\s+to|claimed|claims|claim|claiming|alleged|alleges|allegedly|alleging|told|tells|stated|states\\s+that|wrote|writes|assessed|assesses|(?<!(?:we|i)\\s+)assess)${E}`,
  "iu",
);
const HEDGE = new RegExp(
  `${B}(?:may|might|could|possibly|perhaps|suspected|presumably|apparently|appears?|seems?|if|whether|allegedly)${E}`,
  "iu",
);

function words(text: string): string[] {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}\p{M}'’-]*/gu) ?? [];
}

// The act named within a few words after the verb: "carried out the 2022 attacks on Albania" yes,
// "conducted an analysis of the attacks" no.
function objectIsAnAct(after: string): boolean {
  const following = words(after).slice(0, 8);
  if (following.length > 0 && OBJECT_PRONOUN.test(following[0])) return true;
  const act = following.findIndex((w) => ATTACK_NOUN.test(w));
  if (act < 0) return false;
  return !following.slice(0, act + 2).some((w) => NOT_THE_ACT.test(w));
}

function bareAttribution(sentence: string): boolean {
  if (/\?\s*$/u.test(sentence)) return false; // a question
  if (REPORTED_SPEECH.test(sentence) || HEDGE.test(sentence)) return false;
  const active = ACTIVE_ATTRIBUTION.exec(sentence);
  if (active && objectIsAnAct(sentence.slice(active.index + active[0].length))) return true;
  const passive = PASSIVE_ATTRIBUTION.exec(sentence);
  return passive !== null && words(sentence.slice(0, passive.index)).some((w) => ATTACK_NOUN.test(w));
}

// --- Language ------------------------------------------------------------------------------------------------

const ENGLISH_FUNCTION_WORDS = new Set(
  (
    "the a of and to in is are was were be been being has have had that this these those with for from by it its not or as at on " +
    "they their them we our us he she his her you your which who whom what when where while than then there into also but " +
    "can could may might will would should shall if so such more most only other some any all both each after before about " +
    "between against during over under because since do does did an up out no"
  ).split(" "),
);
// Common function words of the other languages a case is likely to meet (Albanian, French, German, Spanish,
// Italian, Portuguese, Dutch), minus any that are also English.
const FOREIGN_FUNCTION_WORDS = new Set(
  (
    "e dhe të në për nga një është si që se ka kanë nuk ky kjo por më edhe ndaj mbi pas sipas tek te tyre saj tij janë ishte ose nëse " +
    "de le la les des du et est une un dans pour par sur avec qui que ne pas au aux ce cette sont été " +
    "der die das und ist nicht von vom mit den dem zu für auf wurde wurden ein eine einer sich im des auch als bei nach aus oder wird " +
    "el los las y en del por con para una es se lo al su sus fue como pero más " +
    "il di che della delle degli gli sono è per non nel nella anche " +
    "os da do dos das em um uma não foi ao na no " +
    "het een van en zijn werd niet met voor aan ook dat deze"
  )
    .split(" ")
    .filter((w) => !ENGLISH_FUNCTION_WORDS.has(w)),
);

const SCRIPTS = [
  "Arabic",
  "Cyrillic",
  "Hebrew",
  "Greek",
  "Han",
  "Hiragana",
  "Katakana",
  "Hangul",
  "Devanagari",
  "Thai",
  "Armenian",
  "Georgian",
] as const;
const SCRIPT_REGEXES = SCRIPTS.map((name) => ({ name, regex: new RegExp(`\\p{Script=${name}}`, "gu") }));

// Why the text is not English, or null when it is (or is too short to tell, which counts as English).
export function notEnglishReason(text: string): string | null {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const latin = text.match(/\p{Script=Latin}/gu)?.length ?? 0;
  if (letters > 0 && latin / letters < 0.5) {
    const counts = SCRIPT_REGEXES.map(({ name, regex }) => ({ name, count: text.match(regex)?.length ?? 0 })).sort(
      (a, b) => b.count - a.count,
    );
    const script = counts[0].count > 0 ? `${counts[0].name} script` : "a non-Latin script";
    return `This text is mostly in ${script}, not English`;
  }
  const list = words(text)
    .filter((w) => /\p{L}/u.test(w))
    .map((w) => w.toLowerCase().replace(/['’]s?$/u, ""));
  if (list.length < 8) return null;
  const english = list.filter((w) => ENGLISH_FUNCTION_WORDS.has(w)).length;
  const foreign = list.filter((w) => FOREIGN_FUNCTION_WORDS.has(w)).length;
  const accented = list.filter((w) => /[^\x00-\x7F]/u.test(w.replace(/['’]/gu, ""))).length;
  const share = english / list.length;
  if (share < 0.08 || (share < 0.25 && foreign + accented > english)) {
    return "This text does not read as English (it has too few common English words such as “the”, “of” and “and”)";
  }
  return null;
}

// --- Messages --------------------------------------------------------------------------------------------------

const percent = (p: number) => Math.round(p * 100);
const termName = (key: LikelihoodKey) => getLikelihood(key).label.toLowerCase();
const band = (key: LikelihoodKey) => {
  const row = getLikelihood(key);
  return `${percent(row.min)}–${percent(row.max)} %`;
};
const graded = (key: LikelihoodKey) => `${termName(key)} (${band(key)})`;
const joinList = (items: string[], last: "or" | "and") =>
  items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} ${last} ${items[items.length - 1]}`;
const orList = (items: string[]) => joinList(items, "or");
const quoted = (s: string) => `“${s}”`;
const scaleTerm = (key: LikelihoodKey) => quoted(getLikelihood(key).phrasings[0]);

function expectedClause(expected: LikelihoodKey[]): string {
  if (expected.length === 1) return `the judgment is graded ${graded(expected[0])}`;
  return `the judgments it summarises are graded ${orList(expected.map(graded))}`;
}

function suggestion(expected: LikelihoodKey[] | null): string {
  if (expected && expected.length === 1) return `, here ${scaleTerm(expected[0])}`;
  if (expected && expected.length > 1) return `, here ${orList(expected.map(scaleTerm))}`;
  return "";
}

function disagreesMessage(phrase: string, means: LikelihoodKey, expected: LikelihoodKey[]): string {
  if (expected.length === 0) {
    return `${quoted(phrase)} states a likelihood, ${graded(means)}, but no graded judgment stands behind this text, so it should not state one.`;
  }
  return `${quoted(phrase)} means ${graded(means)}, but ${expectedClause(expected)}.`;
}

function ambiguousMessage(phrase: string, estimate: Estimate, expected: LikelihoodKey[] | null): string {
  if (estimate.ambiguity === "double_negative") {
    return (
      `${quoted(phrase)} is a double negative: it has no meaning on the ICD 203 likelihood scale (a reader cannot tell ` +
      `whether it means roughly even chance, likely or more). Say the likelihood directly with one of the scale's terms${suggestion(expected)}.`
    );
  }
  const below = estimate.below ?? "very_likely";
  return (
    `${quoted(phrase)} does not name one step of the ICD 203 likelihood scale: it could mean anything below ` +
    `${termName(below)} (${percent(getLikelihood(below).min)} %). Use one of the scale's terms${suggestion(expected)}.`
  );
}

function certaintyMessage(phrase: string, expected: LikelihoodKey[] | null): string {
  const instead =
    expected && expected.length > 0
      ? `Use the graded term${expected.length > 1 ? "s" : ""} (${expected.map(scaleTerm).join(", ")}) instead`
      : expected
        ? "Drop it"
        : "Use an estimative term instead";
  return (
    `${quoted(phrase)} states certainty. ICD 203 has no term for certainty: its strongest is almost certain (${band("almost_certain")}). ` +
    `${instead}, or quote the source that says it and name it.`
  );
}

function attributionMessage(sentence: string, expected: LikelihoodKey[] | null): string {
  const grade = expected && expected.length > 0 ? `Say how likely it is (${expected.map(scaleTerm).join(", ")})` : "Say how likely it is";
  return (
    `${quoted(sentence)} states an attribution as fact: the sentence has no estimative term and does not say whose claim it is. ` +
    `${grade}, or attribute it to its source (e.g. “Microsoft said …”).`
  );
}

// --- The check -----------------------------------------------------------------------------------------------

const collapse = (s: string) => s.replace(/\s+/gu, " ").trim();
const keyPhrase = (s: string) => collapse(s).toLowerCase().replace(/’/gu, "'");

export function wordingFindingKey(location: string, kind: WordingFindingKind, material: string): string {
  return createHash("sha256").update(`${location}\u0000${kind}\u0000${material}`).digest("hex");
}

const KIND_ORDER: Record<WordingFindingKind, number> = {
  not_checked: 0,
  ambiguous: 1,
  disagrees: 2,
  combined: 3,
  unhedged_certainty: 4,
  incoherent: 5,
};

// ICD 203: a confidence level and a degree of likelihood never share a sentence ("We assess with moderate
// confidence that it is likely …"). Outside quotation marks only: a vendor's "moderate confidence" is theirs.
const CONFIDENCE_LEVEL =
  /\b(?:low|moderate|medium|high)(?:[\s-]+|-)confidence\b|\bconfidence\s+(?:is|was|remains)\s+(?:low|moderate|medium|high)\b/giu;

type Located = Omit<WordingFinding, "key" | "occurrences" | "start" | "end"> & { at: number; until: number; material: string };

function checkText(input: WordingText): WordingFinding[] {
  const { location, label, expected } = input;
  const { text, offsets } = normaliseWording(input.text);
  const quotes = findQuotedSpans(text);
  const masked = maskQuotes(text, quotes);

  const notEnglish = notEnglishReason(masked);
  if (notEnglish) {
    return [
      {
        key: wordingFindingKey(location, "not_checked", collapse(text)),
        location,
        label,
        kind: "not_checked",
        phrase: null,
        means: null,
        message: `${notEnglish}, so its wording was not checked against the ICD 203 terms. Check it by hand, or add an English version.`,
        blocking: false,
        start: null,
        end: null,
        occurrences: 1,
      },
    ];
  }

  const found: Located[] = [];
  const phraseAt = (start: number, end: number) => collapse(text.slice(start, end));

  const estimates = findEstimates(masked);
  for (const estimate of estimates) {
    const phrase = phraseAt(estimate.start, estimate.end);
    if (estimate.ambiguity) {
      found.push({
        location,
        label,
        kind: "ambiguous",
        phrase,
        means: null,
        message: ambiguousMessage(phrase, estimate, expected),
        blocking: true,
        at: estimate.start,
        until: estimate.end,
        material: keyPhrase(phrase),
      });
    } else if (estimate.means && expected !== null && !expected.includes(estimate.means)) {
      found.push({
        location,
        label,
        kind: "disagrees",
        phrase,
        means: estimate.means,
        message: disagreesMessage(phrase, estimate.means, expected),
        blocking: true,
        at: estimate.start,
        until: estimate.end,
        material: keyPhrase(phrase),
      });
    }
  }

  const sentences = sentenceRanges(text, quotes);
  const sentenceOf = (pos: number) => sentences.find((s) => pos >= s.start && pos < s.end) ?? { start: 0, end: text.length };
  for (const m of masked.matchAll(CONFIDENCE_LEVEL)) {
    const sentence = sentenceOf(m.index);
    const estimate = estimates.find((e) => e.start >= sentence.start && e.start < sentence.end);
    if (!estimate) continue;
    const phrase = phraseAt(
      sentence.start + Math.max(0, text.slice(sentence.start, sentence.end).search(/\S/u)),
      sentence.start + text.slice(sentence.start, sentence.end).trimEnd().length,
    );
    found.push({
      location,
      label,
      kind: "combined",
      phrase,
      means: null,
      blocking: true,
      at: m.index,
      until: m.index + m[0].length,
      material: keyPhrase(phrase),
      message: `“${phrase}” puts a confidence level (“${collapse(m[0])}”) and a likelihood (“${collapse(text.slice(estimate.start, estimate.end))}”) in one sentence; ICD 203 asks for separate sentences: “We assess that it is likely (55–80 %) that … We have moderate confidence in this judgment: …”.`,
    });
  }
  const certaintySentences = new Set<number>();
  for (const m of masked.matchAll(CERTAINTY_REGEX)) {
    const start = m.index;
    const end = start + m[0].length;
    if (estimates.some((e) => start < e.end && e.start < end)) continue; // "almost certainly" is estimative
    const sentence = sentenceOf(start);
    if (NEGATION_BEFORE.test(masked.slice(sentence.start, start))) continue;
    certaintySentences.add(sentence.start);
    const phrase = phraseAt(start, end);
    found.push({
      location,
      label,
      kind: "unhedged_certainty",
      phrase,
      means: null,
      message: certaintyMessage(phrase, expected),
      blocking: true,
      at: start,
      until: end,
      material: keyPhrase(phrase),
    });
  }

  for (const sentence of sentences) {
    if (certaintySentences.has(sentence.start)) continue; // already flagged for its certainty word
    if (estimates.some((e) => e.start >= sentence.start && e.start < sentence.end)) continue;
    if (!bareAttribution(masked.slice(sentence.start, sentence.end))) continue;
    const leading = text.slice(sentence.start, sentence.end).search(/\S/u);
    const start = sentence.start + Math.max(0, leading);
    const end = sentence.start + text.slice(sentence.start, sentence.end).trimEnd().length;
    const phrase = phraseAt(start, end);
    found.push({
      location,
      label,
      kind: "unhedged_certainty",
      phrase,
      means: null,
      message: attributionMessage(phrase, expected),
      blocking: true,
      at: start,
      until: end,
      material: keyPhrase(phrase),
    });
  }

  found.sort((a, b) => a.at - b.at || a.until - b.until || KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
  const byKey = new Map<string, WordingFinding>();
  for (const { at, until, material, ...finding } of found) {
    const key = wordingFindingKey(location, finding.kind, material);
    const seen = byKey.get(key);
    if (seen) {
      seen.occurrences++;
      continue;
    }
    byKey.set(key, { key, ...finding, start: offsets[at], end: offsets[until - 1] + 1, occurrences: 1 });
  }
  return [...byKey.values()];
}

function checkQuestion(question: CompetingQuestion): WordingFinding | null {
  const gradedHypotheses = question.hypotheses.filter((h): h is typeof h & { likelihood: LikelihoodKey } => h.likelihood !== null);
  const total = gradedHypotheses.reduce((sum, h) => sum + percent(getLikelihood(h.likelihood).min), 0);
  if (total <= 100) return null;
  const location = `question:${question.questionId}`;
  const parts = gradedHypotheses.map(
    (h, i) =>
      `${quoted(h.title)} ${i === 0 ? "is graded " : ""}${termName(h.likelihood)} (at least ${percent(getLikelihood(h.likelihood).min)} %)`,
  );
  const material = [...gradedHypotheses]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((h) => `${h.id}=${h.likelihood}`)
    .join(";");
  return {
    key: wordingFindingKey(location, "incoherent", material),
    location,
    label: `competing answers to ${quoted(question.question)}`,
    kind: "incoherent",
    phrase: null,
    means: null,
    message:
      `The competing answers to ${quoted(question.question)} cannot all be as likely as graded: ${joinList(parts, "and")}, ` +
      `together at least ${total} %. Only one answer can be true, so their likelihoods cannot add up to more than 100 %; lower at least one of them.`,
    blocking: true,
    start: null,
    end: null,
    occurrences: 1,
  };
}

// All findings: each text's in input order, by position in the text; then one per incoherent question, in
// input order. Pure and deterministic.
export function checkWording(input: { texts: WordingText[]; competing?: CompetingQuestion[] }): WordingFinding[] {
  const findings = input.texts.flatMap(checkText);
  for (const question of input.competing ?? []) {
    const finding = checkQuestion(question);
    if (finding) findings.push(finding);
  }
  return findings;
}
