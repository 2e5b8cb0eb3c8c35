// How the graph draws each kind of thing. Relationship kinds differ by line style and carry a label, so
// colour is never the only carrier of meaning; node types differ by shape as well as colour.
import type { GraphNodeType } from "@/lib/graph/schemas";

export const RELIABILITY_COLOURS: Record<string, string> = {
  A: "#15803d",
  B: "#65a30d",
  C: "#ca8a04",
  D: "#ea580c",
  E: "#dc2626",
  F: "#6b7280",
  none: "#cbd5e1",
};

export const TYPE_COLOURS: Record<GraphNodeType, string> = {
  source: "#64748b",
  document: "#94a3b8",
  claim: "#6366f1",
  entity: "#0ea5e9",
  indicator: "#a855f7",
  technique: "#f59e0b",
  hypothesis: "#14b8a6",
};

export const NODE_SHAPES: Record<GraphNodeType, string> = {
  source: "hexagon",
  document: "rectangle",
  claim: "ellipse",
  entity: "diamond",
  indicator: "triangle",
  technique: "tag",
  hypothesis: "star",
};

export type EdgeStyle = { line: "solid" | "dashed" | "dotted"; colour: string; width: number; legend: string };

export const EDGE_STYLES: Record<string, EdgeStyle> = {
  published_by: { line: "solid", colour: "#94a3b8", width: 1, legend: "published by (document → source)" },
  originated_by: { line: "dotted", colour: "#64748b", width: 1.5, legend: "originated by (claim → the source that first made it)" },
  quotes: { line: "solid", colour: "#cbd5e1", width: 1, legend: "quotes (claim → document)" },
  corroborates: { line: "solid", colour: "#15803d", width: 2, legend: "corroborates (thick: circular, one origin)" },
  contradicts: { line: "dashed", colour: "#b91c1c", width: 2, legend: "contradicts" },
  repeats: { line: "dotted", colour: "#7c3aed", width: 2, legend: "repeats (only restates the other)" },
  about: { line: "solid", colour: "#bae6fd", width: 1, legend: "about (claim → entity)" },
  tagged: { line: "solid", colour: "#fcd34d", width: 1, legend: "tagged (claim → ATT&CK technique)" },
  indicates: { line: "solid", colour: "#d8b4fe", width: 1, legend: "indicates (indicator → claim)" },
  rated_consistent: { line: "solid", colour: "#0f766e", width: 1.5, legend: "ACH: consistent (mean of raters)" },
  rated_neutral: { line: "dotted", colour: "#94a3b8", width: 1, legend: "ACH: neutral" },
  rated_inconsistent: { line: "dashed", colour: "#be123c", width: 1.5, legend: "ACH: inconsistent" },
};
