"use client";
import { useCallback, useEffect, useMemo, useState } from "react";
import { usePathname, useSearchParams } from "next/navigation";
import { useQuery } from "@tanstack/react-query";
import { api } from "@/lib/client/api";
import { graphKeys } from "@/lib/client/query-keys";
import type { CaseGraph, CaseGraphView, GraphNode } from "@/lib/graph/schemas";
import { expandGraph } from "@/lib/graph/expand-graph";
import { GRAPH_NODE_TYPES } from "@/lib/graph/schemas";
import {
  filterGraph,
  graphFiltersQuery,
  parseGraphFilters,
  GRADE_VALUES,
  STATUS_VALUES,
  type GraphFilters,
} from "@/lib/graph/filter-graph";
import { GraphCanvas, loadCytoscape, mark, type GraphCanvasHandle, type GraphDrawing } from "./graph-canvas";
import { LARGE_GRAPH } from "./graph-elements";
import { GraphLegend } from "./graph-legend";
import { GraphListView } from "./graph-list-view";
import { GraphSidePanel } from "./graph-side-panel";

const TYPE_LABELS: Record<GraphNode["type"], string> = {
  source: "Sources",
  document: "Documents",
  claim: "Claims",
  entity: "Entities",
  indicator: "Indicators",
  technique: "Techniques",
  hypothesis: "Hypotheses",
};

/** The buttons that act on the drawing, enabled once it is drawn. */
const CANVAS_ACTIONS: [label: string, run: (canvas: GraphCanvasHandle) => void][] = [
  ["Zoom to fit", (c) => c.fit()],
  ["Export PNG", (c) => c.exportPng()],
  ["Export SVG", (c) => c.exportSvg()],
];

