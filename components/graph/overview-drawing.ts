// The overview drawing of a large graph on one <canvas> (issue 15): every node and edge, drawn in a few
// milliseconds per frame, panned by dragging, zoomed with the wheel or two fingers, a node selected by tapping it.
// cytoscape.js's canvas renderer takes about a second here just to style and draw 2,000 bare nodes, so above
// LARGE_GRAPH nodes the page draws this instead (graph-canvas.tsx). The parts without a browser are in
// overview-scene.ts.
import { fitViewport, nodeLabel, type Positions } from "./graph-elements";
import {
  DASHES,
  NODE_RADIUS,
  SHAPE_POINTS,
  buildScene,
  highlightOf,
  nodeAt,
  overviewSvg,
  zoomAbout,
  type Highlight,
  type OverviewScene,
  type Viewport,
} from "./overview-scene";
import { NODE_SHAPES } from "./graph-styles";
import type { GraphEdge, GraphNode } from "@/lib/graph/schemas";

const CHAIN = "#4338ca";
const FADED = 0.15;
const TAP_SLOP = 4;
/** The full drawing returns this long after the last pan or zoom step. */
const SETTLE_MS = 120;
/** Labels appear once a 9-unit label is at least 12 px on screen, as in the detailed drawing. */
const LABEL_ZOOM = 12 / 9;
/** An export's pixel budget: a scale of 2 unless the graph is so large that the image would pass it. */
const EXPORT_PIXELS = 8e6;

const SHAPES: Record<string, Path2D> = {};
function shapePath(shape: string): Path2D {
  if (!SHAPES[shape]) {
    const p = new Path2D();
    const points = SHAPE_POINTS[shape];
    if (!points) p.arc(0, 0, NODE_RADIUS, 0, 2 * Math.PI);
    else {
      points.forEach(([x, y], i) => (i ? p.lineTo(x * NODE_RADIUS, y * NODE_RADIUS) : p.moveTo(x * NODE_RADIUS, y * NODE_RADIUS)));
      p.closePath();
    }
    SHAPES[shape] = p;
  }
  return SHAPES[shape];
}

type Paint = {
  ctx: CanvasRenderingContext2D;
  vp: Viewport;
  ratio: number;
  width: number;
  height: number;
  /** Every node's label whatever the zoom (an export). */
  labels: boolean;
  /** The node under the pointer, or -1. */
  hover: number;
};

