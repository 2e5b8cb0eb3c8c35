"use client";
import { useEffect, useRef, useState } from "react";
import type { Core } from "cytoscape";
import type { GraphEdge, GraphNode } from "@/lib/graph/schemas";
import { KeepLayout, LARGE_GRAPH, LARGE_STYLE, STYLE, bandPositions, elements, fitViewport } from "./graph-elements";
import { OverviewDrawing } from "./overview-drawing";
import { MAX_ZOOM, MIN_ZOOM, highlightOf } from "./overview-scene";

export type GraphDrawing = "detailed" | "overview";
export type GraphCanvasHandle = { center: (id: string) => void; fit: () => void; exportPng: () => void; exportSvg: () => void };

/** Saves a drawing's export as case-{caseId}-graph.png or .svg. */
function saveExport(caseId: string, data: Blob | { svg: string }) {
  const blob = data instanceof Blob ? data : new Blob([data.svg], { type: "image/svg+xml" });
  const name = `case-${caseId}-graph.${data instanceof Blob ? "png" : "svg"}`;
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** cytoscape and its SVG exporter, loaded once; the explorer starts this as soon as it knows the drawing is detailed. */
const importCytoscape = () => Promise.all([import("cytoscape"), import("cytoscape-svg")]);
let cytoscapeModules: ReturnType<typeof importCytoscape> | null = null;
export function loadCytoscape() {
  cytoscapeModules ??= importCytoscape();
  return cytoscapeModules;
}

/**
 * A performance mark for the graph's load, to read in a profile (bench:graph reports them): graph:fetch (the
 * request is made), graph:data (the answer is read and expanded), graph:start, graph:built, graph:drawn.
 */
export const mark = (name: string) => {
  try {
    performance.mark(name);
  } catch {
    /* marks are only a measuring aid */
  }
};

/**
 * The graph drawing. "detailed": cytoscape.js, imported dynamically here (with its SVG exporter) so only this page
 * downloads it; layout cose (force-directed) without animation, precomputed bands for a large graph. "overview":
 * the same bands drawn on one canvas of our own (overview-drawing.ts), the default above LARGE_GRAPH nodes, where
 * cytoscape.js takes seconds to style and draw its first frame.
 */
export function GraphCanvas({
  caseId,
  nodes,
  edges,
  selected,
  drawing,
  onSelect,
  onReady,
}: {
  caseId: string;
  /** "overview": every node and edge on one canvas of our own, fast at any size; "detailed": cytoscape.js. */
  drawing: GraphDrawing;
  nodes: GraphNode[];
  edges: GraphEdge[];
  selected: GraphNode | null;
  onSelect: (id: string | null) => void;
  onReady: (handle: GraphCanvasHandle | null) => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const overviewRef = useRef<OverviewDrawing | null>(null);
  const [state, setState] = useState<"loading" | "ready" | "failed">("loading");
  const onSelectRef = useRef(onSelect);
  useEffect(() => {
    onSelectRef.current = onSelect;
  }, [onSelect]);

  useEffect(() => {
    let cancelled = false;
    const container = box.current;
    const ready = (handle: GraphCanvasHandle) => {
      mark("graph:drawn");
      setState("ready");
      onReady(handle);
      if (container) container.dataset.ready = "true";
    };
    if (drawing === "overview" && container) {
      // One canvas of our own: no library to load, drawn before the effect returns.
      mark("graph:start");
      let overview: OverviewDrawing;
      try {
        overview = new OverviewDrawing(container, nodes, edges, bandPositions(nodes), (id) => onSelectRef.current(id));
        overview.draw();
      } catch (err) {
        console.error(err);
        queueMicrotask(() => setState("failed"));
        return;
      }
      overviewRef.current = overview;
      // Ready in the next frame, the one that puts the drawing on screen.
      const frame = requestAnimationFrame(() =>
        ready({
          center: (id) => overview.center(id),
          fit: () => overview.fit(),
          exportPng: () => {
            overview.png().then(
              (blob) => saveExport(caseId, blob),
              (err) => console.error(err),
            );
          },
          exportSvg: () => saveExport(caseId, { svg: overview.svg() }),
        }),
      );
      return () => {
        cancelAnimationFrame(frame);
        setState("loading");
        delete container.dataset.ready;
        overview.destroy();
        overviewRef.current = null;
        onReady(null);
      };
    }
    (async () => {
      try {
        const [{ default: cytoscape }, { default: svg }] = await loadCytoscape();
        if (cancelled || !box.current) return;
        if (!(cytoscape as unknown as { svgRegistered?: boolean }).svgRegistered) {
          cytoscape.use(svg);
          cytoscape("layout", "keep", KeepLayout as never);
          (cytoscape as unknown as { svgRegistered?: boolean }).svgRegistered = true;
        }
        mark("graph:start");
        // A large graph drawn in detail (asked for: the overview is the default) is drawn at one pixel per CSS
        // pixel, from a texture while panning and zooming, with its edges hidden meanwhile (see LARGE_STYLE).
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
          // positions come with the elements (bands by node type) and stay as they are.
          layout: (large ? { name: "keep" } : { name: "cose", animate: false, nodeDimensionsIncludeLabels: false }) as never,
          wheelSensitivity: 0.3,
          minZoom: MIN_ZOOM,
          maxZoom: MAX_ZOOM,
          textureOnViewport: large,
          hideEdgesOnViewport: large,
        });
        mark("graph:built");
        cy.on("tap", "node", (evt) => onSelectRef.current(evt.target.id()));
        cyRef.current = cy;
        // Ready once the first frame is drawn (cytoscape draws in an animation frame after it is built, and for
        // thousands of elements that frame is most of the time), not when the elements are merely in.
        await new Promise<void>((resolve) => cy.one("render", () => resolve()));
        if (cancelled || !box.current) return;
        ready({
          center: (id) => {
            const n = cy.getElementById(id);
            if (n.nonempty()) cy.animate({ center: { eles: n }, zoom: Math.max(cy.zoom(), 1) }, { duration: 200 });
          },
          fit: () => {
            cy.animate({ fit: { eles: cy.elements(), padding: 30 } }, { duration: 200 });
          },
          exportPng: () => saveExport(caseId, cy.png({ full: true, output: "blob", bg: "#ffffff", scale: 2 }) as Blob),
          exportSvg: () =>
            saveExport(caseId, { svg: (cy as unknown as { svg: (o: object) => string }).svg({ full: true, bg: "#ffffff" }) }),
        });
      } catch (err) {
        console.error(err);
        if (!cancelled) setState("failed");
      }
    })();
    return () => {
      cancelled = true;
      // The next drawing applies the selection once it is ready.
      setState("loading");
      if (container) delete container.dataset.ready;
      cyRef.current?.destroy();
      cyRef.current = null;
      onReady(null);
    };
    // The drawing is rebuilt when the filtered elements change; selection is applied below without a rebuild.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [nodes, edges, caseId, drawing]);

  // Provenance: the selected claim's chain back to its origin stands out; the rest fades (see highlightOf).
  useEffect(() => {
    if (state !== "ready") return;
    if (overviewRef.current) {
      overviewRef.current.select(selected);
      return;
    }
    const cy = cyRef.current;
    if (!cy) return;
    const h = highlightOf(selected, edges);
    cy.batch(() => {
      cy.$(".faded, .chain, .labelled").removeClass("faded chain labelled");
      cy.$(":selected").unselect();
      if (!h.selected) return;
      cy.getElementById(h.selected).select();
      if (h.fade) cy.elements().addClass("faded");
      for (const id of h.chainNodes) cy.getElementById(id).removeClass("faded").addClass("chain");
      for (const i of h.labelled) cy.getElementById(`e${i}`).removeClass("faded").addClass("labelled");
      for (const i of h.chainEdges) cy.getElementById(`e${i}`).addClass("chain");
    });
  }, [selected, state, edges]);

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
