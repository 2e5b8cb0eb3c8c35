// One competing hypothesis as a card: the analyst's judgment (likelihood and confidence kept apart),
// its standing, and what sources themselves said. A rejected hypothesis stays on the board, greyed,
// with the reason it was rejected, so the alternatives considered remain visible.
import Link from "next/link";
import { ReviewStateBadge } from "./review-state-badge";
import { VendorStatementLines } from "./vendor-statement-lines";
import { DISPOSITION_LABELS, judgmentLine } from "./judgment-labels";
import type { VendorStatement } from "./types";

export type HypothesisCardData = {
  id: string;
  title: string;
  actor: { id: string; name: string } | null;
  likelihood: string | null;
  confidence: string | null;
  rationale: string;
  disposition: string;
  rejectedReason: string | null;
  reviewState: string;
  author: { name: string };
};

export function HypothesisCard({
  caseId,
  h,
  approvedBy,
  statements,
}: {
  caseId: string;
  h: HypothesisCardData;
  approvedBy: string | null;
  statements: VendorStatement[];
}) {
  const rejected = h.disposition === "rejected";
  const titleId = `hyp-${h.id}`;
  return (
    <article
      aria-labelledby={titleId}
      data-testid="hypothesis-card"
      data-disposition={h.disposition}
      className={`flex flex-col gap-2 rounded-lg border p-4 text-sm shadow-sm ${rejected ? "border-slate-300 bg-slate-100 text-slate-700" : h.disposition === "leading" ? "border-indigo-300 bg-white ring-1 ring-indigo-200" : "border-slate-200 bg-white"}`}
    >
      <div className="flex items-start justify-between gap-2">
        <h4 id={titleId} className={`font-semibold leading-snug ${rejected ? "text-slate-700" : "text-slate-900"}`}>
          <Link href={`/cases/${caseId}/attribution/${h.id}`} className="hover:underline">
            {h.title}
          </Link>
        </h4>
        <ReviewStateBadge state={h.reviewState} approvedBy={approvedBy} />
      </div>
      <p className="text-slate-700">
        <span className="sr-only">Actor: </span>
        {h.actor ? <span className="font-medium">{h.actor.name}</span> : <span className="italic">No actor named</span>}
      </p>
      <p className="font-medium text-slate-900" data-testid="judgment-line">
        {judgmentLine(h)}
      </p>
      {h.rationale ? (
        <p className="line-clamp-3 text-slate-700">{h.rationale}</p>
      ) : (
        <p className="italic text-slate-600">No rationale written yet.</p>
      )}
      <p data-testid="disposition">
        <span
          className={`rounded px-1.5 py-0.5 text-xs font-semibold ${rejected ? "bg-slate-300 text-slate-900" : h.disposition === "leading" ? "bg-indigo-100 text-indigo-900" : "bg-slate-100 text-slate-800"}`}
        >
          {DISPOSITION_LABELS[h.disposition] ?? h.disposition}
        </span>
        {rejected && h.rejectedReason && <span className="ml-1.5 text-slate-700">— {h.rejectedReason}</span>}
      </p>
      <VendorStatementLines statements={statements} />
      <p className="mt-auto text-xs text-slate-600">By {h.author.name}</p>
    </article>
  );
}
