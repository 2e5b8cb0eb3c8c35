// TanStack Query keys for attribution, ACH and review (kept apart from query-keys.ts so the
// attribution work can grow without touching the other domains' keys). Only add keys here.
export const attributionKeys = {
  all: (caseId: string) => ["cases", caseId, "attribution"] as const,
  questions: (caseId: string) => [...attributionKeys.all(caseId), "questions"] as const,
};
export const hypothesisKeys = {
  detail: (hypothesisId: string) => ["hypotheses", hypothesisId] as const,
};
export const commentKeys = {
  thread: (caseId: string, targetType: string, targetId: string) => ["cases", caseId, "comments", targetType, targetId] as const,
};
export const reviewKeys = {
  queue: () => ["reviews", "queue"] as const,
};
export const achKeys = {
  // One matrix per question; "first" stands for the case's first question when none was picked.
  matrix: (caseId: string, questionId: string | null) => [...attributionKeys.all(caseId), "ach", questionId ?? "first"] as const,
};
export const presenceKeys = {
  case: (caseId: string) => ["cases", caseId, "presence"] as const,
};
