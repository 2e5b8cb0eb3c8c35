"use client";
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { format } from "date-fns";
import { api } from "@/lib/client/api";
import { documentKeys } from "@/lib/client/query-keys";
import { RetractedTag } from "@/components/lifecycle/retracted-banner";
import { UNGRADED } from "@/lib/claims/reliability";

export type DocumentRow = {
  id: string;
  title: string;
  publisher: string | null;
  publishedAt: string | null;
  retrievedAt: string;
  kind: string;
  sha256: string;
  sizeBytes: number;
  addedBy: string;
  retractedAt?: string | null;
  retractionReason?: string | null;
  source?: { name: string; reliability: string } | null;
  reliabilityOverride?: string | null;
};

export function DocumentList({
  caseId,
  initial,
  showRetracted = false,
}: {
  caseId: string;
  initial: DocumentRow[];
  showRetracted?: boolean;
}) {
  const { data } = useQuery({
    queryKey: documentKeys.listing(caseId, { showRetracted }),
    queryFn: () =>
      api<{ documents: DocumentRow[] }>(`/api/cases/${caseId}/documents${showRetracted ? "?include=retracted" : ""}`).then(
        (r) => r.documents,
      ),
    initialData: initial,
  });
  if (data.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-600">
        No documents yet. Paste a report or upload a file to start building the evidence.
      </p>
    );
  }
  return (
    <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white" aria-label="Documents">
      {data.map((d) => (
        <li key={d.id} className="px-4 py-3">
          <Link
            href={`/cases/${caseId}/documents/${d.id}`}
            className={`font-medium hover:underline ${d.retractedAt ? "text-slate-500 line-through" : "text-slate-900"}`}
          >
            {d.title}
          </Link>
          {d.retractedAt && <RetractedTag reason={d.retractionReason} />}
          <div className="mt-0.5 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-500">
            {d.source ? (
              <span data-testid="document-source-grade">
                {d.source.name} ({d.reliabilityOverride ?? d.source.reliability})
              </span>
            ) : (
              <span data-testid="document-source-grade" className="italic">
                {UNGRADED}
              </span>
            )}
            {d.publisher && d.publisher !== d.source?.name && <span>{d.publisher}</span>}
            <span>Published {d.publishedAt ? format(new Date(d.publishedAt), "d MMM yyyy") : "—"}</span>
            <span>Retrieved {format(new Date(d.retrievedAt), "d MMM yyyy HH:mm")}</span>
            <span className="capitalize">{d.kind}</span>
            <span title={d.sha256}>
              SHA-256 <code className="font-mono">{d.sha256.slice(0, 12)}…</code>
            </span>
            <span>Added by {d.addedBy}</span>
          </div>
        </li>
      ))}
    </ul>
  );
}
