// Every claim that mentions an entity: grade pair, statement, who claims it, and its quotes linked back
// to the exact place in each document. Captured text is rendered as text, never as HTML.
import Link from "next/link";
import { GradeBadge } from "@/components/claims/grade-badge";
import { KIND_LABELS, STATUS_LABELS, STATUS_STYLES, type ClaimDetail, type ClaimStatus } from "@/components/claims/claim-labels";

export function EntityClaims({ caseId, claims }: { caseId: string; claims: ClaimDetail[] }) {
  if (!claims.length) {
    return (
      <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-700">
        No claim mentions this entity yet. Tag it on a claim (from the reader or the claim&apos;s page) and the claim will be listed here.
      </p>
    );
  }
  return (
    <ol className="space-y-3" aria-label="Claims mentioning this entity">
      {claims.map((c) => (
        <li key={c.id} className="rounded-lg border border-slate-200 bg-white p-4" data-testid="entity-claim">
          <div className="flex flex-wrap items-start gap-3">
            <GradeBadge grade={c.grade} reliability={c.reliability} credibility={c.credibility} />
            <div className="min-w-0 flex-1">
              <Link href={`/cases/${caseId}/claims/${c.id}`} className="font-medium text-slate-900 underline-offset-2 hover:underline">
                {c.statement}
              </Link>
              <div className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-700">
                <span>
                  Claimed by <span className="font-medium">{c.claimant}</span>
                </span>
                <span>{KIND_LABELS[c.kind as keyof typeof KIND_LABELS] ?? c.kind}</span>
                <span className={`rounded px-1.5 py-0.5 font-medium ${STATUS_STYLES[c.status as ClaimStatus] ?? ""}`}>
                  {STATUS_LABELS[c.status as ClaimStatus] ?? c.status}
                </span>
              </div>
            </div>
          </div>
          {c.excerpts.length > 0 && (
            <ul className="mt-3 space-y-2 border-l-2 border-slate-200 pl-3" aria-label="Quotes">
              {c.excerpts.map((e) => (
                <li key={e.id} className="text-sm">
                  <blockquote className="font-serif text-slate-900">“{e.exact}”</blockquote>
                  <Link
                    href={`/cases/${caseId}/documents/${e.documentId}#excerpt-${e.id}`}
                    className="text-xs font-medium text-indigo-800 underline hover:text-indigo-950"
                  >
                    Open in “{e.documentTitle}”
                  </Link>
                  <span className="ml-2 text-xs text-slate-600">{e.source ? e.source.name : "No source assigned"}</span>
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
