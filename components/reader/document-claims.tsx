"use client";
import Link from "next/link";
import type { ReaderClaim } from "./types";

const cap = (s: string) => s[0].toUpperCase() + s.slice(1);

/** Claims drawn from this document, in reading order; each links to its quote in the text. */
export function DocumentClaims({
  caseId,
  claims,
  documentId,
  activeIds,
  onJump,
}: {
  caseId: string;
  claims: ReaderClaim[];
  documentId: string;
  activeIds: ReadonlySet<string>;
  onJump: (excerptId: string) => void;
}) {
  return (
    <section aria-labelledby="doc-claims-heading" className="space-y-2 text-sm">
      <h2 id="doc-claims-heading" className="text-sm font-semibold uppercase tracking-wide text-slate-600">
        Claims from this document <span className="font-normal normal-case">({claims.length})</span>
      </h2>
      {claims.length === 0 ? (
        <p className="text-slate-700">None yet. Select a passage in the text to draw a claim from it.</p>
      ) : (
        <ol className="space-y-2" aria-label="Claims from this document">
          {claims.map((c) => {
            const quote = c.excerpts.find((e) => e.documentId === documentId);
            return (
              <li
                key={c.id}
                id={`claim-${c.id}`}
                tabIndex={-1}
                data-testid="reader-claim"
                className={`rounded-md border bg-white p-2.5 outline-none focus-visible:ring-2 focus-visible:ring-indigo-600 ${activeIds.has(c.id) ? "border-indigo-600 ring-2 ring-indigo-300" : "border-slate-200"}`}
              >
                <div className="flex items-baseline gap-2">
                  <span
                    className="rounded bg-slate-800 px-1.5 py-0.5 font-mono text-xs font-bold text-white"
                    title="Source reliability and information credibility"
                  >
                    {c.grade}
                  </span>
                  <span className="text-xs text-slate-600">
                    {cap(c.kind)} · {cap(c.status)}
                  </span>
                </div>
                <p className="mt-1">
                  <Link href={`/cases/${caseId}/claims/${c.id}`} className="text-slate-900 hover:underline">
                    {c.statement}
                  </Link>
                </p>
                {quote && (
                  <a
                    href={`#excerpt-${quote.id}`}
                    onClick={(e) => {
                      // The hash is kept for copy-paste links; jumping here also works when it is unchanged.
                      e.preventDefault();
                      window.history.replaceState(null, "", `#excerpt-${quote.id}`);
                      onJump(quote.id);
                    }}
                    className="mt-1 block truncate font-serif text-xs text-indigo-800 underline-offset-2 hover:underline"
                  >
                    <span className="sr-only">Show the quote in the text: </span>“{quote.exact}”
                  </a>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
