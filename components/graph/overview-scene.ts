// The overview drawing of a large graph (issue 15), the parts without a browser: where each node and edge is,
// which node is under a point, how the view zooms, what a selection highlights, and the SVG export. The canvas
// that draws it is overview-drawing.ts; cytoscape.js draws case-sized graphs (see graph-canvas.tsx for why).
import type { GraphEdge, GraphNode } from "@/lib/graph/schemas";
import { EDGE_STYLES, NODE_SHAPES, RELIABILITY_COLOURS, TYPE_COLOURS } from "./graph-styles";
import { edgeStyleKey, nodeLabel, type Positions } from "./graph-elements";

/** A node's half-width in graph units (cytoscape draws nodes 22 wide). */
export const NODE_RADIUS = 11;
const HIT_CELL = 48;

export type Viewport = { zoom: number; pan: { x: number; y: number } };
export const MIN_ZOOM = 0.05;
export const MAX_ZOOM = 4;

/** Line dash patterns in graph units, by line style. */
export const DASHES: Record<"solid" | "dashed" | "dotted", number[]> = { solid: [], dashed: [6, 4], dotted: [1.5, 3] };

export type EdgeGroup = { key: string; line: "solid" | "dashed" | "dotted"; colour: string; width: number; edges: number[] };

export type OverviewScene = {
  nodes: GraphNode[];
  edges: GraphEdge[];
  xs: Float64Array;
  ys: Float64Array;
  /** For edge i, the indices of its source (2i) and target (2i+1) in `nodes`. */
  ends: Int32Array;
  indexOf: Map<string, number>;
  fills: string[];
  /** Each node's label cut to the width between two columns (its whole label shows on hover, selection and in <title>). */
  labels: string[];
  /** Edges by how they are drawn (one stroke per group), circular corroboration in a thicker group of its own. */
  groups: EdgeGroup[];
  grid: Map<string, number[]>;
  bounds: { minX: number; minY: number; maxX: number; maxY: number };
};

/** About how many characters of a 9-unit sans-serif label fit between two columns of the bands (48 apart). */
export const LABEL_CHARS = 9;

/** A label cut to LABEL_CHARS, whole characters only, with an ellipsis when cut. */
export function fitLabel(label: string, chars = LABEL_CHARS): string {
  const cps = Array.from(label);
  return cps.length <= chars
    ? label
    : `${cps
        .slice(0, chars - 1)
        .join("")
        .trimEnd()}…`;
}

/** A node's label in the overview: cut to fit, keeping the circular-reporting mark (⟲) that ends a claim's label. */
export function overviewLabel(n: GraphNode): string {
  const label = nodeLabel(n);
  if (!n.circular || Array.from(label).length <= LABEL_CHARS) return fitLabel(label);
  return `${fitLabel(label.replace(/ ⟲$/, ""), LABEL_CHARS - 2)} ⟲`;
}

const cellKey = (x: number, y: number) => `${Math.floor(x / HIT_CELL)},${Math.floor(y / HIT_CELL)}`;

/** A node's fill: sources and documents take their Admiralty grade's colour, the rest their type's. */
export function nodeFill(n: GraphNode): string {
  if (n.type === "source" || n.type === "document") return RELIABILITY_COLOURS[n.reliability ?? "none"] ?? RELIABILITY_COLOURS.none;
  return TYPE_COLOURS[n.type];
}

