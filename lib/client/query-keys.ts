// TanStack Query keys, one factory per domain, all in this file, so mutations invalidate exactly what they change.
// Case-scoped keys start with caseKeys.detail(caseId), so invalidating that prefix refreshes everything of a case.
// Components never write a key as an inline array: add a factory here.
export const caseKeys = {
  all: ["cases"] as const,
  list: () => [...caseKeys.all, "list"] as const,
  detail: (caseId: string) => [...caseKeys.all, caseId] as const,
};
export const documentKeys = {
  list: (caseId: string) => ["cases", caseId, "documents"] as const,
  // The list with or without retracted documents (a prefix of list(caseId), so invalidating the list covers both).
  listing: (caseId: string, opts: { showRetracted: boolean }) => [...documentKeys.list(caseId), opts] as const,
  detail: (caseId: string, documentId: string) => ["cases", caseId, "documents", documentId] as const,
  // The reader's copy (its own data shape), under the document's key so invalidating the document refreshes it.
  reader: (caseId: string, documentId: string) => [...documentKeys.detail(caseId, documentId), "reader"] as const,
};
export const claimKeys = {
  all: (caseId: string) => ["cases", caseId, "claims"] as const,
  list: (caseId: string, filters: Record<string, unknown>) => [...claimKeys.all(caseId), "list", filters] as const,
  detail: (caseId: string, claimId: string) => [...claimKeys.all(caseId), claimId] as const,
};
// The case's evidence graph (GET /api/cases/{caseId}/graph).
export const graphKeys = {
  detail: (caseId: string) => ["cases", caseId, "graph"] as const,
};
export const sourceKeys = {
  list: (caseId: string) => ["cases", caseId, "sources"] as const,
  listing: (caseId: string, opts: { showRetracted: boolean }) => [...sourceKeys.list(caseId), opts] as const,
  // The reader's source picker (its own data shape), under the list's key.
  reader: (caseId: string) => [...sourceKeys.list(caseId), "reader"] as const,
};
export const entityKeys = {
  list: (caseId: string) => ["cases", caseId, "entities"] as const,
  // The reader's entity tagger (its own data shape), under the list's key.
  reader: (caseId: string) => [...entityKeys.list(caseId), "reader"] as const,
  // Pickers that need only id, name and kind (the indicator's "indicates"), under the list's key.
  options: (caseId: string) => [...entityKeys.list(caseId), "options"] as const,
  detail: (caseId: string, entityId: string) => ["cases", caseId, "entities", entityId] as const,
};
export const eventKeys = {
  list: (caseId: string) => ["cases", caseId, "events"] as const,
  listing: (caseId: string, opts: { showRetracted: boolean }) => [...eventKeys.list(caseId), opts] as const,
};
// The case team (GET /api/cases/{caseId}/members).
export const memberKeys = {
  list: (caseId: string) => ["cases", caseId, "members"] as const,
};
export const presenceKeys = {
  case: (caseId: string) => ["cases", caseId, "presence"] as const,
};

// Attribution: questions, hypotheses, the ACH matrix, comments and the review queue.
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
  // Mutation key shared by rating and clearing a cell: one queue for every change to the caller's ratings.
  rate: () => ["ach", "rate"] as const,
};

// The brief page. The draft and the releases are cached apart, so a release refreshes both explicitly.
export const briefKeys = {
  all: (caseId: string) => ["cases", caseId, "brief"] as const,
  draft: (caseId: string) => [...briefKeys.all(caseId), "draft"] as const,
  releases: (caseId: string) => [...briefKeys.all(caseId), "releases"] as const,
  documents: (caseId: string) => [...briefKeys.all(caseId), "documents"] as const,
  // A preview of an unsaved template/section choice (nothing saved).
  preview: (caseId: string, template: string | undefined, sections: string | undefined) =>
    [...briefKeys.all(caseId), "draft", "preview", template, sections] as const,
};

// Not case-scoped: search, the admin console, the user's API tokens.
export const searchKeys = {
  all: ["search"] as const,
  quick: (q: string) => ["search", "quick", q] as const,
};
export const adminKeys = {
  users: () => ["admin", "users"] as const,
};
export const tokenKeys = {
  list: () => ["api-tokens", "list"] as const,
};
// The ATT&CK catalogue (shipped with the app): the technique picker's searches.
export const attackKeys = {
  techniques: (q: string) => ["attack", "techniques", q] as const,
};
// A case's indicators (observables): the list page, one indicator, and a document's suggestions in the reader.
export const indicatorKeys = {
  all: (caseId: string) => ["cases", caseId, "indicators"] as const,
  list: (caseId: string, filters: Record<string, unknown>) => [...indicatorKeys.all(caseId), "list", filters] as const,
  detail: (caseId: string, indicatorId: string) => [...indicatorKeys.all(caseId), indicatorId] as const,
  suggestions: (caseId: string, documentId: string, page: number) =>
    [...indicatorKeys.all(caseId), "suggestions", documentId, page] as const,
};
