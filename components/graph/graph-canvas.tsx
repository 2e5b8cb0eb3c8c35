"use client";
import { useEffect, useRef, useState } from "react";
import type { Core, ElementDefinition, StylesheetJson } from "cytoscape";
import type { GraphEdge, GraphNode } from "@/lib/graph/schemas";
import { EDGE_STYLES, NODE_SHAPES, RELIABILITY_COLOURS, TYPE_COLOURS } from "./graph-styles";

export type GraphCanvasHandle = { center: (id: string) => void; exportPng: () => void; exportSvg: () => void };

function download(name: string, blob: Blob) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const LARGE_GRAPH = 600;

const short = (s: string, n = 48) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function nodeLabel(n: GraphNode): string {
  if (n.type === "claim") return `${n.grade ?? ""} ${short(n.label)}${n.rejected ? " (rejected)" : ""}${n.circular ? " ⟲" : ""}`;
  if (n.type === "source") return `[${n.reliability ?? "–"}] ${short(n.label)}`;
  return short(n.label);
}

/** cytoscape and its SVG exporter, loaded once; the explorer starts this while the graph is still being fetched. */
const importCytoscape = () => Promise.all([import("cytoscape"), import("cytoscape-svg")]);
let cytoscapeModules: ReturnType<typeof importCytoscape> | null = null;
export function loadCytoscape() {
  cytoscapeModules ??= importCytoscape();
  return cytoscapeModules;
}

const BLOCK_GAP = 120;
const CELL = 48;

/**
 * Positions for a large graph, worked out here in one pass instead of by a layout run: each node type in its
 * own block (a near-square grid), the blocks side by side in the order of the types, so sources, documents,
 * claims… read as bands. A grid or force layout over thousands of nodes costs more than the drawing.
 */
type Positions = Map<string, { x: number; y: number }>;

