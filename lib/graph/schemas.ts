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

// The answer is compact (a 2,000-node case was 2 MB as it was first written): an edge and a claim's origin chain name
// nodes by their index in `nodes` rather than repeating 40-character ids, and what the page can work out from the
// rest is left out (a node's record id is the part of its id after the colon; the edge labels follow from type,
// rating and circular; links of sources, documents… follow from type and id). lib/graph/expand-graph.ts turns
// it back into the page's model (GraphNode, GraphEdge below).
export const GraphOriginSchema = z.strictObject({
  chain: z
    .array(z.number().int().min(0))
    .describe(
      'Indices into `nodes` from the claim back to its origin: the claim, the claims it reaches along "repeats" links, the document the last one quotes, and the source it traces to (its named originator, else that document\'s source); no source at the end: ungraded',
    ),
});

export const GraphNodeSchema = z.strictObject({
  id: z.string().describe('"<type>:<record id>", e.g. "claim:0193…"'),
  type: z.enum(GRAPH_NODE_TYPES),
  label: z.string(),
  // source: its Admiralty reliability; document: its effective grade; claim: the grade its best quote lends (null: ungraded).
  reliability: Reliability.nullable().optional(),
  credibility: z.number().int().min(1).max(6).optional(),
  grade: z.string().optional().describe('claim: the Admiralty pair, e.g. "B2" ("–2" when ungraded)'),
  status: z.enum(["draft", "accepted", "disputed", "rejected"]).optional(),
  kind: z.string().optional().describe("source kind, claim kind, entity kind, indicator type, or hypothesis disposition"),
  origin: GraphOriginSchema.optional(),
  circular: z.literal(true).optional().describe("claim: counted as corroborating a claim that shares its origin (absent: not)"),
  href: z
    .string()
    .optional()
    .describe(
      "claim: where it opens in the app, the reader at its first quote (/cases/{caseId}/documents/{documentId}#excerpt-{excerptId}; the quoted words come with the claim, GET /api/cases/{caseId}/claims/{claimId}), else /cases/{caseId}/claims/{claimId}",
    ),
});

// No id: an edge is named by its type, source and target (at most one of each).
export const GraphEdgeSchema = z.strictObject({
  source: z.number().int().min(0).describe("Index into `nodes`"),
  target: z.number().int().min(0).describe("Index into `nodes`"),
  type: z.enum(GRAPH_EDGE_TYPES),
  note: z.string().optional(),
  // rated: mean of the raters' scores (NA counts as 3, STANDARDS.md §5) and what it reads as.
  rating: z
    .strictObject({ mean: z.number(), reading: z.enum(["consistent", "neutral", "inconsistent"]), raters: z.number().int() })
    .optional(),
  circular: z.boolean().optional().describe("corroborates: both claims share an origin (circular reporting)"),
});

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

/** A node as the page works with it: the answer's node with what the compact answer leaves out worked out again. */
export type GraphNode = Omit<z.infer<typeof GraphNodeSchema>, "origin" | "circular"> & {
  recordId: string;
  rejected?: boolean;
  circular?: boolean;
  origin?: {
    // The source the claim traces back to; null when ungraded.
    sourceId: string | null;
    label: string;
    // The claim at the end of its "repeats" chain (the claim itself when it repeats nothing).
    claimId: string;
    chain: string[];
  };
};

/** An edge as the page works with it: node ids, and the label it is drawn and listed with. */
export type GraphEdge = Omit<z.infer<typeof GraphEdgeSchema>, "source" | "target"> & { source: string; target: string; label: string };

export type CaseGraphView = { nodes: GraphNode[]; edges: GraphEdge[]; circular: CircularReport[]; rule: string };
