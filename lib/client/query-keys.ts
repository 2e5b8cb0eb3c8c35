// TanStack Query keys, one factory per domain, so mutations invalidate exactly what they change.
export const caseKeys = {
  all: ["cases"] as const,
  list: () => [...caseKeys.all, "list"] as const,
  detail: (caseId: string) => [...caseKeys.all, caseId] as const,
};
export const documentKeys = {
  list: (caseId: string) => ["cases", caseId, "documents"] as const,
  detail: (caseId: string, documentId: string) => ["cases", caseId, "documents", documentId] as const,
};
