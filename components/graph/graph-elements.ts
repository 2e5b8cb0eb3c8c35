// The elements and styles of the graph drawing, kept apart from React so they can be measured on their own.
import type { ElementDefinition, StylesheetJson } from "cytoscape";
import type { GraphEdge, GraphNode } from "@/lib/graph/schemas";
import { EDGE_STYLES, NODE_SHAPES, RELIABILITY_COLOURS, TYPE_COLOURS } from "./graph-styles";

export const LARGE_GRAPH = 600;

const short = (s: string, n = 48) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function nodeLabel(n: GraphNode): string {
  if (n.type === "claim")
    return `${n.grade ? `${n.grade} ` : ""}${short(n.label)}${n.rejected ? " (rejected)" : ""}${n.circular ? " ⟲" : ""}`;
  if (n.type === "source") return `[${n.reliability ?? "–"}] ${short(n.label)}`;
  return short(n.label);
}

const BLOCK_GAP = 120;
const CELL = 48;

/**
 * Positions for a large graph, worked out here in one pass instead of by a layout run: each node type in its
 * own block (a near-square grid), the blocks side by side in the order of the types, so sources, documents,
 * claims… read as bands. A grid or force layout over thousands of nodes costs more than the drawing.
 */
/**
 * A layout that leaves the nodes where their definitions put them (registered as "keep"). The "preset" layout
 * given no positions sets every node's position again, with the events and bounding-box invalidation each set
 * brings: about a fifth of building a 2,000-node graph, for nothing when the positions came with the elements.
 * A function, not a class: cytoscape calls a layout's constructor on its own object (`registrant.call(this, …)`).
 */
type KeepLayoutThis = {
  options: { ready?: () => void; stop?: () => void };
  emit: (event: string) => void;
  one: (event: string, handler?: () => void) => void;
};
export function KeepLayout() {
  // cytoscape sets `options` and mixes the event methods in.
}
KeepLayout.prototype.run = function (this: KeepLayoutThis) {
  this.emit("layoutstart");
  this.one("layoutready", this.options.ready);
  this.emit("layoutready");
  this.one("layoutstop", this.options.stop);
  this.emit("layoutstop");
  return this;
};

export type Positions = Map<string, { x: number; y: number }>;

/** The zoom and pan that fit these positions into a box of width × height, worked out without measuring any element. */
export function fitViewport(positions: Positions, width: number, height: number, padding = 30) {
  // Nothing to fit (every node filtered out): the origin in the middle, at a zoom of 1.
  if (!positions.size) return { zoom: 1, pan: { x: width / 2, y: height / 2 } };
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const { x, y } of positions.values()) {
    [minX, minY, maxX, maxY] = [Math.min(minX, x), Math.min(minY, y), Math.max(maxX, x), Math.max(maxY, y)];
  }
  const [w, h] = [Math.max(1, maxX - minX + CELL), Math.max(1, maxY - minY + CELL)];
  const zoom = Math.max(0.05, Math.min((width - 2 * padding) / w, (height - 2 * padding) / h, 1));
  return {
    zoom,
    pan: { x: (width - w * zoom) / 2 - (minX - CELL / 2) * zoom, y: (height - h * zoom) / 2 - (minY - CELL / 2) * zoom },
  };
}

export function bandPositions(nodes: GraphNode[]): Positions {
  const byType = new Map<string, GraphNode[]>();
  for (const n of nodes) {
    const list = byType.get(n.type) ?? [];
    list.push(n);
    byType.set(n.type, list);
  }
  const positions: Positions = new Map();
  const rows = Math.max(1, Math.ceil(Math.sqrt(nodes.length / 2)));
  let left = 0;
  for (const list of byType.values()) {
    const perColumn = Math.min(rows, list.length);
    list.forEach((n, i) => positions.set(n.id, { x: left + Math.floor(i / perColumn) * CELL, y: (i % perColumn) * CELL }));
    left += Math.ceil(list.length / perColumn) * CELL + BLOCK_GAP;
  }
  return positions;
}

/** The style-table key of an edge: its type, a rated edge by what its mean reads as. */
export const edgeStyleKey = (e: GraphEdge) => (e.type === "rated" ? `rated_${e.rating?.reading ?? "neutral"}` : e.type);

/**
 * The elements, styled by class (node type, grade, edge kind) rather than by per-element data mappers: the
 * stylesheet carries the look, an element only its id, label and classes.
 */
