// The source row the registry shows: GET /api/cases/{caseId}/sources's shape, shared by page and client.
export type SourceRow = {
  id: string;
  name: string;
  kind: string;
  reliability: string;
  rationale: string;
  url: string | null;
  version: number;
  documentCount: number;
  retractedAt?: string | null;
  retractionReason?: string | null;
  regrades?: { at: string; by: string | null; from: string; to: string; reason: string | null }[];
};
export type SourceValues = { name: string; kind: string; reliability: string; rationale: string; url: string };

export function valuesOf(s: Pick<SourceRow, "name" | "kind" | "reliability" | "rationale" | "url">): SourceValues {
  return { name: s.name, kind: s.kind, reliability: s.reliability, rationale: s.rationale, url: s.url ?? "" };
}
