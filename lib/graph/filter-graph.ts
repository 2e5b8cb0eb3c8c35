// The graph page's filters (issue 15), pure so the page, the list view and the tests share them. The
// state lives in the URL query: unknown values are dropped and reported, never a crash.
import { GRAPH_NODE_TYPES, type CaseGraphView, type GraphEdge, type GraphNode, type GraphNodeType } from "./schemas";

export const GRADE_VALUES = ["A", "B", "C", "D", "E", "F", "ungraded"] as const;
export const STATUS_VALUES = ["draft", "accepted", "disputed", "rejected"] as const;
export type GradeValue = (typeof GRADE_VALUES)[number];
export type StatusValue = (typeof STATUS_VALUES)[number];

export type GraphFilters = {
  types: GraphNodeType[];
  grades: GradeValue[];
  statuses: StatusValue[];
  hypothesis: string | null;
  focus: string | null;
  hops: 1 | 2 | 3;
  view: "graph" | "list";
  /** How the graph view draws: by the graph's size ("auto"), or as asked. */
  drawing: "auto" | "detailed" | "overview";
};

export const DRAWING_VALUES = ["auto", "detailed", "overview"] as const;

export type ParsedFilters = { filters: GraphFilters; ignored: string[] };

const list = (value: string | null | undefined) =>
  (value ?? "")
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean);

/** Reads the filters from the URL query; values that name nothing in this graph are left out and listed in `ignored`. */
export function parseGraphFilters(query: URLSearchParams, graph: Pick<CaseGraphView, "nodes">): ParsedFilters {
  const ignored: string[] = [];
  const pick = <T extends string>(name: string, allowed: readonly T[]): T[] => {
    const out: T[] = [];
    for (const v of list(query.get(name))) {
      if ((allowed as readonly string[]).includes(v)) out.push(v as T);
      else ignored.push(`${name}=${v}`);
    }
    return out;
  };
  const types = pick("types", GRAPH_NODE_TYPES);
  const grades = pick("grades", GRADE_VALUES);
  const statuses = pick("status", STATUS_VALUES);
  const ids = new Set(graph.nodes.map((n) => n.id));
  let hypothesis = query.get("hypothesis");
  if (hypothesis && !ids.has(`hypothesis:${hypothesis}`)) {
    ignored.push(`hypothesis=${hypothesis}`);
    hypothesis = null;
  }
  let focus = query.get("focus");
  if (focus && !ids.has(focus)) {
    ignored.push(`focus=${focus}`);
    focus = null;
  }
  const hopsRaw = query.get("hops");
  let hops: 1 | 2 | 3 = 1;
  if (hopsRaw) {
    if (["1", "2", "3"].includes(hopsRaw)) hops = Number(hopsRaw) as 1 | 2 | 3;
    else ignored.push(`hops=${hopsRaw}`);
  }
  const viewRaw = query.get("view");
  let view: "graph" | "list" = "graph";
  if (viewRaw === "list" || viewRaw === "graph") view = viewRaw;
  else if (viewRaw) ignored.push(`view=${viewRaw}`);
  const drawingRaw = query.get("drawing");
  let drawing: GraphFilters["drawing"] = "auto";
  if ((DRAWING_VALUES as readonly string[]).includes(drawingRaw ?? "")) drawing = drawingRaw as GraphFilters["drawing"];
  else if (drawingRaw) ignored.push(`drawing=${drawingRaw}`);
  return { filters: { types, grades, statuses, hypothesis: hypothesis || null, focus: focus || null, hops, view, drawing }, ignored };
}

/** The query string for these filters (defaults left out), so the state can be bookmarked and shared. */
export function graphFiltersQuery(f: GraphFilters): string {
  const q = new URLSearchParams();
  if (f.types.length) q.set("types", f.types.join(","));
  if (f.grades.length) q.set("grades", f.grades.join(","));
  if (f.statuses.length) q.set("status", f.statuses.join(","));
  if (f.hypothesis) q.set("hypothesis", f.hypothesis);
  if (f.focus) q.set("focus", f.focus);
  if (f.focus && f.hops !== 1) q.set("hops", String(f.hops));
  if (f.view !== "graph") q.set("view", f.view);
  if (f.drawing !== "auto") q.set("drawing", f.drawing);
  return q.toString();
}

const GRADED: readonly GraphNodeType[] = ["source", "document", "claim"];

/**
 * The nodes and edges the filters leave. Type, grade (sources, documents and claims) and status (claims)
 * filters drop nodes; a hypothesis keeps the claims rated against it. When claims are narrowed, the
 * context around them (documents and their sources, entities, indicators, techniques) is kept only where
 * it touches a kept claim. Focus keeps the nodes within `hops` relationships of one node.
 */
export function filterGraph(graph: Pick<CaseGraphView, "nodes" | "edges">, f: GraphFilters): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const neighbours = new Map<string, Set<string>>();
  for (const e of graph.edges) {
    if (!neighbours.has(e.source)) neighbours.set(e.source, new Set());
    if (!neighbours.has(e.target)) neighbours.set(e.target, new Set());
    neighbours.get(e.source)!.add(e.target);
    neighbours.get(e.target)!.add(e.source);
  }
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const rated = f.hypothesis
    ? new Set(graph.edges.filter((e) => e.type === "rated" && e.target === `hypothesis:${f.hypothesis}`).map((e) => e.source))
    : null;
  const keep = (n: GraphNode) => {
    if (f.types.length && !f.types.includes(n.type)) return false;
    if (f.grades.length && GRADED.includes(n.type) && !f.grades.includes(n.reliability ?? "ungraded")) return false;
    if (n.type === "claim" && f.statuses.length && !f.statuses.includes(n.status ?? "draft")) return false;
    if (n.type === "claim" && rated && !rated.has(n.id)) return false;
    if (n.type === "hypothesis" && f.hypothesis && n.recordId !== f.hypothesis) return false;
    return true;
  };
  let kept = new Set(graph.nodes.filter(keep).map((n) => n.id));
  if (rated || f.statuses.length) {
    const claims = [...kept].filter((id) => byId.get(id)!.type === "claim");
    const context = new Set<string>(claims);
    for (const c of claims) {
      for (const n of neighbours.get(c) ?? []) {
        context.add(n);
        // A document's source belongs to the claim's context too.
        if (byId.get(n)?.type === "document") for (const s of neighbours.get(n) ?? []) if (byId.get(s)?.type === "source") context.add(s);
      }
    }
    kept = new Set([...kept].filter((id) => byId.get(id)!.type === "claim" || context.has(id)));
  }
  if (f.focus && kept.has(f.focus)) {
    const near = new Set([f.focus]);
    let frontier = [f.focus];
    for (let hop = 0; hop < f.hops; hop++) {
      const next: string[] = [];
      for (const id of frontier) {
        for (const n of neighbours.get(id) ?? []) {
          if (kept.has(n) && !near.has(n)) {
            near.add(n);
            next.push(n);
          }
        }
      }
      frontier = next;
    }
    kept = near;
  }
  return {
    nodes: graph.nodes.filter((n) => kept.has(n.id)),
    edges: graph.edges.filter((e) => kept.has(e.source) && kept.has(e.target)),
  };
}
