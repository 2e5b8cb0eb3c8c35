import { describe, expect, it } from "vitest";
import { filterGraph, graphFiltersQuery, parseGraphFilters } from "@/lib/graph/filter-graph";
import type { CaseGraphView } from "@/lib/graph/schemas";

const graph: Pick<CaseGraphView, "nodes" | "edges"> = {
  nodes: [
    { id: "source:s1", type: "source", recordId: "s1", label: "Wire", reliability: "B" },
    { id: "source:s2", type: "source", recordId: "s2", label: "Column", reliability: "D" },
    { id: "document:d1", type: "document", recordId: "d1", label: "Wire report", reliability: "B" },
    { id: "document:d2", type: "document", recordId: "d2", label: "Column text", reliability: "D" },
    { id: "claim:c1", type: "claim", recordId: "c1", label: "Iran did it", reliability: "B", status: "accepted" },
    { id: "claim:c2", type: "claim", recordId: "c2", label: "Microsoft traced it", reliability: "D", status: "draft" },
    { id: "entity:e1", type: "entity", recordId: "e1", label: "MOIS" },
    { id: "hypothesis:h1", type: "hypothesis", recordId: "h1", label: "MOIS did it" },
    { id: "hypothesis:h2", type: "hypothesis", recordId: "h2", label: "Hacktivists" },
  ],
  edges: [
    { source: "document:d1", target: "source:s1", type: "published_by", label: "published by" },
    { source: "document:d2", target: "source:s2", type: "published_by", label: "published by" },
    { source: "claim:c1", target: "document:d1", type: "quotes", label: "quotes" },
    { source: "claim:c2", target: "document:d2", type: "quotes", label: "quotes" },
    { source: "claim:c2", target: "claim:c1", type: "corroborates", label: "corroborates" },
    { source: "claim:c2", target: "entity:e1", type: "about", label: "about" },
    {
      source: "claim:c1",
      target: "hypothesis:h1",
      type: "rated",
      label: "consistent (5)",
      rating: { mean: 5, reading: "consistent", raters: 1 },
    },
  ],
};
const parse = (qs: string) => parseGraphFilters(new URLSearchParams(qs), graph);
const ids = (qs: string) => filterGraph(graph, parse(qs).filters).nodes.map((n) => n.id);

describe("graph filters", () => {
  it("reads the URL, drops values that name nothing and says which", () => {
    const { filters, ignored } = parse("types=claim,bogus&grades=B,Z&hypothesis=nope&hops=9&view=list");
    expect(filters).toMatchObject({ types: ["claim"], grades: ["B"], hypothesis: null, hops: 1, view: "list" });
    expect(ignored).toEqual(["types=bogus", "grades=Z", "hypothesis=nope", "hops=9"]);
    expect(graphFiltersQuery(filters)).toBe("types=claim&grades=B&view=list");
  });

  it("reads how to draw the graph: by size unless asked, and an unknown drawing is reported", () => {
    expect(parse("").filters.drawing).toBe("auto");
    expect(parse("drawing=overview").filters.drawing).toBe("overview");
    expect(graphFiltersQuery(parse("drawing=detailed&view=list").filters)).toBe("view=list&drawing=detailed");
    expect(graphFiltersQuery(parse("drawing=auto").filters)).toBe("");
    const { filters, ignored } = parse("drawing=sideways");
    expect(filters.drawing).toBe("auto");
    expect(ignored).toEqual(["drawing=sideways"]);
  });

  it("keeps the claims rated against a hypothesis, with their documents and sources", () => {
    expect(ids("hypothesis=h1")).toEqual(["source:s1", "document:d1", "claim:c1", "hypothesis:h1"]);
  });

  it("filters by source grade and claim status, and focuses on a node's neighbourhood", () => {
    expect(ids("grades=D&types=source,document,claim")).toEqual(["source:s2", "document:d2", "claim:c2"]);
    expect(ids("status=draft")).toEqual(["source:s2", "document:d2", "claim:c2", "entity:e1"]);
    expect(ids("focus=claim:c1")).toEqual(["document:d1", "claim:c1", "claim:c2", "hypothesis:h1"]);
    expect(ids("focus=claim:c1&hops=2")).toHaveLength(7);
  });
});
