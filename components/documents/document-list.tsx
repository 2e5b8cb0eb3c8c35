"use client";
import Link from "next/link";
import { dayMonthYear } from "@/components/activity/time-format";
import { RetractedTag } from "@/components/lifecycle/retracted-tag";
import { UNGRADED } from "@/lib/claims/ungraded";

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

/** The case's documents as the server rendered them; adding one re-renders the page (useCreateDocument). */
export function DocumentList({ caseId, initial: data }: { caseId: string; initial: DocumentRow[] }) {
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
            <span>Published {d.publishedAt ? dayMonthYear(new Date(d.publishedAt)) : "—"}</span>
            <span>Retrieved {dayMonthYear(new Date(d.retrievedAt), true)}</span>
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
