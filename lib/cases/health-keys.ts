// The case overview's evidence-health lists (issue 15), shared by the server (lib/cases/evidence-health.ts) and the
// claims table, which shows each list with `?health=<key>`.
export const HEALTH_KEYS = ["single-origin", "weak-sources", "outruns"] as const;
export type HealthKey = (typeof HEALTH_KEYS)[number];

export const HEALTH_LABELS: Record<HealthKey, string> = {
  "single-origin": "Claims resting on a single origin",
  "weak-sources": "Claims only from D–F sources",
  outruns: "Claims graded beyond their independent corroboration",
};
