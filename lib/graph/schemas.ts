// The evidence graph of a case (issue 15): response schemas shared by the route, the page and the OpenAPI document.
import { z } from "zod";

export const GRAPH_NODE_TYPES = ["source", "document", "claim", "entity", "indicator", "technique", "hypothesis"] as const;
export type GraphNodeType = (typeof GRAPH_NODE_TYPES)[number];

// Relationship kinds, each drawn with its own line style and label (never colour alone).
export const GRAPH_EDGE_TYPES = [
  "published_by", // document → source
  "originated_by", // claim → the source named as its originator (the body that first made it)
  "quotes", // claim → document (one per document its quotes cite)
  "corroborates", // claim → claim
  "contradicts", // claim → claim
  "repeats", // claim → claim: only restates the other
  "about", // claim → entity
  "tagged", // claim → ATT&CK technique
  "rated", // claim → hypothesis, with the ACH rating (mean of raters)
  "indicates", // indicator → claim
] as const;
export type GraphEdgeType = (typeof GRAPH_EDGE_TYPES)[number];

const Reliability = z.enum(["A", "B", "C", "D", "E", "F"]);

export const GraphOriginSchema = z.strictObject({
  // The source the claim traces back to (its originator, else the source of the origin claim's document); null when ungraded.
  sourceId: z.string().nullable(),
  label: z.string(),
  // The claim at the end of its "repeats" chain (the claim itself when it repeats nothing).
  claimId: z.string(),
  // Node ids from the claim back to its origin: claims along "repeats" links, the cited document, the source.
  chain: z.array(z.string()),
});

export const GraphNodeSchema = z.strictObject({
  id: z.string().describe('"<type>:<record id>", e.g. "claim:0193…"'),
  type: z.enum(GRAPH_NODE_TYPES),
  recordId: z.string(),
  label: z.string(),
  // source: its Admiralty reliability; document: its effective grade; claim: the grade its best quote lends (null: ungraded).
  reliability: Reliability.nullable().optional(),
  credibility: z.number().int().min(1).max(6).optional(),
  grade: z.string().optional().describe('claim: the Admiralty pair, e.g. "B2" ("–2" when ungraded)'),
  status: z.enum(["draft", "accepted", "disputed", "rejected"]).optional(),
  rejected: z.boolean().optional(),
  kind: z.string().optional().describe("source kind, claim kind, entity kind, indicator type, or hypothesis disposition"),
  origin: GraphOriginSchema.optional(),
  circular: z.boolean().optional().describe("claim: counted as corroborating a claim that shares its origin"),
  href: z
    .string()
    .optional()
    .describe(
      "Where the record opens in the app (a claim: the reader at its first quote, /cases/{caseId}/documents/{documentId}#excerpt-{excerptId}; the quoted words come with the claim, GET /api/cases/{caseId}/claims/{claimId})",
    ),
});
export type GraphNode = z.infer<typeof GraphNodeSchema>;

// No id: an edge is named by its type, source and target (at most one of each), and leaving the id out keeps
// thousands of edges' worth of repeated node ids out of the answer.
export const GraphEdgeSchema = z.strictObject({
  source: z.string(),
  target: z.string(),
  type: z.enum(GRAPH_EDGE_TYPES),
  label: z.string(),
  note: z.string().nullable().optional(),
  // rated: mean of the raters' scores (NA counts as 3, STANDARDS.md §5) and what it reads as.
  rating: z
    .strictObject({ mean: z.number(), reading: z.enum(["consistent", "neutral", "inconsistent"]), raters: z.number().int() })
    .optional(),
  circular: z.boolean().optional().describe("corroborates: both claims share an origin (circular reporting)"),
});
export type GraphEdge = z.infer<typeof GraphEdgeSchema>;

export const CircularReportSchema = z.strictObject({
  claimIds: z.tuple([z.string(), z.string()]),
  originLabel: z.string(),
  explanation: z.string(),
});
export type CircularReport = z.infer<typeof CircularReportSchema>;

export const CaseGraphResponseSchema = z.strictObject({
  nodes: z.array(GraphNodeSchema),
  edges: z.array(GraphEdgeSchema),
  circular: z
    .array(CircularReportSchema)
    .describe("Pairs of claims linked as corroborating that share one origin, with one explanation each"),
  rule: z.string().describe("The independence rule the origins and circular marks follow"),
});
export type CaseGraph = z.infer<typeof CaseGraphResponseSchema>;
