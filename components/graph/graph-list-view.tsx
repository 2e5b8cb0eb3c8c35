"use client";
import type { GraphEdge, GraphNode } from "@/lib/graph/schemas";

function detail(n: GraphNode): string {
  if (n.type === "claim") return [n.grade, n.status, n.circular ? "circular reporting" : null].filter(Boolean).join(", ");
  if (n.type === "source" || n.type === "document") return n.reliability ? `reliability ${n.reliability}` : "ungraded";
  return n.kind ?? "";
}

/** The same nodes and relationships as the graph, as two tables a keyboard and a screen reader can walk. */
export function GraphListView({
  nodes,
  edges,
  byId,
  selectedId,
  onSelect,
}: {
  nodes: GraphNode[];
  edges: GraphEdge[];
  byId: Map<string, GraphNode>;
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  const name = (id: string) => byId.get(id)?.label ?? id;
  return (
    <div className="space-y-6">
      <section aria-labelledby="graph-nodes-heading" className="space-y-2">
        <h3 id="graph-nodes-heading" className="font-semibold text-slate-900">
          Nodes ({nodes.length})
        </h3>
        <div className="max-h-[32rem] overflow-auto rounded-md border border-slate-200" tabIndex={0} aria-label="Nodes table, scrollable">
          <table className="w-full text-left text-sm">
            <thead className="sticky top-0 bg-slate-50">
              <tr>
                <th scope="col" className="px-2 py-1">
                  Type
                </th>
                <th scope="col" className="px-2 py-1">
                  Name
                </th>
                <th scope="col" className="px-2 py-1">
                  Grade / status
                </th>
              </tr>
            </thead>
            <tbody>
              {nodes.map((n) => (
                <tr key={n.id} className={n.id === selectedId ? "bg-indigo-50" : undefined}>
                  <td className="px-2 py-1 text-slate-600">{n.type}</td>
                  <td className="px-2 py-1">
                    <button
                      type="button"
                      className="text-left text-indigo-800 underline"
                      aria-pressed={n.id === selectedId}
                      onClick={() => onSelect(n.id)}
                    >
                      {n.label}
                    </button>
                  </td>
                  <td className="px-2 py-1 text-slate-600">{detail(n)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="graph-edges-heading" className="space-y-2">
        <h3 id="graph-edges-heading" className="font-semibold text-slate-900">
          Relationships ({edges.length})
        </h3>
        <div
          className="max-h-[32rem] overflow-auto rounded-md border border-slate-200"
          tabIndex={0}
          aria-label="Relationships table, scrollable"
        >
          <table className="w-full text-left text-sm">
            <thead className="sticky top-0 bg-slate-50">
              <tr>
                <th scope="col" className="px-2 py-1">
                  From
                </th>
                <th scope="col" className="px-2 py-1">
                  Relationship
                </th>
                <th scope="col" className="px-2 py-1">
                  To
                </th>
              </tr>
            </thead>
            <tbody>
              {edges.map((e) => (
                <tr key={`${e.type}:${e.source}->${e.target}`}>
                  <td className="px-2 py-1">{name(e.source)}</td>
                  <td className="px-2 py-1 font-medium">
                    {e.label}
                    {e.note ? <span className="block text-xs font-normal text-slate-600">{e.note}</span> : null}
                  </td>
                  <td className="px-2 py-1">{name(e.target)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