function toggle<T>(list: T[], value: T): T[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

/**
 * The graph page's client side. The graph is fetched from the API rather than sent in the page's props: a large
 * graph serialised into the server render costs more than the JSON request (which the page preloads).
 */
export function GraphExplorer({ caseId }: { caseId: string }) {
  const { data: graph, error } = useQuery({
    queryKey: graphKeys.detail(caseId),
    queryFn: () => {
      mark("graph:fetch");
      return api<CaseGraph>(`/api/cases/${caseId}/graph`).then((g) => {
        const view = expandGraph(caseId, g);
        mark("graph:data");
        return view;
      });
    },
  });
  if (error) {
    return (
      <p role="alert" className="text-sm text-red-800">
        The graph could not be loaded: {error.message}
      </p>
    );
  }
  if (!graph) return <p className="text-sm text-slate-600">Loading the graph…</p>;
  return <GraphExplorerView caseId={caseId} graph={graph} />;
}

/** The graph page: filters in the URL, the graph or its list view, search, focus, export and the side panel. */
function GraphExplorerView({ caseId, graph }: { caseId: string; graph: CaseGraphView }) {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const { filters, ignored } = useMemo(() => parseGraphFilters(new URLSearchParams(searchParams.toString()), graph), [searchParams, graph]);
  const visible = useMemo(() => filterGraph(graph, filters), [graph, filters]);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [query, setQuery] = useState("");
  const [canvas, setCanvas] = useState<GraphCanvasHandle | null>(null);
  const byId = useMemo(() => new Map(graph.nodes.map((n) => [n.id, n])), [graph]);
  const selected = selectedId ? (byId.get(selectedId) ?? null) : null;
  const hypotheses = graph.nodes.filter((n) => n.type === "hypothesis");
  // By size unless asked: the overview draws thousands of nodes at once, the detailed drawing lays out a case-sized graph.
  const drawing: GraphDrawing =
    filters.drawing === "auto" ? (visible.nodes.length > LARGE_GRAPH ? "overview" : "detailed") : filters.drawing;
  // The detailed drawing's library starts loading now, beside the rest of the first render; the overview needs none.
  useEffect(() => {
    if (drawing === "detailed")
      loadCytoscape().catch(() => {
        /* GraphCanvas reports it when it draws */
      });
  }, [drawing]);

  const navigate = useCallback(
    (next: Partial<GraphFilters>) => {
      const qs = graphFiltersQuery({ ...filters, ...next });
      window.history.pushState(null, "", `${pathname}${qs ? `?${qs}` : ""}`);
    },
    [filters, pathname],
  );

  const matches = useMemo(() => {
    const q = query.trim().toLowerCase();
    if (!q) return [];
    return visible.nodes.filter((n) => n.label.toLowerCase().includes(q)).slice(0, 8);
  }, [query, visible.nodes]);

  const select = (id: string) => {
    setSelectedId(id);
    canvas?.center(id);
  };

  return (
    <div className="space-y-4">
      {ignored.length > 0 && (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          Some filters in the address were not understood and are ignored: {ignored.join(", ")}.
        </p>
      )}
      <form
        aria-label="Graph filters"
        className="grid gap-3 rounded-md border border-slate-200 bg-white p-3 text-sm md:grid-cols-2 lg:grid-cols-4"
      >
        <fieldset className="space-y-1">
          <legend className="font-medium text-slate-800">Node types</legend>
          <div className="flex flex-wrap gap-x-3 gap-y-1">
            {GRAPH_NODE_TYPES.map((t) => (
              <label key={t} className="inline-flex items-center gap-1">
                <input type="checkbox" checked={filters.types.includes(t)} onChange={() => navigate({ types: toggle(filters.types, t) })} />
                {TYPE_LABELS[t]}
              </label>
            ))}
          </div>
          <p className="text-xs text-slate-500">None ticked shows every type.</p>
        </fieldset>
        <fieldset className="space-y-1">
          <legend className="font-medium text-slate-800">Source grade</legend>
          <div className="flex flex-wrap gap-x-3 gap-y-1">
            {GRADE_VALUES.map((g) => (
              <label key={g} className="inline-flex items-center gap-1">
                <input
                  type="checkbox"
                  checked={filters.grades.includes(g)}
                  onChange={() => navigate({ grades: toggle(filters.grades, g) })}
                />
                {g}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset className="space-y-1">
          <legend className="font-medium text-slate-800">Claim status</legend>
          <div className="flex flex-wrap gap-x-3 gap-y-1">
            {STATUS_VALUES.map((s) => (
              <label key={s} className="inline-flex items-center gap-1">
                <input
                  type="checkbox"
                  checked={filters.statuses.includes(s)}
                  onChange={() => navigate({ statuses: toggle(filters.statuses, s) })}
                />
                {s}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="space-y-1">
          <label htmlFor="graph-hypothesis" className="block font-medium text-slate-800">
            Hypothesis
          </label>
          <select
            id="graph-hypothesis"
            className="w-full rounded border border-slate-300 px-2 py-1"
            value={filters.hypothesis ?? ""}
            onChange={(e) => navigate({ hypothesis: e.target.value || null })}
          >
            <option value="">All claims</option>
            {hypotheses.map((h) => (
              <option key={h.id} value={h.recordId}>
                Claims rated against: {h.label}
              </option>
            ))}
          </select>
        </div>
      </form>

      <div className="flex flex-wrap items-end gap-3 text-sm">
        <div className="relative">
          <label htmlFor="graph-search" className="block font-medium text-slate-800">
            Find a node
          </label>
          <input
            id="graph-search"
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder="Name, statement or title"
            className="w-72 rounded border border-slate-300 px-2 py-1"
            aria-describedby="graph-search-count"
          />
          <span id="graph-search-count" className="sr-only" aria-live="polite">
            {query.trim() ? `${matches.length} matches` : ""}
          </span>
          {matches.length > 0 && (
            <ul aria-label="Matching nodes" className="absolute z-10 mt-1 w-96 rounded border border-slate-200 bg-white shadow">
              {matches.map((n) => (
                <li key={n.id}>
                  <button
                    type="button"
                    className="block w-full truncate px-2 py-1 text-left hover:bg-indigo-50 focus:bg-indigo-50"
                    onClick={() => {
                      select(n.id);
                      setQuery("");
                    }}
                  >
                    <span className="text-slate-500">{n.type}: </span>
                    {n.label}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
        <div>
          <label htmlFor="graph-hops" className="block font-medium text-slate-800">
            Neighbourhood
          </label>
          <select
            id="graph-hops"
            className="rounded border border-slate-300 px-2 py-1"
            value={filters.hops}
            onChange={(e) => navigate({ hops: Number(e.target.value) as 1 | 2 | 3 })}
          >
            <option value={1}>1 hop</option>
            <option value={2}>2 hops</option>
            <option value={3}>3 hops</option>
          </select>
        </div>
        <button
          type="button"
          className="rounded border border-slate-300 px-3 py-1 disabled:opacity-50"
          disabled={!selected}
          onClick={() => selected && navigate({ focus: selected.id })}
        >
          Focus on selected
        </button>
        {filters.focus && (
          <button type="button" className="rounded border border-slate-300 px-3 py-1" onClick={() => navigate({ focus: null })}>
            Show the whole graph
          </button>
        )}
        <button
          type="button"
          className="rounded border border-slate-300 px-3 py-1"
          aria-pressed={filters.view === "list"}
          onClick={() => navigate({ view: filters.view === "list" ? "graph" : "list" })}
        >
          {filters.view === "list" ? "Show as graph" : "Show as lists"}
        </button>
        {filters.view === "graph" && (
          <>
            <div>
              <label htmlFor="graph-drawing" className="block font-medium text-slate-800">
                Drawing
              </label>
              <select
                id="graph-drawing"
                className="rounded border border-slate-300 px-2 py-1"
                value={filters.drawing}
                onChange={(e) => navigate({ drawing: e.target.value as GraphFilters["drawing"] })}
                aria-describedby="graph-drawing-hint"
              >
                <option value="auto">By size ({drawing === "overview" ? "overview" : "detailed"})</option>
                <option value="detailed">Detailed: laid out, arrows</option>
                <option value="overview">Overview: fast, in bands by type</option>
              </select>
              <span id="graph-drawing-hint" className="sr-only">
                Above {LARGE_GRAPH} nodes the graph is drawn as an overview unless the detailed drawing is chosen, which can take seconds.
              </span>
            </div>
            {CANVAS_ACTIONS.map(([label, run]) => (
              <button
                key={label}
                type="button"
                className="rounded border border-slate-300 px-3 py-1 disabled:opacity-50"
                disabled={!canvas}
                onClick={() => canvas && run(canvas)}
              >
                {label}
              </button>
            ))}
          </>
        )}
      </div>

      <p className="text-sm text-slate-600" aria-live="polite">
        Showing {visible.nodes.length} of {graph.nodes.length} nodes and {visible.edges.length} of {graph.edges.length} relationships
        {filters.focus && byId.get(filters.focus)
          ? `, around “${byId.get(filters.focus)!.label}” (${filters.hops} hop${filters.hops > 1 ? "s" : ""})`
          : ""}
        .
      </p>

      <div className="grid gap-4 lg:grid-cols-[1fr_22rem]">
        <div className="min-w-0">
          {filters.view === "list" ? (
            <GraphListView nodes={visible.nodes} edges={visible.edges} byId={byId} selectedId={selectedId} onSelect={select} />
          ) : (
            <>
              <GraphCanvas
                caseId={caseId}
                nodes={visible.nodes}
                edges={visible.edges}
                selected={selected}
                drawing={drawing}
                onSelect={setSelectedId}
                onReady={setCanvas}
              />
              <GraphLegend />
            </>
          )}
        </div>
        <GraphSidePanel caseId={caseId} node={selected} graph={graph} byId={byId} onSelect={select} />
      </div>
    </div>
  );
}
