// First guesses for the new-claim panel, taken from the quote itself. They only prefill fields the
// analyst then checks; nothing is stored without her saving it.
import type { CLAIM_KINDS } from "@/lib/claims/schemas";

type ClaimKind = (typeof CLAIM_KINDS)[number];

// A vendor's "we assess with moderate confidence" is the source's own confidence (STANDARDS.md §3):
// quoted as written, never turned into the analyst's confidence.
const CONFIDENCE = /\b(?:low|medium|moderate|high)(?:-|\s+)confidence\b/i;
const DENIAL = /\b(?:den(?:y|ies|ied)|reject(?:s|ed)?|refute[sd]?|baseless)\b/i;
const ASSESSMENT = /\b(?:assess(?:es|ed)?|judge[sd]?|believe[sd]?|likely|probably)\b/i;

/** The source's confidence words in the quote ("moderate confidence"), or "" when it has none. */
export function sourceConfidenceIn(quote: string): string {
  return CONFIDENCE.exec(quote)?.[0].replace(/\s+/g, " ") ?? "";
}

export function guessClaimKind(quote: string): ClaimKind {
  if (DENIAL.test(quote)) return "denial";
  if (CONFIDENCE.test(quote) || ASSESSMENT.test(quote)) return "assessment";
  return "allegation";
}