/** Draws the scene into a 2D context at a view; `width` × `height` is the visible area in CSS pixels. */
function paint(scene: OverviewScene, h: Highlight, { ctx, vp, ratio, width, height, labels, hover }: Paint) {
  const { zoom, pan } = vp;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.globalAlpha = 1;
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, width * ratio, height * ratio);
  // Graph units to device pixels.
  ctx.setTransform(zoom * ratio, 0, 0, zoom * ratio, pan.x * ratio, pan.y * ratio);
  const [vx0, vy0] = [-pan.x / zoom - NODE_RADIUS, -pan.y / zoom - NODE_RADIUS];
  const [vx1, vy1] = [(width - pan.x) / zoom + NODE_RADIUS, (height - pan.y) / zoom + NODE_RADIUS];
  const inView = (i: number) => scene.xs[i] >= vx0 && scene.xs[i] <= vx1 && scene.ys[i] >= vy0 && scene.ys[i] <= vy1;
  // At least half a device pixel wide, so thin lines stay visible when zoomed out, and no wider on screen than at a
  // zoom of 1.5, so that zoomed in the lines do not hide what they join.
  const lineWidth = (w: number) => Math.max((w * Math.min(zoom, 1.5)) / zoom, 0.5 / (zoom * ratio));

  const strokeEdges = (list: Iterable<number>, colour: string, width: number, line: keyof typeof DASHES) => {
    // A dash pattern shorter than a few pixels on screen reads as a plain line and costs ten times as much to draw
    // (thousands of dashed lines took a third of a second): zoomed out, every line is solid; zoomed in, few are in view.
    const dash = DASHES[line].reduce((a, b) => a + b, 0) * zoom * ratio >= 4 ? DASHES[line] : DASHES.solid;
    ctx.strokeStyle = colour;
    ctx.lineWidth = lineWidth(width);
    ctx.setLineDash(dash);
    ctx.lineCap = line === "dotted" ? "round" : "butt";
    ctx.beginPath();
    for (const i of list) {
      const [s, t] = [scene.ends[2 * i], scene.ends[2 * i + 1]];
      if (s < 0 || t < 0) continue;
      const [x0, x1, y0, y1] = [scene.xs[s], scene.xs[t], scene.ys[s], scene.ys[t]];
      // Out of view when the line's box is.
      if (Math.max(x0, x1) < vx0 || Math.min(x0, x1) > vx1 || Math.max(y0, y1) < vy0 || Math.min(y0, y1) > vy1) continue;
      ctx.moveTo(scene.xs[s], scene.ys[s]);
      ctx.lineTo(scene.xs[t], scene.ys[t]);
    }
    ctx.stroke();
  };
  const drawNode = (i: number, alpha: number, border: string, borderWidth: number) => {
    const n = scene.nodes[i];
    const path = shapePath(NODE_SHAPES[n.type]);
    ctx.setTransform(zoom * ratio, 0, 0, zoom * ratio, (scene.xs[i] * zoom + pan.x) * ratio, (scene.ys[i] * zoom + pan.y) * ratio);
    ctx.globalAlpha = alpha * (n.rejected ? 0.4 : 1);
    ctx.fillStyle = scene.fills[i];
    ctx.fill(path);
    ctx.strokeStyle = border;
    ctx.lineWidth = lineWidth(borderWidth);
    ctx.stroke(path);
  };

  const base = h.fade ? FADED : 1;
  ctx.globalAlpha = base;
  for (const g of scene.groups) strokeEdges(g.edges, g.colour, g.width, g.line);
  // The selected node's relationships and the chain, over the rest at full strength.
  ctx.globalAlpha = 1;
  if (h.labelled.size) {
    for (const g of scene.groups) {
      const mine = g.edges.filter((i) => h.labelled.has(i) && !h.chainEdges.has(i));
      if (mine.length) strokeEdges(mine, g.colour, Math.max(g.width, 1.5), g.line);
    }
  }
  if (h.chainEdges.size) strokeEdges(h.chainEdges, CHAIN, 4, "solid");
  ctx.setLineDash([]);

  const selectedIndex = h.selected ? (scene.indexOf.get(h.selected) ?? -1) : -1;
  for (let i = 0; i < scene.nodes.length; i++) {
    if (!inView(i) || i === selectedIndex || h.chainNodes.has(scene.nodes[i].id)) continue;
    const circular = scene.nodes[i].circular;
    drawNode(i, base, circular ? "#b91c1c" : "#334155", circular ? 3 : 1);
  }
  for (const id of h.chainNodes) {
    const i = scene.indexOf.get(id);
    if (i !== undefined && i !== selectedIndex) drawNode(i, 1, CHAIN, 4);
  }
  if (selectedIndex >= 0) drawNode(selectedIndex, 1, CHAIN, 4);

  // Labels in screen pixels: every node's once zoomed in far enough, and the highlighted relationships'.
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.globalAlpha = 1;
  ctx.textAlign = "center";
  ctx.textBaseline = "top";
  if (labels || zoom >= LABEL_ZOOM) {
    ctx.font = `${9 * zoom}px sans-serif`;
    ctx.fillStyle = "#0f172a";
    for (let i = 0; i < scene.nodes.length; i++) {
      if (!inView(i)) continue;
      const faded = h.fade && !h.chainNodes.has(scene.nodes[i].id) && i !== selectedIndex;
      ctx.globalAlpha = faded ? FADED : 1;
      ctx.fillText(scene.labels[i], scene.xs[i] * zoom + pan.x, (scene.ys[i] + NODE_RADIUS + 3) * zoom + pan.y);
    }
  }
  // The hovered and selected nodes' whole labels, over everything.
  const whole = new Set([selectedIndex, hover].filter((i) => i >= 0));
  if (whole.size) {
    ctx.font = `${Math.max(11, 9 * zoom)}px sans-serif`;
    for (const i of whole) {
      const text = nodeLabel(scene.nodes[i]);
      const [x, y] = [scene.xs[i] * zoom + pan.x, (scene.ys[i] + NODE_RADIUS + 3) * zoom + pan.y + 2];
      const w = ctx.measureText(text).width;
      ctx.globalAlpha = 0.9;
      ctx.fillStyle = "#ffffff";
      ctx.fillRect(x - w / 2 - 3, y - 1, w + 6, Math.max(11, 9 * zoom) + 3);
      ctx.globalAlpha = 1;
      ctx.fillStyle = "#0f172a";
      ctx.fillText(text, x, y);
    }
  }
  if (h.labelled.size && 7 * zoom >= 6) {
    ctx.globalAlpha = 1;
    ctx.font = `${7 * zoom}px sans-serif`;
    ctx.textBaseline = "middle";
    for (const i of h.labelled) {
      const [s, t] = [scene.ends[2 * i], scene.ends[2 * i + 1]];
      if (s < 0 || t < 0) continue;
      const [x, y] = [((scene.xs[s] + scene.xs[t]) / 2) * zoom + pan.x, ((scene.ys[s] + scene.ys[t]) / 2) * zoom + pan.y];
      const text = scene.edges[i].label;
      const w = ctx.measureText(text).width;
      ctx.fillStyle = "rgba(255,255,255,0.8)";
      ctx.fillRect(x - w / 2 - 2, y - 5 * zoom, w + 4, 10 * zoom);
      ctx.fillStyle = "#334155";
      ctx.fillText(text, x, y);
    }
  }
}

