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
export const claimKeys = {
  all: (caseId: string) => ["cases", caseId, "claims"] as const,
  list: (caseId: string, filters: Record<string, unknown>) => [...claimKeys.all(caseId), "list", filters] as const,
  detail: (caseId: string, claimId: string) => [...claimKeys.all(caseId), claimId] as const,
};
export const sourceKeys = {
  list: (caseId: string) => ["cases", caseId, "sources"] as const,
};
export const entityKeys = {
  list: (caseId: string) => ["cases", caseId, "entities"] as const,
  detail: (caseId: string, entityId: string) => ["cases", caseId, "entities", entityId] as const,
};
export const eventKeys = {
  list: (caseId: string) => ["cases", caseId, "events"] as const,
};
