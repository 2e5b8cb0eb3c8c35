// The chain behind the judgment: each claim rated against it, with its grade, the raters' ratings and
// links to the exact quotes in the captured documents.
import Link from "next/link";
import { ACH_RATINGS } from "@/lib/standards/scales";
import { GradeBadge } from "@/components/claims/grade-badge";
import type { EvidenceItem } from "./types";

const ratingLabel = (code: string) => ACH_RATINGS.find((r) => r.code === code)?.label ?? code;

export function EvidenceTrail({ caseId, items }: { caseId: string; items: EvidenceItem[] }) {
  return (
    <section aria-labelledby="evidence-heading" className="space-y-3">
      <h3 id="evidence-heading" className="font-semibold">
        Evidence trail
      </h3>
      {items.length === 0 ? (
        <p className="text-sm text-slate-600">
          No claim has been rated against this hypothesis yet. Rate claims in the{" "}
          <Link className="font-medium text-indigo-800 underline" href={`/cases/${caseId}/ach`}>
            ACH matrix
          </Link>
          .
        </p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white text-sm shadow-sm">
          {items.map((e) => (
            <li key={e.claimId} className="space-y-1.5 p-3" data-testid="evidence-item">
              <div className="flex items-start gap-2">
                <GradeBadge grade={e.grade} reliability={e.reliability} credibility={e.credibility} />
                <Link href={`/cases/${caseId}/claims/${e.claimId}`} className="font-medium text-slate-900 hover:underline">
                  {e.statement}
                </Link>
              </div>
              <p className="text-xs text-slate-700">
                Claimed by {e.claimant} · rated{" "}
                {e.ratings.map((r, i) => (
                  <span key={i}>
                    {i > 0 && ", "}
                    <abbr title={ratingLabel(r.rating)} className="font-mono font-semibold no-underline">
                      {r.rating}
                    </abbr>{" "}
                    ({ratingLabel(r.rating)}) by {r.raterName}
                    {r.note && <> — “{r.note}”</>}
                  </span>
                ))}
              </p>
              {e.excerpts.length > 0 && (
                <ul className="space-y-1">
                  {e.excerpts.map((x) => (
                    <li key={x.id}>
                      <Link
                        href={`/cases/${caseId}/documents/${x.documentId}#excerpt-${x.id}`}
                        className="block rounded bg-slate-50 px-2 py-1 text-slate-800 hover:bg-indigo-50"
                        data-testid="evidence-quote"
                      >
                        <q className="italic">{x.exact.length > 240 ? `${x.exact.slice(0, 240)}…` : x.exact}</q>
                        <span className="block text-xs text-indigo-800">{x.documentTitle} →</span>
                      </Link>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
