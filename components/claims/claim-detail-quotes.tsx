// A claim's quotes, each with a little of the text around it and a link to that exact place in the reader.
import Link from "next/link";
import { reliabilityLabel, type ClaimDetail } from "./claim-labels";

export function ClaimDetailQuotes({ caseId, claim }: { caseId: string; claim: ClaimDetail }) {
  return (
    <section aria-labelledby="claim-quotes" className="space-y-3">
      <h3 id="claim-quotes" className="font-semibold">
        Quotes <span className="text-sm font-normal text-slate-600">({claim.excerpts.length})</span>
      </h3>
      <ol className="space-y-3" aria-label="Quotes">
        {claim.excerpts.map((e) => (
          <li key={e.id} className="rounded-lg border border-slate-200 bg-white p-4" data-testid="claim-quote">
            {/* Captured text is rendered as text, never as HTML. */}
            <blockquote className="font-serif leading-relaxed text-slate-900">
              {e.prefix && <span className="text-slate-600">…{e.prefix}</span>}
              <mark className="rounded bg-yellow-100 px-0.5 text-slate-950">{e.exact}</mark>
              {e.suffix && <span className="text-slate-600">{e.suffix}…</span>}
            </blockquote>
            <div className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-slate-700">
              <Link
                href={`/cases/${caseId}/documents/${e.documentId}#excerpt-${e.id}`}
                className="font-medium text-indigo-800 underline hover:text-indigo-950"
              >
                Open in “{e.documentTitle}”
              </Link>
              <span data-testid="quote-grade">
                {e.source ? e.source.name : "No source assigned"} · {reliabilityLabel(e.reliability)}
                {e.documentRetracted ? " · document retracted (lends no grade)" : ""}
              </span>
              <span>
                characters {e.start.toLocaleString("en")}–{e.end.toLocaleString("en")}
              </span>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
