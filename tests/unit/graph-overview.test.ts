import { describe, expect, it } from "vitest";
import { bandPositions, fitViewport } from "@/components/graph/graph-elements";
import {
  LABEL_CHARS,
  MAX_ZOOM,
  MIN_ZOOM,
  buildScene,
  fitLabel,
  highlightOf,
  nodeAt,
  overviewSvg,
  zoomAbout,
} from "@/components/graph/overview-scene";
import type { GraphEdge, GraphNode } from "@/lib/graph/schemas";
import { JSDOM } from "../support/jsdom";

const node = (id: string, type: GraphNode["type"], extra: Partial<GraphNode> = {}): GraphNode => ({
  id,
  type,
  recordId: id.split(":")[1],
  label: id,
  ...extra,
});

// Microsoft's report relayed by a column: the column's claim repeats the wire's, which quotes Microsoft's report.
const nodes: GraphNode[] = [
  node("source:ms", "source", { label: "Microsoft <DART> & co", reliability: "B" }),
  node("source:upi", "source", { label: "UPI", reliability: "D" }),
  node("document:report", "document", { reliability: "B" }),
  node("document:column", "document", { reliability: "D" }),
  node("claim:relay", "claim", {
    label: "The column says Microsoft traced the attacks to Iran",
    circular: true,
    origin: {
      sourceId: "source:ms",
      label: "Microsoft",
      claimId: "claim:ms",
      chain: ["claim:relay", "claim:ms", "document:report", "source:ms"],
    },
  }),
  node("claim:ms", "claim", { label: "Microsoft traced the attacks to Iran" }),
  node("claim:other", "claim", { label: "Unrelated", rejected: true }),
  node("hypothesis:mois", "hypothesis", { label: "MOIS" }),
];
const edges: GraphEdge[] = [
  { source: "document:report", target: "source:ms", type: "published_by", label: "published by" },
  { source: "document:column", target: "source:upi", type: "published_by", label: "published by" },
  { source: "claim:ms", target: "document:report", type: "quotes", label: "quotes" },
  { source: "claim:relay", target: "document:column", type: "quotes", label: "quotes" },
  { source: "claim:relay", target: "claim:ms", type: "repeats", label: "repeats" },
  { source: "claim:relay", target: "claim:other", type: "corroborates", label: "corroborates", circular: true },
  {
    source: "claim:ms",
    target: "hypothesis:mois",
    type: "rated",
    label: "inconsistent",
    rating: { mean: -1.5, reading: "inconsistent", raters: 2 },
  },
  { source: "claim:other", target: "hypothesis:mois", type: "rated", label: "neutral", rating: { mean: 0, reading: "neutral", raters: 1 } },
];

