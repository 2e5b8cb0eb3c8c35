"use client";
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { api } from "@/lib/client/api";
import { claimKeys } from "@/lib/client/query-keys";
import type { ClaimDetail } from "@/components/claims/claim-labels";
import type { CaseGraphView, GraphNode } from "@/lib/graph/schemas";

/**
 * The quote a claim node opens at (its href names the excerpt). The graph leaves quoted words out to stay small;
 * they come with the claim, read when the node is selected.
 */
function ClaimQuote({ caseId, node }: { caseId: string; node: GraphNode }) {
  const excerptId = node.href?.split("#excerpt-")[1];
  const { data: claim, error } = useQuery({
    queryKey: claimKeys.detail(caseId, node.recordId),
    queryFn: () => api<{ claim: ClaimDetail }>(`/api/cases/${caseId}/claims/${node.recordId}`).then((r) => r.claim),
    enabled: !!excerptId,
  });
  if (!excerptId) return null;
  if (error) return <p className="text-slate-600">The quote could not be loaded: {error.message}</p>;
  if (!claim) return <p className="text-slate-600">Loading the quote…</p>;
  const quote = claim.excerpts.find((e) => e.id === excerptId);
  if (!quote) return null;
  return (
    <figure className="space-y-1">
      <blockquote className="border-l-4 border-slate-300 pl-2 italic text-slate-800">“{quote.exact}”</blockquote>
      <figcaption className="text-slate-600">— {quote.documentTitle}</figcaption>
    </figure>
  );
}

/** The selected node: its name, grade, quote with a link to the reader at it, and for a claim its origin and circular reporting. */
export function GraphSidePanel({
  caseId,
  node,
  graph,
  byId,
  onSelect,
}: {
  caseId: string;
  node: GraphNode | null;
  graph: CaseGraphView;
  byId: Map<string, GraphNode>;
  onSelect: (id: string) => void;
}) {
  if (!node) {
    return (
      <aside aria-label="Selected node" className="rounded-md border border-slate-200 bg-white p-3 text-sm text-slate-600">
        Select a node (click it, find it by name, or pick it in the list view) to see its details and, for a claim, the chain by which it
        reached us.
      </aside>
    );
  }
  const circular = node.type === "claim" ? graph.circular.filter((c) => c.claimIds.includes(node.recordId)) : [];
  const chain = node.origin?.chain ?? [];
  return (
    <aside aria-label="Selected node" className="space-y-3 rounded-md border border-slate-200 bg-white p-3 text-sm">
      <div>
        <p className="text-xs uppercase tracking-wide text-slate-500">{node.type}</p>
        <h3 className="font-semibold text-slate-900">{node.label}</h3>
        <p className="text-slate-600">
          {[
            node.grade ? `Grade ${node.grade}` : node.reliability ? `Reliability ${node.reliability}` : null,
            node.status ? `status ${node.status}` : null,
            node.kind,
          ]
            .filter(Boolean)
            .join(" · ")}
        </p>
      </div>
      {node.type === "claim" && <ClaimQuote key={node.id} caseId={caseId} node={node} />}
      {node.href && (
        <Link href={node.href} className="inline-block text-indigo-800 underline">
          {node.type === "claim" && node.href.includes("#excerpt-") ? "Open the quote in the reader" : "Open"}
        </Link>
      )}
      {node.origin && (
        <section aria-labelledby="graph-origin-heading" className="space-y-1">
          <h4 id="graph-origin-heading" className="font-medium text-slate-900">
            Origin: {node.origin.label}
          </h4>
          <ol aria-label="Provenance chain" className="list-decimal space-y-0.5 pl-5">
            {chain.map((id, i) => {
              const n = byId.get(id);
              return (
                <li key={id}>
                  <button type="button" className="text-left text-indigo-800 underline" onClick={() => onSelect(id)}>
                    {n ? `${n.type}: ${n.label}` : id}
                  </button>
                  {i < chain.length - 1 && (
                    <span className="block text-xs text-slate-500">
                      {byId.get(chain[i + 1])?.type === "claim"
                        ? "repeats ↓"
                        : byId.get(chain[i + 1])?.type === "document"
                          ? "quotes ↓"
                          : "from ↓"}
                    </span>
                  )}
                </li>
              );
            })}
          </ol>
        </section>
      )}
      {circular.length > 0 && (
        <section aria-labelledby="graph-circular-heading" className="space-y-1 rounded border border-red-200 bg-red-50 p-2 text-red-900">
          <h4 id="graph-circular-heading" className="font-medium">
            Circular reporting
          </h4>
          {circular.map((c) => {
            const other = c.claimIds[0] === node.recordId ? c.claimIds[1] : c.claimIds[0];
            return (
              <div key={c.claimIds.join("|")}>
                <p>
                  With{" "}
                  <button type="button" className="text-left underline" onClick={() => onSelect(`claim:${other}`)}>
                    {byId.get(`claim:${other}`)?.label ?? other}
                  </button>
                </p>
                <p>{c.explanation}</p>
              </div>
            );
          })}
        </section>
      )}
    </aside>
  );
}