/** The zoom and pan that fit these positions into a box of width × height, worked out without measuring any element. */
function fitViewport(positions: Positions, width: number, height: number, padding = 30) {
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

function bandPositions(nodes: GraphNode[]): Positions {
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

function elements(nodes: GraphNode[], edges: GraphEdge[], positions: Positions | null): ElementDefinition[] {
  return [
    ...nodes.map((n) => ({
      ...(positions ? { position: positions.get(n.id) } : {}),
      data: {
        id: n.id,
        label: nodeLabel(n),
        type: n.type,
        colour: n.type === "source" || n.type === "document" ? RELIABILITY_COLOURS[n.reliability ?? "none"] : TYPE_COLOURS[n.type],
        shape: NODE_SHAPES[n.type],
      },
      classes: [n.rejected ? "rejected" : "", n.circular ? "circular" : ""].filter(Boolean).join(" "),
    })),
    ...edges.map((e) => {
      const style = EDGE_STYLES[e.type === "rated" ? `rated_${e.rating?.reading ?? "neutral"}` : e.type];
      return {
        data: {
          id: `${e.type}:${e.source}->${e.target}`,
          source: e.source,
          target: e.target,
          label: e.label,
          line: style.line,
          colour: style.colour,
          width: e.circular ? 4 : style.width,
        },
        classes: e.circular ? "circular" : "",
      };
    }),
  ];
}

const STYLE: StylesheetJson = [
  {
    selector: "node",
    style: {
      "background-color": "data(colour)",
      shape: "data(shape)" as never,
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
  { selector: "node.rejected", style: { opacity: 0.4 } },
  { selector: "node.circular", style: { "border-width": 3, "border-style": "double", "border-color": "#b91c1c" } },
  {
    selector: "edge",
    style: {
      width: "data(width)",
      "line-style": "data(line)" as never,
      "line-color": "data(colour)",
      "target-arrow-color": "data(colour)",
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
  { selector: ".faded", style: { opacity: 0.15 } },
  { selector: "node.chain", style: { "border-width": 4, "border-color": "#4338ca", opacity: 1 } },
  { selector: "edge.chain", style: { width: 4, "line-color": "#4338ca", "target-arrow-color": "#4338ca", opacity: 1 } },
  { selector: "node:selected", style: { "border-width": 4, "border-color": "#4338ca", "overlay-opacity": 0.1 } },
];

// A large graph draws straight "haystack" edges without arrows, and its labels only once zoomed in far enough
// to read them (labels are already shortened, so no ellipsis measuring): bezier curves with arrowheads and
// thousands of labels make every frame slow. Line styles, shapes and labels (when zoomed in) stay.
// Edge labels are drawn for the relationships of the selected node and its provenance chain ("labelled"):
// measuring thousands of edge labels was most of the time to first draw. The list view labels every one.
const LARGE_STYLE: StylesheetJson = [
  ...STYLE,
  { selector: "node", style: { "text-wrap": "none", "min-zoomed-font-size": 12 } },
  { selector: "edge", style: { "curve-style": "haystack", "target-arrow-shape": "none", label: "" } },
  { selector: "edge.labelled", style: { label: "data(label)", "min-zoomed-font-size": 6, "z-index": 10 } },
];

/**
 * The cytoscape.js drawing. cytoscape (and its SVG exporter) is imported dynamically here, so only this
 * page downloads it. Layout: cose (force-directed), without animation; precomputed bands for a large graph.
 */
export function GraphCanvas({
  caseId,
  nodes,
  edges,
  selected,
  onSelect,
  onReady,
}: {
  caseId: string;
  nodes: GraphNode[];
  edges: GraphEdge[];
  selected: GraphNode | null;
  onSelect: (id: string | null) => void;
  onReady: (handle: GraphCanvasHandle | null) => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const [state, setState] = useState<"loading" | "ready" | "failed">("loading");
  const onSelectRef = useRef(onSelect);
  useEffect(() => {
    onSelectRef.current = onSelect;
  }, [onSelect]);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      try {
        const [{ default: cytoscape }, { default: svg }] = await loadCytoscape();
        if (cancelled || !box.current) return;
        if (!(cytoscape as unknown as { svgRegistered?: boolean }).svgRegistered) {
          cytoscape.use(svg);
          (cytoscape as unknown as { svgRegistered?: boolean }).svgRegistered = true;
        }
        // A large graph is drawn at one pixel per CSS pixel, from a texture while panning and zooming, with its
        // edges hidden meanwhile (see LARGE_STYLE for the rest).
        const large = nodes.length > LARGE_GRAPH;
        const positions = large ? bandPositions(nodes) : null;
        const cy = cytoscape({
          container: box.current,
          elements: elements(nodes, edges, positions),
          // A preset layout's fit would measure every element (labels included) to find the bounds: the positions give them.
          ...(positions ? fitViewport(positions, box.current.clientWidth, box.current.clientHeight) : {}),
          style: large ? LARGE_STYLE : STYLE,
          pixelRatio: large ? 1 : "auto",
          hideLabelsOnViewport: large,
          // cose (force-directed) for case-sized graphs; above LARGE_GRAPH nodes, where cose takes seconds, the
          // positions come with the elements (bands by node type).
          layout: (large ? { name: "preset", fit: false } : { name: "cose", animate: false, nodeDimensionsIncludeLabels: false }) as never,
          wheelSensitivity: 0.3,
          minZoom: 0.05,
          maxZoom: 4,
          textureOnViewport: large,
          hideEdgesOnViewport: large,
        });
        cy.on("tap", "node", (evt) => onSelectRef.current(evt.target.id()));
        cyRef.current = cy;
        setState("ready");
        onReady({
          center: (id) => {
            const n = cy.getElementById(id);
            if (n.nonempty()) cy.animate({ center: { eles: n }, zoom: Math.max(cy.zoom(), 1) }, { duration: 200 });
          },
          exportPng: () => download(`case-${caseId}-graph.png`, cy.png({ full: true, output: "blob", bg: "#ffffff", scale: 2 }) as Blob),
          exportSvg: () => {
            const text = (cy as unknown as { svg: (o: object) => string }).svg({ full: true, bg: "#ffffff" });
            download(`case-${caseId}-graph.svg`, new Blob([text], { type: "image/svg+xml" }));
          },
        });
        box.current.dataset.ready = "true";
      } catch (err) {
        console.error(err);
        if (!cancelled) setState("failed");
      }
    })();
    return () => {
      cancelled = true;
      cyRef.current?.destroy();
      cyRef.current = null;
      onReady(null);
    };
    // The drawing is rebuilt when the filtered elements change; selection is applied below without a rebuild.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [nodes, edges, caseId]);

  // Provenance: the selected claim's chain back to its origin stands out; the rest fades.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy || state !== "ready") return;
    cy.batch(() => {
      cy.elements().removeClass("faded chain labelled");
      cy.$(":selected").unselect();
      if (!selected) return;
      const chain = selected.origin?.chain ?? [selected.id];
      const ids = new Set(chain);
      cy.getElementById(selected.id).select().connectedEdges().addClass("labelled");
      if (chain.length > 1) {
        cy.elements().addClass("faded");
        for (const id of chain) cy.getElementById(id).removeClass("faded").addClass("chain");
        cy.edges().forEach((e) => {
          const i = chain.indexOf(e.source().id());
          if (i >= 0 && ids.has(e.target().id()) && Math.abs(chain.indexOf(e.target().id()) - i) <= 2)
            e.removeClass("faded").addClass("chain labelled");
        });
      }
    });
  }, [selected, state]);

  return (
    <div className="space-y-1">
      <div
        ref={box}
        role="img"
        aria-label={`Evidence graph: ${nodes.length} nodes and ${edges.length} relationships. The list view shows the same nodes and relationships for keyboard and screen-reader use.`}
        data-testid="graph-canvas"
        className="h-[36rem] w-full rounded-md border border-slate-200 bg-white"
      />
      {state === "loading" && <p className="text-sm text-slate-600">Drawing the graph…</p>}
      {state === "failed" && (
        <p role="alert" className="text-sm text-red-800">
          The graph could not be drawn in this browser; the list view shows the same nodes and relationships.
        </p>
      )}
    </div>
  );
}
