// The graph answer (GET /api/cases/{caseId}/graph, compact: nodes named by index, derivable fields left out)
// turned back into the page's model: node ids on edges and chains, record ids, links, labels and origins.
import { UNGRADED } from "@/lib/claims/ungraded";
import type { CaseGraph, CaseGraphView, GraphEdge, GraphNode } from "./schemas";

const EDGE_LABELS: Partial<Record<GraphEdge["type"], string>> = { published_by: "published by", originated_by: "originated by" };

/** The label an edge is drawn and listed with. */
export function edgeLabel(e: Pick<GraphEdge, "type" | "rating" | "circular">): string {
  if (e.type === "rated" && e.rating) return `${e.rating.reading} (${Number(e.rating.mean.toFixed(2))})`;
  if (e.type === "corroborates" && e.circular) return "corroborates (circular)";
  return EDGE_LABELS[e.type] ?? e.type;
}

/** Where a node opens in the app (a claim's link comes with the answer; an indicator has none). */
function nodeHref(caseId: string, type: GraphNode["type"], recordId: string): string | undefined {
  const base = `/cases/${caseId}`;
  switch (type) {
    case "source":
      return `${base}/sources`;
    case "document":
      return `${base}/documents/${recordId}`;
    case "claim":
      return `${base}/claims/${recordId}`;
    case "entity":
      return `${base}/entities/${recordId}`;
    case "technique":
      return `${base}/attack`;
    case "hypothesis":
      return `${base}/attribution/${recordId}`;
    case "indicator":
      return undefined;
  }
}

export function expandGraph(caseId: string, graph: CaseGraph): CaseGraphView {
  const ids = graph.nodes.map((n) => n.id);
  const nodes = graph.nodes.map((n): GraphNode => {
    const recordId = n.id.slice(n.id.indexOf(":") + 1);
    const { origin, ...rest } = n;
    const node: GraphNode = { ...rest, recordId, href: n.href ?? nodeHref(caseId, n.type, recordId) };
    if (n.type === "claim") {
      node.rejected = n.status === "rejected";
      node.circular = n.circular === true;
    }
    if (origin) {
      const chain = origin.chain.map((i) => ids[i]);
      const last = graph.nodes[origin.chain[origin.chain.length - 1]];
      const originClaim = [...origin.chain].reverse().find((i) => graph.nodes[i].type === "claim") ?? origin.chain[0];
      const source = last?.type === "source" ? last : null;
      node.origin = {
        sourceId: source ? source.id.slice("source:".length) : null,
        label: source ? source.label : UNGRADED,
        claimId: ids[originClaim].slice("claim:".length),
        chain,
      };
    }
    return node;
  });
  const edges = graph.edges.map((e): GraphEdge => ({ ...e, source: ids[e.source], target: ids[e.target], label: edgeLabel(e) }));
  return { nodes, edges, circular: graph.circular, rule: graph.rule };
}