export function buildScene(nodes: GraphNode[], edges: GraphEdge[], positions: Positions): OverviewScene {
  const xs = new Float64Array(nodes.length);
  const ys = new Float64Array(nodes.length);
  const indexOf = new Map<string, number>();
  const grid = new Map<string, number[]>();
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  nodes.forEach((n, i) => {
    const p = positions.get(n.id) ?? { x: 0, y: 0 };
    xs[i] = p.x;
    ys[i] = p.y;
    indexOf.set(n.id, i);
    const key = cellKey(p.x, p.y);
    const cell = grid.get(key);
    if (cell) cell.push(i);
    else grid.set(key, [i]);
    [minX, minY, maxX, maxY] = [Math.min(minX, p.x), Math.min(minY, p.y), Math.max(maxX, p.x), Math.max(maxY, p.y)];
  });
  if (!nodes.length) [minX, minY, maxX, maxY] = [0, 0, 0, 0];
  const ends = new Int32Array(edges.length * 2);
  const groups = new Map<string, EdgeGroup>();
  edges.forEach((e, i) => {
    ends[2 * i] = indexOf.get(e.source) ?? -1;
    ends[2 * i + 1] = indexOf.get(e.target) ?? -1;
    const styleKey = edgeStyleKey(e);
    const key = e.circular ? `${styleKey} circular` : styleKey;
    let group = groups.get(key);
    if (!group) {
      const s = EDGE_STYLES[styleKey] ?? EDGE_STYLES.quotes;
      group = { key, line: s.line, colour: s.colour, width: e.circular ? 4 : s.width, edges: [] };
      groups.set(key, group);
    }
    group.edges.push(i);
  });
  return {
    nodes,
    edges,
    xs,
    ys,
    ends,
    indexOf,
    fills: nodes.map(nodeFill),
    labels: nodes.map(overviewLabel),
    groups: [...groups.values()],
    grid,
    bounds: { minX, minY, maxX, maxY },
  };
}

/** The node under a point in graph units (the nearest within its radius, a little more to forgive a finger), or -1. */
export function nodeAt(scene: OverviewScene, x: number, y: number, slack = 3): number {
  const [cx, cy] = [Math.floor(x / HIT_CELL), Math.floor(y / HIT_CELL)];
  let best = -1;
  let bestD = (NODE_RADIUS + slack) ** 2;
  for (let dx = -1; dx <= 1; dx++) {
    for (let dy = -1; dy <= 1; dy++) {
      for (const i of scene.grid.get(`${cx + dx},${cy + dy}`) ?? []) {
        const d = (scene.xs[i] - x) ** 2 + (scene.ys[i] - y) ** 2;
        if (d <= bestD) [best, bestD] = [i, d];
      }
    }
  }
  return best;
}

/** The view after zooming by `factor` about a point on screen, which stays where it is; the zoom stays in its limits. */
export function zoomAbout(vp: Viewport, factor: number, sx: number, sy: number): Viewport {
  const zoom = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, vp.zoom * factor));
  const [gx, gy] = [(sx - vp.pan.x) / vp.zoom, (sy - vp.pan.y) / vp.zoom];
  return { zoom, pan: { x: sx - gx * zoom, y: sy - gy * zoom } };
}

export type Highlight = {
  selected: string | null;
  /** Fade everything but the chain (a claim that reached us through others). */
  fade: boolean;
  chainNodes: Set<string>;
  /** Indices of the edges along the provenance chain. */
  chainEdges: Set<number>;
  /** Indices of the selected node's own relationships, drawn with their labels. */
  labelled: Set<number>;
};

/**
 * What selecting a node highlights, for both drawings: its relationships (labelled), and for a claim that reached
 * us through others its provenance chain (the claims it repeats, the document quoted, the origin) with the rest
 * faded. A chain edge joins two chain members at most two steps apart (claim → document → source).
 */
export function highlightOf(selected: GraphNode | null, edges: GraphEdge[]): Highlight {
  const none: Highlight = { selected: null, fade: false, chainNodes: new Set(), chainEdges: new Set(), labelled: new Set() };
  if (!selected) return none;
  const chain = selected.origin?.chain ?? [selected.id];
  const at = new Map(chain.map((id, i) => [id, i]));
  const h: Highlight = { ...none, selected: selected.id, fade: chain.length > 1, chainNodes: new Set(chain.length > 1 ? chain : []) };
  edges.forEach((e, i) => {
    if (e.source === selected.id || e.target === selected.id) h.labelled.add(i);
    if (!h.fade) return;
    const [a, b] = [at.get(e.source), at.get(e.target)];
    if (a !== undefined && b !== undefined && Math.abs(a - b) <= 2) {
      h.chainEdges.add(i);
      h.labelled.add(i);
    }
  });
  return h;
}

