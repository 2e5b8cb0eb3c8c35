// The brief as data: every export format (Markdown, PDF, DOCX, STIX) renders this one model, so what a
// reviewer approves (its hash) is what every format says. Nothing a renderer prints is read from the
// database: a release's four files are the approved model, rendered.
export const BRIEF_SECTIONS = [
  "bluf",
  "judgments",
  "ach",
  "alternatives",
  "evidence",
  "behaviour",
  "timeline",
  "sources",
  "changes",
] as const;
export type BriefSection = (typeof BRIEF_SECTIONS)[number];
export const BRIEF_TEMPLATES = { full: BRIEF_SECTIONS, summary: ["bluf", "judgments", "sources"] } as const satisfies Record<
  string,
  readonly BriefSection[]
>;
export type BriefTemplate = keyof typeof BRIEF_TEMPLATES;

export const SECTION_TITLES: Record<BriefSection, string> = {
  bluf: "Bottom line up front",
  judgments: "Key judgments",
  ach: "Analysis of competing hypotheses",
  alternatives: "Alternatives considered and dissent",
  evidence: "Evidence",
  behaviour: "Observed behaviour and indicators",
  timeline: "Timeline",
  sources: "Sources",
  changes: "Changes since the last release",
};

export const DRAFT_MARK = "DRAFT — NOT RELEASED";
export const NOT_REVIEWED = "not reviewed: no second analyst has checked this alternative";

export type BriefFootnote = {
  n: number;
  excerptId: string;
  // The claim or the indicator whose quote this is (exactly one of the two).
  claimId: string | null;
  indicatorId: string | null;
  documentId: string;
  documentTitle: string;
  quote: string;
  // UTF-16 code-unit offsets of the quote in the captured text (String.prototype.slice semantics).
  start: number;
  end: number;
  // How the quote is printed when that differs from `quote`: an indicator's quote, defanged (never a live link).
  printedQuote: string | null;
  sourceName: string | null;
  reliability: string;
  url: string | null;
  sha256: string;
};

export type BriefEntity = {
  id: string;
  kind: string;
  name: string;
  aliases: string[];
  description: string;
  role: string;
  createdAt: string;
  updatedAt: string;
};

export type BriefClaim = {
  id: string;
  statement: string;
  claimant: string;
  kind: string;
  credibility: number;
  reliability: string;
  grade: string;
  sourceConfidence: string | null;
  status: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  entityIds: string[];
  // Independent origins behind the grade, and the caveat printed when the grade outruns them.
  origins: number | null;
  independenceCaveat: string | null;
  footnotes: number[];
};

/** Why a claim is listed against a judgment: rated inconsistent, contradicting its support, or a denial. */
export type AgainstReason = { claimId: string; why: "rated_inconsistent" | "contradicts" | "denial"; detail: string };

export type BriefJudgment = {
  id: string;
  questionId: string;
  question: string;
  title: string;
  proposition: string;
  actorId: string | null;
  likelihood: string | null;
  likelihoodLabel: string | null;
  // "55–80 %": the ICD 203 range of the likelihood term.
  likelihoodRange: string | null;
  confidence: string | null;
  confidenceLabel: string | null;
  confidenceBasis: string;
  // ICD 203: likelihood and confidence in separate sentences, never combined.
  estimative: string;
  confidenceSentence: string;
  rationale: string;
  version: number;
  contentHash: string;
  author: string;
  createdAt: string;
  updatedAt: string;
  approvedBy: string | null;
  approvedAt: string | null;
  // Claims that favour this judgment over at least one live alternative (C/CC here, I/II there).
  supportingClaimIds: string[];
  // Consistent with this judgment and with every live alternative rated: proves nothing between them.
  nonDiagnosticClaimIds: string[];
  // Consistent with this judgment but not yet rated against every live alternative: no diagnosticity yet.
  untestedClaimIds: string[];
  against: AgainstReason[];
  vendorStatements: { claimant: string; sourceConfidence: string; claimId: string }[];
};

export type BriefAlternative = {
  id: string;
  questionId: string;
  title: string;
  proposition: string;
  disposition: string;
  rejectedReason: string | null;
  likelihood: string | null;
  likelihoodLabel: string | null;
  confidence: string | null;
  confidenceLabel: string | null;
  reviewState: string;
  // "approved by a second analyst" or NOT_REVIEWED, in words a reader outside the team understands.
  reviewNote: string;
  rationale: string;
  author: string;
  createdAt: string;
  updatedAt: string;
};

