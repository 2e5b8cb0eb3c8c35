// The brief as data: every export format (Markdown, PDF, DOCX, STIX) renders this one model, so what a
// reviewer approves (its hash) is what every format says.
export const BRIEF_SECTIONS = ["bluf", "judgments", "alternatives", "evidence", "timeline", "sources", "changes"] as const;
export type BriefSection = (typeof BRIEF_SECTIONS)[number];
export const BRIEF_TEMPLATES = { full: BRIEF_SECTIONS, summary: ["bluf", "judgments", "sources"] } as const satisfies Record<string, readonly BriefSection[]>;
export type BriefTemplate = keyof typeof BRIEF_TEMPLATES;

export const SECTION_TITLES: Record<BriefSection, string> = {
  bluf: "Bottom line up front",
  judgments: "Key judgments",
  alternatives: "Alternatives considered and dissent",
  evidence: "Supporting evidence",
  timeline: "Timeline",
  sources: "Sources",
  changes: "Changes since the last release",
};

export type BriefFootnote = {
  n: number;
  excerptId: string;
  documentId: string;
  documentTitle: string;
  quote: string;
  sourceName: string | null;
  reliability: string;
  url: string | null;
  sha256: string;
};

export type BriefClaim = {
  id: string;
  statement: string;
  claimant: string;
  kind: string;
  credibility: number;
  grade: string;
  sourceConfidence: string | null;
  status: string;
  // Rated consistent with the key judgments ("for") or inconsistent with them ("against").
  stance: "for" | "against";
  footnotes: number[];
};

export type BriefJudgment = {
  id: string;
  questionId: string;
  question: string;
  title: string;
  actor: { id: string; name: string; kind: string; aliases: string[] } | null;
  likelihood: string | null;
  likelihoodLabel: string | null;
  confidence: string | null;
  confidenceLabel: string | null;
  // "We assess with moderate confidence that it is likely that …": likelihood and confidence stated separately.
  estimative: string;
  rationale: string;
  version: number;
  contentHash: string;
  approvedBy: string | null;
  approvedAt: string | null;
  supportingClaimIds: string[];
  vendorStatements: { claimant: string; sourceConfidence: string; claimId: string }[];
};

export type BriefAlternative = {
  id: string;
  title: string;
  disposition: string;
  rejectedReason: string | null;
  likelihoodLabel: string | null;
  confidenceLabel: string | null;
  reviewState: string;
  rationale: string;
};

export type BriefDissent = { hypothesisId: string; hypothesisTitle: string; author: string; body: string; at: string };

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
};

export type BriefChange = { hypothesisId: string; title: string; version: number; at: string; by: string; reason: string; fields: string[]; kind: "added" | "changed" };

export type BriefModel = {
  case: { id: string; title: string; tlp: string; tlpLabel: string; status: string };
  template: BriefTemplate;
  sections: BriefSection[];
  releaseNumber: number;
  generatedAt: string;
  bluf: string;
  judgments: BriefJudgment[];
  alternatives: BriefAlternative[];
  dissent: BriefDissent[];
  claims: BriefClaim[];
  footnotes: BriefFootnote[];
  timeline: { id: string; title: string; date: string; precision: string; occurredAt: string; claimIds: string[] }[];
  sources: BriefSource[];
  changes: BriefChange[];
  previousRelease: { number: number; at: string } | null;
  // Estimative words in the brief's own text that disagree with the stored likelihood.
  wordingWarnings: { hypothesisId: string; phrase: string; phraseMeans: string; stored: string; field: string }[];
  // What a release must still satisfy; empty when it may be released.
  blockers: string[];
};