/** The outline of each node shape as points on a circle of radius 1 (null: a circle). */
export const SHAPE_POINTS: Record<string, [number, number][] | null> = (() => {
  const ring = (n: number, start: number, radii: number[] = [1]) =>
    Array.from({ length: n }, (_, i) => {
      const a = start + (i * 2 * Math.PI) / n;
      const r = radii[i % radii.length];
      return [Number((r * Math.cos(a)).toFixed(4)), Number((r * Math.sin(a)).toFixed(4))] as [number, number];
    });
  return {
    ellipse: null,
    rectangle: [
      [-1, -1],
      [1, -1],
      [1, 1],
      [-1, 1],
    ],
    hexagon: ring(6, 0),
    diamond: ring(4, -Math.PI / 2),
    triangle: [
      [0, -1],
      [1, 1],
      [-1, 1],
    ],
    tag: [
      [-1, -1],
      [0.5, -1],
      [1, 0],
      [0.5, 1],
      [-1, 1],
    ],
    star: ring(10, -Math.PI / 2, [1, 0.45]),
  };
})();

const xml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const num = (v: number) => Number(v.toFixed(1));

/**
 * The whole graph as SVG: one group per relationship style (line style, colour, width), one symbol per node
 * shape, every node with its label and a <title> naming it in full. Sized to the graph, white background.
 */
export function overviewSvg(scene: OverviewScene): string {
  const pad = NODE_RADIUS + 30;
  const { minX, minY, maxX, maxY } = scene.bounds;
  const [x0, y0, w, h] = [minX - pad, minY - pad, maxX - minX + 2 * pad, maxY - minY + 2 * pad];
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${num(w)}" height="${num(h)}" viewBox="${num(x0)} ${num(y0)} ${num(w)} ${num(h)}" font-family="sans-serif">`,
    `<rect x="${num(x0)}" y="${num(y0)}" width="${num(w)}" height="${num(h)}" fill="#ffffff"/>`,
    "<defs>",
  ];
  for (const [shape, points] of Object.entries(SHAPE_POINTS)) {
    const r = NODE_RADIUS;
    out.push(
      points
        ? `<polygon id="shape-${shape}" points="${points.map(([x, y]) => `${num(x * r)},${num(y * r)}`).join(" ")}"/>`
        : `<circle id="shape-${shape}" r="${r}"/>`,
    );
  }
  out.push("</defs>");
  for (const g of scene.groups) {
    const dash = DASHES[g.line].length ? ` stroke-dasharray="${DASHES[g.line].join(" ")}"` : "";
    out.push(`<g class="edges ${xml(g.key)}" stroke="${g.colour}" stroke-width="${g.width}"${dash} stroke-linecap="round">`);
    for (const i of g.edges) {
      const [s, t] = [scene.ends[2 * i], scene.ends[2 * i + 1]];
      if (s < 0 || t < 0) continue;
      out.push(`<line x1="${num(scene.xs[s])}" y1="${num(scene.ys[s])}" x2="${num(scene.xs[t])}" y2="${num(scene.ys[t])}"/>`);
    }
    out.push("</g>");
  }
  out.push(`<g class="nodes" stroke="#334155" stroke-width="1" font-size="9" text-anchor="middle">`);
  scene.nodes.forEach((n, i) => {
    const [x, y] = [num(scene.xs[i]), num(scene.ys[i])];
    const extra = n.circular ? ` stroke="#b91c1c" stroke-width="3"` : "";
    const opacity = n.rejected ? ` opacity="0.4"` : "";
    out.push(
      `<g${opacity}><title>${xml(`${n.type}: ${n.label}`)}</title>` +
        `<use xlink:href="#shape-${NODE_SHAPES[n.type]}" x="${x}" y="${y}" fill="${scene.fills[i]}"${extra}/>` +
        `<text x="${x}" y="${num(scene.ys[i] + NODE_RADIUS + 12)}" stroke="none" fill="#0f172a">${xml(scene.labels[i])}</text></g>`,
    );
  });
  out.push("</g></svg>");
  return out.join("\n");
}