export type BriefQuestion = { id: string; question: string; conclusion: string; createdAt: string; updatedAt: string };

export type BriefAchSummary = {
  questionId: string;
  question: string;
  hypotheses: { hypothesisId: string; title: string; inconsistency: number; ratedCount: number; rank: number }[];
  mostDiagnostic: { claimId: string; statement: string; diagnosticity: number }[];
  sensitivity: {
    claimId: string;
    statement: string;
    ranking: { hypothesisId: string; title: string; inconsistency: number; rank: number }[];
    leaderChanges: boolean;
  } | null;
  note: string;
};

export type BriefDissent = { id: string; hypothesisId: string; hypothesisTitle: string; author: string; body: string; at: string };

export type BriefSource = {
  documentId: string;
  title: string;
  sourceId: string | null;
  sourceName: string | null;
  sourceKind: string | null;
  reliability: string;
  reliabilityRationale: string | null;
  overrideReason: string | null;
  author: string | null;
  publisher: string | null;
  url: string | null;
  publishedAt: string | null;
  retrievedAt: string;
  sha256: string;
  tlp: string | null;
  // Why it is in the brief: cited by a claim of the brief, or added by hand in the brief settings.
  inclusion: "cited" | "added";
};

// A technique the brief's claims describe (MITRE ATT&CK), under the first tactic it serves in matrix order.
export type BriefTechnique = {
  id: string;
  name: string;
  stixId: string;
  url: string;
  tactic: string;
  claimIds: string[];
  footnotes: number[];
};

/**
 * An active indicator of the case, with the quotes that report it. `value` is the canonical form (for STIX);
 * every printed format shows `defanged`, never a live link. Flagged ones (on a warning list) are printed
 * apart, marked with their warnings.
 */
export type BriefIndicator = {
  id: string;
  type: string;
  typeLabel: string;
  value: string;
  defanged: string;
  flags: string[];
  warnings: string[];
  note: string;
  firstSeen: string | null;
  lastSeen: string | null;
  createdAt: string;
  updatedAt: string;
  // The brief's claims it supports and the brief's entities it indicates (intrusion set, malware…).
  claimIds: string[];
  entityIds: string[];
  footnotes: number[];
};

export type BriefTimelineEntry = {
  id: string;
  title: string;
  date: string;
  precision: string;
  occurredAt: string;
  claimIds: string[];
  footnotes: number[];
};

export type BriefChange = {
  hypothesisId: string;
  title: string;
  version: number;
  at: string;
  by: string;
  reason: string;
  fields: string[];
  kind: "added" | "changed";
};

/** A warning about the brief's own text or grades; blocking until fixed or acknowledged with a reason. */
export type BriefWarning = {
  key: string;
  kind: "disagrees" | "unhedged_certainty" | "ambiguous" | "combined" | "incoherent" | "not_checked" | "independence";
  location: string;
  label: string;
  phrase: string | null;
  message: string;
  blocking: boolean;
  acknowledgement: { by: string; at: string; reason: string } | null;
};

export type BriefModel = {
  case: { id: string; title: string; tlp: string; tlpLabel: string; status: string; createdAt: string };
  producer: { id: string; name: string };
  template: BriefTemplate;
  sections: BriefSection[];
  releaseNumber: number;
  generatedAt: string;
  // Not part of the approved content (briefHash leaves it out): a release renders the same model with false.
  draft: boolean;
  bluf: string;
  questions: BriefQuestion[];
  judgments: BriefJudgment[];
  alternatives: BriefAlternative[];
  ach: BriefAchSummary[];
  dissent: BriefDissent[];
  claims: BriefClaim[];
  entities: BriefEntity[];
  footnotes: BriefFootnote[];
  timeline: BriefTimelineEntry[];
  techniques: BriefTechnique[];
  indicators: BriefIndicator[];
  sources: BriefSource[];
  changes: BriefChange[];
  previousRelease: { number: number; at: string } | null;
  warnings: BriefWarning[];
  // Printed under "Notes on this brief": acknowledged warnings, documents left out by hand, scoring rules.
  notes: string[];
  // What a release must still satisfy; empty when it may be released.
  blockers: string[];
};
