import { Suspense } from "react";
import { preload } from "react-dom";
import { requireCasePage } from "@/lib/http/page-access";
import { GraphExplorer } from "@/components/graph/graph-explorer";

export const metadata = { title: "Evidence graph" };

export default async function GraphPage({ params }: { params: Promise<{ caseId: string }> }) {
  const { caseId } = await params;
  await requireCasePage({ caseId, action: "claims.read", path: `/cases/${caseId}/graph` });
  // The explorer fetches the graph from the API (a large graph is megabytes: cheaper as JSON than in the
  // server render's props); the browser starts that request with the page, not after hydration.
  preload(`/api/cases/${caseId}/graph`, { as: "fetch", crossOrigin: "anonymous" });
  return (
    <main className="mx-auto max-w-7xl space-y-4 px-4 py-6">
      <div className="space-y-1">
        <h2 className="text-xl font-semibold text-slate-900">Evidence graph</h2>
        <p className="text-sm text-slate-600">
          Sources, documents, claims, entities, indicators, ATT&amp;CK techniques and hypotheses, and how they connect. Select a claim to
          see the chain by which it reached us; corroboration that traces back to one origin is marked as circular reporting.
        </p>
      </div>
      <Suspense fallback={<p className="text-sm text-slate-600">Loading the graph…</p>}>
        <GraphExplorer caseId={caseId} />
      </Suspense>
    </main>
  );
}