export class OverviewDrawing {
  readonly scene: OverviewScene;
  private readonly canvas: HTMLCanvasElement;
  private readonly ctx: CanvasRenderingContext2D;
  private vp: Viewport;
  private highlight: Highlight;
  private frame = 0;
  private animation = 0;
  private settle: ReturnType<typeof setTimeout> | undefined;
  private hover = -1;
  private readonly snapshot = document.createElement("canvas");
  private snapshotVp: Viewport;
  private readonly pointers = new Map<number, { x: number; y: number }>();
  private moved = 0;
  private readonly resize: ResizeObserver;
  private readonly off: (() => void)[] = [];

  constructor(
    private readonly container: HTMLElement,
    nodes: GraphNode[],
    edges: GraphEdge[],
    private readonly positions: Positions,
    private readonly onTap: (id: string) => void,
  ) {
    this.scene = buildScene(nodes, edges, positions);
    this.highlight = highlightOf(null, edges);
    this.canvas = document.createElement("canvas");
    this.canvas.style.display = "block";
    this.canvas.style.touchAction = "none";
    container.appendChild(this.canvas);
    this.ctx = this.canvas.getContext("2d")!;
    this.vp = fitViewport(positions, container.clientWidth, container.clientHeight);
    this.snapshotVp = this.vp;
    this.size();
    // Redrawn when the box changes size (not on the observer's first call, which reports the size just drawn at).
    this.resize = new ResizeObserver(() => {
      if (this.canvas.style.width === `${container.clientWidth}px` && this.canvas.style.height === `${container.clientHeight}px`) return;
      this.size();
      this.draw();
    });
    this.resize.observe(container);
    this.listen();
  }

  private size() {
    const ratio = window.devicePixelRatio || 1;
    const [w, h] = [this.container.clientWidth, this.container.clientHeight];
    this.canvas.style.width = `${w}px`;
    this.canvas.style.height = `${h}px`;
    this.canvas.width = Math.max(1, Math.round(w * ratio));
    this.canvas.height = Math.max(1, Math.round(h * ratio));
  }

