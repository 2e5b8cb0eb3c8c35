// TanStack Query keys for the brief page (kept beside its components: the shared key files belong to
// other domains). The draft and the releases are cached apart, so a release refreshes both explicitly.
export const briefKeys = {
  all: (caseId: string) => ["cases", caseId, "brief"] as const,
  draft: (caseId: string) => [...briefKeys.all(caseId), "draft"] as const,
  releases: (caseId: string) => [...briefKeys.all(caseId), "releases"] as const,
};