export function elements(nodes: GraphNode[], edges: GraphEdge[], positions: Positions | null): ElementDefinition[] {
  const out: ElementDefinition[] = new Array(nodes.length + edges.length);
  let k = 0;
  for (const n of nodes) {
    let classes = `t-${n.type}`;
    if (n.type === "source" || n.type === "document") classes += ` r-${n.reliability ?? "none"}`;
    if (n.rejected) classes += " rejected";
    if (n.circular) classes += " circular";
    out[k++] = {
      group: "nodes",
      data: { id: n.id, label: nodeLabel(n) },
      classes,
      ...(positions ? { position: positions.get(n.id) } : {}),
    };
  }
  edges.forEach((e, i) => {
    out[k++] = {
      group: "edges",
      data: { id: `e${i}`, source: e.source, target: e.target, label: e.label },
      classes: e.circular ? `e-${edgeStyleKey(e)} circular` : `e-${edgeStyleKey(e)}`,
    };
  });
  return out;
}

const NODE_KIND_RULES: StylesheetJson = [
  ...Object.entries(TYPE_COLOURS).map(([type, colour]) => ({
    selector: `node.t-${type}`,
    style: { "background-color": colour, shape: NODE_SHAPES[type as GraphNode["type"]] as never },
  })),
  // Sources and documents take the colour of their grade (after the type rules, so it wins).
  ...Object.entries(RELIABILITY_COLOURS).map(([grade, colour]) => ({ selector: `node.r-${grade}`, style: { "background-color": colour } })),
  { selector: "node.rejected", style: { opacity: 0.4 } },
  { selector: "node.circular", style: { "border-width": 3, "border-style": "double", "border-color": "#b91c1c" } },
];

const HIGHLIGHT_RULES: StylesheetJson = [
  { selector: ".faded", style: { opacity: 0.15 } },
  { selector: "node.chain", style: { "border-width": 4, "border-color": "#4338ca", opacity: 1 } },
  { selector: "edge.chain", style: { width: 4, "line-color": "#4338ca", "target-arrow-color": "#4338ca", opacity: 1 } },
  { selector: "node:selected", style: { "border-width": 4, "border-color": "#4338ca", "overlay-opacity": 0.1 } },
];

export const STYLE: StylesheetJson = [
  {
    selector: "node",
    style: {
      label: "data(label)",
      "font-size": 9,
      "text-valign": "bottom",
      "text-margin-y": 3,
      "text-wrap": "ellipsis",
      "text-max-width": "140px",
      color: "#0f172a",
      "min-zoomed-font-size": 7,
      width: 22,
      height: 22,
      "border-width": 1,
      "border-color": "#334155",
    },
  },
  ...NODE_KIND_RULES,
  {
    selector: "edge",
    style: {
      "target-arrow-shape": "triangle",
      "curve-style": "bezier",
      label: "data(label)",
      "font-size": 7,
      "text-rotation": "autorotate",
      "text-background-color": "#ffffff",
      "text-background-opacity": 0.8,
      "min-zoomed-font-size": 8,
      color: "#334155",
    },
  },
  ...Object.entries(EDGE_STYLES).map(([kind, s]) => ({
    selector: `edge.e-${kind}`,
    style: { width: s.width, "line-style": s.line, "line-color": s.colour, "target-arrow-color": s.colour },
  })),
  { selector: "edge.circular", style: { width: 4 } },
  ...HIGHLIGHT_RULES,
];

// A large graph draws straight "haystack" edges without arrows, and its labels only once zoomed in far enough
// to read them (labels are already shortened, so no ellipsis measuring): bezier curves with arrowheads and
// thousands of labels make every frame slow. Line styles, shapes and labels (when zoomed in) stay.
// Edge labels are drawn for the relationships of the selected node and its provenance chain ("labelled"):
// measuring thousands of edge labels was most of the time to first draw. The list view labels every one.
// Its own short stylesheet rather than STYLE with overrides: every property a rule sets is applied (and checked
// for bounds changes) on each of thousands of elements; this one sets about half as many.
export const LARGE_STYLE: StylesheetJson = [
  {
    selector: "node",
    style: {
      label: "data(label)",
      "font-size": 9,
      "text-valign": "bottom",
      "text-margin-y": 3,
      color: "#0f172a",
      "min-zoomed-font-size": 12,
      width: 22,
      height: 22,
      "border-width": 1,
      "border-color": "#334155",
    },
  },
  ...NODE_KIND_RULES,
  { selector: "edge", style: { "curve-style": "haystack" } },
  ...Object.entries(EDGE_STYLES).map(([kind, s]) => ({
    selector: `edge.e-${kind}`,
    style: { width: s.width, "line-style": s.line, "line-color": s.colour },
  })),
  { selector: "edge.circular", style: { width: 4 } },
  ...HIGHLIGHT_RULES,
  {
    selector: "edge.labelled",
    style: {
      label: "data(label)",
      "font-size": 7,
      "text-rotation": "autorotate",
      "text-background-color": "#ffffff",
      "text-background-opacity": 0.8,
      "min-zoomed-font-size": 6,
      color: "#334155",
      "z-index": 10,
    },
  },
];
