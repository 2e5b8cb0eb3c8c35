// Footnotes: each marker in the text jumps to its note, and each note carries the chain of evidence —
// the exact quote, the document, its source and reliability, the SHA-256 of the captured copy — with a
// link to the quote's exact place in the reader.
import Link from "next/link";
import type { BriefFootnote } from "@/lib/briefs/brief-types";

export function FootnoteRefs({ ns }: { ns: number[] }) {
  if (!ns.length) return null;
  return (
    <span className="whitespace-nowrap">
      {ns.map((n) => (
        <sup key={n} className="ml-0.5">
          <a
            href={`#note-${n}`}
            className="font-sans text-[0.7rem] font-semibold text-indigo-800 hover:underline"
            aria-label={`Note ${n}`}
            data-testid="footnote-ref"
          >
            [{n}]
          </a>
        </sup>
      ))}
    </span>
  );
}

export function FootnoteList({ caseId, footnotes }: { caseId: string; footnotes: BriefFootnote[] }) {
  if (!footnotes.length) return null;
  return (
    <section aria-labelledby="brief-footnotes" className="mt-8 border-t border-slate-300 pt-4">
      <h2 id="brief-footnotes" className="mb-3 text-base font-semibold text-slate-900">
        Footnotes
      </h2>
      <ol className="space-y-3 text-sm" data-testid="footnotes">
        {footnotes.map((f) => (
          <li
            key={f.n}
            id={`note-${f.n}`}
            className="grid scroll-mt-24 grid-cols-[2rem_1fr] gap-x-1 target:bg-amber-50"
            data-testid="footnote"
          >
            <span className="font-sans text-xs font-semibold text-slate-600">[{f.n}]</span>
            <div className="min-w-0 space-y-0.5">
              <p className="text-slate-900">“{f.quote}”</p>
              <p className="text-slate-700">
                {f.documentTitle}
                {f.sourceName ? <>, {f.sourceName}</> : null} · reliability <span className="font-sans font-semibold">{f.reliability}</span>
              </p>
              <p className="font-sans text-xs text-slate-700">
                characters {f.start}–{f.end} (UTF-16) · SHA-256{" "}
                <code className="break-all font-mono text-slate-900" data-testid="footnote-sha256">
                  {f.sha256}
                </code>
              </p>
              <p className="font-sans text-xs">
                <Link
                  // A claim's quote has its own anchor in the reader; an indicator's is found by its offsets.
                  href={`/cases/${caseId}/documents/${f.documentId}${f.indicatorId ? `#chars-${f.start}-${f.end}` : `#excerpt-${f.excerptId}`}`}
                  className="font-medium text-indigo-800 underline hover:text-indigo-950"
                  data-testid="footnote-reader-link"
                >
                  Show the quote in the document<span className="sr-only"> (note {f.n})</span>
                </Link>
                {f.url && (
                  <>
                    {" · "}
                    <a href={f.url} rel="noopener noreferrer nofollow" target="_blank" className="break-all text-slate-700 underline">
                      {f.url}
                    </a>
                  </>
                )}
              </p>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