  /** Draws the whole view now, and keeps a copy of it to move while the view is being panned or zoomed. */
  draw() {
    cancelAnimationFrame(this.frame);
    clearTimeout(this.settle);
    this.frame = 0;
    paint(this.scene, this.highlight, {
      ctx: this.ctx,
      vp: this.vp,
      ratio: this.canvas.width / Math.max(1, this.container.clientWidth),
      width: this.container.clientWidth,
      height: this.container.clientHeight,
      labels: false,
      hover: this.hover,
    });
    this.snapshot.width = this.canvas.width;
    this.snapshot.height = this.canvas.height;
    this.snapshot.getContext("2d")!.drawImage(this.canvas, 0, 0);
    this.snapshotVp = this.vp;
  }

  private requestDraw() {
    if (!this.frame) this.frame = requestAnimationFrame(() => this.draw());
  }

  /**
   * While panning or zooming, each frame moves the copy of the last full drawing (a few milliseconds, where the
   * full drawing of thousands of elements takes tens); the full drawing follows once the view stays still.
   */
  private requestMove() {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.blit();
      clearTimeout(this.settle);
      this.settle = setTimeout(() => this.requestDraw(), SETTLE_MS);
    });
  }

  /** The copy of the last full drawing, moved and scaled from the view it was drawn at to the current one. */
  private blit() {
    const [from, to] = [this.snapshotVp, this.vp];
    const k = to.zoom / from.zoom;
    const ratio = this.canvas.width / Math.max(1, this.container.clientWidth);
    this.ctx.setTransform(1, 0, 0, 1, 0, 0);
    this.ctx.globalAlpha = 1;
    this.ctx.fillStyle = "#ffffff";
    this.ctx.fillRect(0, 0, this.canvas.width, this.canvas.height);
    this.ctx.setTransform(k, 0, 0, k, (to.pan.x - from.pan.x * k) * ratio, (to.pan.y - from.pan.y * k) * ratio);
    this.ctx.drawImage(this.snapshot, 0, 0);
  }

  private toGraph(clientX: number, clientY: number) {
    const r = this.canvas.getBoundingClientRect();
    const [sx, sy] = [clientX - r.left, clientY - r.top];
    return { sx, sy, x: (sx - this.vp.pan.x) / this.vp.zoom, y: (sy - this.vp.pan.y) / this.vp.zoom };
  }

  private listen() {
    const on = <K extends keyof HTMLElementEventMap>(type: K, fn: (e: HTMLElementEventMap[K]) => void, opts?: AddEventListenerOptions) => {
      this.canvas.addEventListener(type, fn as EventListener, opts);
      this.off.push(() => this.canvas.removeEventListener(type, fn as EventListener, opts));
    };
    on("pointerdown", (e) => {
      this.canvas.setPointerCapture(e.pointerId);
      this.pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
      if (this.pointers.size === 1) this.moved = 0;
      cancelAnimationFrame(this.animation);
    });
    on("pointermove", (e) => {
      const last = this.pointers.get(e.pointerId);
      if (!last) {
        const { x, y } = this.toGraph(e.clientX, e.clientY);
        const hover = nodeAt(this.scene, x, y);
        this.canvas.style.cursor = hover >= 0 ? "pointer" : "grab";
        if (hover !== this.hover) {
          this.hover = hover;
          this.requestDraw();
        }
        return;
      }
      if (this.pointers.size === 2) {
        // Pinch: zoom by the change in the distance between the two fingers, about their midpoint.
        const other = [...this.pointers.entries()].find(([id]) => id !== e.pointerId)![1];
        const before = Math.hypot(last.x - other.x, last.y - other.y);
        const after = Math.hypot(e.clientX - other.x, e.clientY - other.y);
        const mid = this.toGraph((e.clientX + other.x) / 2, (e.clientY + other.y) / 2);
        if (before > 0) this.vp = zoomAbout(this.vp, after / before, mid.sx, mid.sy);
      } else {
        this.vp = { ...this.vp, pan: { x: this.vp.pan.x + e.clientX - last.x, y: this.vp.pan.y + e.clientY - last.y } };
      }
      this.moved += Math.abs(e.clientX - last.x) + Math.abs(e.clientY - last.y);
      this.pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
      this.requestMove();
    });
    const up = (e: PointerEvent) => {
      const wasTap = this.pointers.size === 1 && this.moved < TAP_SLOP && this.pointers.has(e.pointerId);
      this.pointers.delete(e.pointerId);
      if (!wasTap || e.type === "pointercancel") return;
      const { x, y } = this.toGraph(e.clientX, e.clientY);
      const i = nodeAt(this.scene, x, y);
      if (i >= 0) this.onTap(this.scene.nodes[i].id);
    };
    on("pointerleave", () => {
      if (this.hover < 0) return;
      this.hover = -1;
      this.requestDraw();
    });
    on("pointerup", up);
    on("pointercancel", up);
    on(
      "wheel",
      (e) => {
        e.preventDefault();
        const { sx, sy } = this.toGraph(e.clientX, e.clientY);
        // Lines, pixels or pages of scroll, as pixels.
        const dy = e.deltaY * (e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? 400 : 1);
        this.vp = zoomAbout(this.vp, Math.exp(-dy * 0.002), sx, sy);
        this.requestMove();
      },
      { passive: false },
    );
  }

  /** Highlights a selection (see highlightOf) and draws it. */
  select(node: GraphNode | null) {
    this.highlight = highlightOf(node, this.scene.edges);
    this.requestDraw();
  }

  /** Moves the view to a node over 200 ms, zooming in to at least 1. */
  center(id: string) {
    const i = this.scene.indexOf.get(id);
    if (i === undefined) return;
    const zoom = Math.max(this.vp.zoom, 1);
    const [w, h] = [this.container.clientWidth, this.container.clientHeight];
    this.animateTo({ zoom, pan: { x: w / 2 - this.scene.xs[i] * zoom, y: h / 2 - this.scene.ys[i] * zoom } });
  }

  /** Moves the view back to the whole graph over 200 ms, as it was first drawn. */
  fit() {
    this.animateTo(fitViewport(this.positions, this.container.clientWidth, this.container.clientHeight));
  }

  private animateTo(to: Viewport) {
    const from = this.vp;
    const start = performance.now();
    cancelAnimationFrame(this.animation);
    const step = (now: number) => {
      const t = Math.min(1, (now - start) / 200);
      const k = t * (2 - t);
      this.vp =
        t < 1
          ? {
              zoom: from.zoom + (to.zoom - from.zoom) * k,
              pan: { x: from.pan.x + (to.pan.x - from.pan.x) * k, y: from.pan.y + (to.pan.y - from.pan.y) * k },
            }
          : to;
      if (t < 1) {
        this.blit();
        this.animation = requestAnimationFrame(step);
      } else this.draw();
    };
    this.animation = requestAnimationFrame(step);
  }

  /** The whole graph as a PNG with every label, at twice the graph's size unless that passes the pixel budget. */
  png(): Promise<Blob> {
    const { minX, minY, maxX, maxY } = this.scene.bounds;
    const pad = NODE_RADIUS + 30;
    const [w, h] = [maxX - minX + 2 * pad, maxY - minY + 2 * pad];
    const scale = Math.min(2, Math.sqrt(EXPORT_PIXELS / (w * h)));
    const canvas = document.createElement("canvas");
    canvas.width = Math.ceil(w * scale);
    canvas.height = Math.ceil(h * scale);
    paint(this.scene, highlightOf(null, []), {
      ctx: canvas.getContext("2d")!,
      vp: { zoom: 1, pan: { x: pad - minX, y: pad - minY } },
      ratio: scale,
      width: w,
      height: h,
      labels: true,
      hover: -1,
    });
    return new Promise((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("The PNG could not be made."))), "image/png"),
    );
  }

  svg(): string {
    return overviewSvg(this.scene);
  }

  destroy() {
    cancelAnimationFrame(this.frame);
    cancelAnimationFrame(this.animation);
    clearTimeout(this.settle);
    this.resize.disconnect();
    for (const off of this.off) off();
    this.canvas.remove();
  }
}