describe("the overview drawing's scene", () => {
  const positions = bandPositions(nodes);
  const scene = buildScene(nodes, edges, positions);

  it("groups edges by how they are drawn, circular corroboration apart and thicker", () => {
    const byKey = Object.fromEntries(scene.groups.map((g) => [g.key, g]));
    expect(byKey.published_by.edges).toEqual([0, 1]);
    expect(byKey.repeats).toMatchObject({ line: "dotted", edges: [4] });
    expect(byKey["corroborates circular"]).toMatchObject({ width: 4, edges: [5] });
    expect(byKey.rated_inconsistent).toMatchObject({ line: "dashed", edges: [6] });
    expect(byKey.rated_neutral).toMatchObject({ line: "dotted", edges: [7] });
    expect(scene.groups.flatMap((g) => g.edges).sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it("finds the node under a point, within its radius, and nothing between nodes", () => {
    for (const [i, n] of nodes.entries()) {
      const p = positions.get(n.id)!;
      expect(nodeAt(scene, p.x, p.y)).toBe(i);
      expect(nodeAt(scene, p.x + 9, p.y - 5)).toBe(i);
    }
    const p = positions.get("claim:ms")!;
    expect(nodeAt(scene, p.x + 24, p.y + 24)).toBe(-1);
    expect(nodeAt(scene, -500, -500)).toBe(-1);
  });

  it("zooms about the pointer, which stays over the same point of the graph, within the zoom limits", () => {
    const vp = fitViewport(positions, 800, 400);
    const [sx, sy] = [310, 120];
    const before = { x: (sx - vp.pan.x) / vp.zoom, y: (sy - vp.pan.y) / vp.zoom };
    const after = zoomAbout(vp, 1.7, sx, sy);
    expect(after.zoom).toBeCloseTo(vp.zoom * 1.7);
    expect((sx - after.pan.x) / after.zoom).toBeCloseTo(before.x);
    expect((sy - after.pan.y) / after.zoom).toBeCloseTo(before.y);
    expect(zoomAbout(vp, 1e6, sx, sy).zoom).toBe(MAX_ZOOM);
    expect(zoomAbout(vp, 1e-6, sx, sy).zoom).toBe(MIN_ZOOM);
  });

  it("highlights a relayed claim's provenance chain and fades the rest; a claim of its own origin fades nothing", () => {
    const relay = highlightOf(nodes[4], edges);
    expect(relay.fade).toBe(true);
    expect([...relay.chainNodes]).toEqual(["claim:relay", "claim:ms", "document:report", "source:ms"]);
    // repeats (relay → ms), quotes (ms → report), published by (report → ms source); not the column's quote.
    expect([...relay.chainEdges].sort()).toEqual([0, 2, 4]);
    // Its own relationships are labelled: the column it quotes, the claim it repeats, the circular corroboration.
    expect([...relay.labelled].sort()).toEqual([0, 2, 3, 4, 5]);

    const own = highlightOf(nodes[5], edges);
    expect(own).toMatchObject({ selected: "claim:ms", fade: false });
    expect(own.chainNodes.size).toBe(0);
    expect([...own.labelled].sort()).toEqual([2, 4, 6]);
    expect(highlightOf(null, edges).selected).toBeNull();
  });

  it("keeps a circular claim's ⟲ when its label is cut, and fits an empty graph without dividing by nothing", () => {
    expect(scene.labels[4]).toBe("The co… ⟲");
    expect(Array.from(scene.labels[4])).toHaveLength(LABEL_CHARS);
    expect(scene.labels[7]).toBe("MOIS");
    const empty = buildScene([], [], new Map());
    expect(empty.bounds).toEqual({ minX: 0, minY: 0, maxX: 0, maxY: 0 });
    expect(fitViewport(new Map(), 800, 400)).toEqual({ zoom: 1, pan: { x: 400, y: 200 } });
    expect(nodeAt(empty, 0, 0)).toBe(-1);
    expect(overviewSvg(empty)).toContain("<svg");
  });

  it("cuts labels to whole characters with an ellipsis", () => {
    expect(fitLabel("UPI")).toBe("UPI");
    expect(fitLabel("Microsoft traced the attacks")).toBe("Microsof…");
    expect(fitLabel("🇦🇱🇦🇱🇦🇱🇦🇱🇦🇱🇦🇱", 3)).toBe("🇦🇱…");
    expect(Array.from(fitLabel("a😀b😀c😀d😀e😀", 4))).toEqual(["a", "😀", "b", "…"]);
  });

  it("exports SVG with every node and edge, line styles, whole names in <title> and text escaped", () => {
    const svg = overviewSvg(scene);
    const doc = new new JSDOM("").window.DOMParser().parseFromString(svg, "image/svg+xml");
    expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
    expect(doc.querySelectorAll("line")).toHaveLength(edges.length);
    expect(doc.querySelectorAll("g.nodes > g")).toHaveLength(nodes.length);
    expect(doc.querySelector("g.repeats")!.getAttribute("stroke-dasharray")).toBe("1.5 3");
    expect(doc.querySelector("g.rated_inconsistent")!.getAttribute("stroke-dasharray")).toBe("6 4");
    expect(doc.querySelector("g.published_by")!.getAttribute("stroke-dasharray")).toBeNull();
    const titles = [...doc.querySelectorAll("title")].map((t) => t.textContent);
    expect(titles).toContain("source: Microsoft <DART> & co");
    expect(titles).toContain("claim: The column says Microsoft traced the attacks to Iran");
    // The rejected claim is faded, the circular one outlined in red.
    expect(doc.querySelectorAll('g.nodes > g[opacity="0.4"]')).toHaveLength(1);
    expect(doc.querySelectorAll('use[stroke="#b91c1c"]')).toHaveLength(1);
  });
});
