"use client";
// "Find indicators" in the reader: asks the server for the indicators the document's text reports (defanged
// forms included), lists them with the text as written and the canonical value, and lets an editor accept
// one, which records it with its quote. Suggestions on a warning list (private, reserved, documentation,
// benign) are listed apart under the reason and are only recorded by an explicit "Accept anyway".
import Link from "next/link";
import { useState } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api, formErrorMessage } from "@/lib/client/api";
import { indicatorKeys } from "@/lib/client/query-keys";
import { defang } from "@/lib/indicators/defang";
import { INDICATOR_FLAGS } from "@/lib/indicators/types";
import { Button } from "@/components/ui/form";
import {
  FLAG_LABELS,
  FLAG_REASONS,
  INDICATOR_TYPE_LABELS,
  type IndicatorSuggestion,
  type SuggestionPage,
} from "@/components/indicators/indicator-labels";
import { useCreateIndicator } from "@/components/indicators/use-create-indicator";

const PAGE_LIMIT = 100;
const keyOf = (s: IndicatorSuggestion) => `${s.type}\u0000${s.value}`;

export function FindIndicators({ caseId, documentId, canAccept }: { caseId: string; documentId: string; canAccept: boolean }) {
  const [started, setStarted] = useState(false);
  const [page, setPage] = useState(1);
  const { data, isFetching, error } = useQuery({
    queryKey: indicatorKeys.suggestions(caseId, documentId, page),
    queryFn: () =>
      api<SuggestionPage>(`/api/cases/${caseId}/documents/${documentId}/indicators/extract?page=${page}&limit=${PAGE_LIMIT}`, {
        method: "POST",
      }),
    enabled: started,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  const suggestions = data?.suggestions ?? [];
  const clean = suggestions.filter((s) => s.flags.length === 0);
  const flagged = INDICATOR_FLAGS.map((f) => ({ flag: f, items: suggestions.filter((s) => s.flags[0] === f) })).filter(
    (g) => g.items.length,
  );

  return (
    <section aria-labelledby="find-indicators-heading" className="space-y-2 text-sm">
      <h2 id="find-indicators-heading" className="text-sm font-semibold uppercase tracking-wide text-slate-600">
        Indicators in this document
      </h2>
      {!started ? (
        <Button type="button" variant="secondary" className="px-2.5 py-1" onClick={() => setStarted(true)}>
          Find indicators
        </Button>
      ) : (
        <div className="space-y-3" aria-busy={isFetching}>
          {error && (
            <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-red-800">
              Could not find indicators: {formErrorMessage(error) ?? "the server did not answer."}
            </p>
          )}
          {isFetching && !data && <p className="text-slate-600">Looking for indicators…</p>}
          {data && (
            <p aria-live="polite" data-testid="suggestions-total" className="text-slate-700">
              {data.total === 0 ? "No indicators found in this text." : `${data.total.toLocaleString("en")} found`}
              {data.pages > 1 && ` · page ${data.page} of ${data.pages}`}
            </p>
          )}
          {clean.length > 0 && (
            <SuggestionList caseId={caseId} documentId={documentId} items={clean} canAccept={canAccept} label="Suggested indicators" />
          )}
          {flagged.map((g) => (
            <div key={g.flag} className="space-y-1 rounded-md border border-amber-300 bg-amber-50 p-2">
              <h3 className="font-semibold text-amber-950" id={`flagged-${g.flag}`}>
                Flagged {FLAG_LABELS[g.flag].toLowerCase()}: probably not an indicator
              </h3>
              <p className="text-xs text-amber-900">Each is {FLAG_REASONS[g.flag]}. Accept one only if you are sure it matters here.</p>
              <SuggestionList
                caseId={caseId}
                documentId={documentId}
                items={g.items}
                canAccept={canAccept}
                flagged
                label={`Flagged ${FLAG_LABELS[g.flag].toLowerCase()} suggestions`}
              />
            </div>
          ))}
          {data && data.pages > 1 && (
            <nav aria-label="Suggestion pages" className="flex items-center gap-2">
              <Button type="button" variant="secondary" className="px-2 py-0.5" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                Previous page
              </Button>
              <Button
                type="button"
                variant="secondary"
                className="px-2 py-0.5"
                disabled={page >= data.pages}
                onClick={() => setPage(page + 1)}
              >
                Next page
              </Button>
            </nav>
          )}
          <p>
            <Link href={`/cases/${caseId}/indicators`} className="text-indigo-800 underline">
              The case&apos;s indicators
            </Link>
          </p>
        </div>
      )}
    </section>
  );
}

function SuggestionList({
  caseId,
  documentId,
  items,
  canAccept,
  flagged = false,
  label,
}: {
  caseId: string;
  documentId: string;
  items: IndicatorSuggestion[];
  canAccept: boolean;
  flagged?: boolean;
  label: string;
}) {
  return (
    <ul className="space-y-2" aria-label={label}>
      {items.map((s) => (
        <SuggestionItem key={keyOf(s)} caseId={caseId} documentId={documentId} s={s} canAccept={canAccept} flagged={flagged} />
      ))}
    </ul>
  );
}

function SuggestionItem({
  caseId,
  documentId,
  s,
  canAccept,
  flagged,
}: {
  caseId: string;
  documentId: string;
  s: IndicatorSuggestion;
  canAccept: boolean;
  flagged: boolean;
}) {
  const create = useCreateIndicator({ caseId });
  const [accepted, setAccepted] = useState<string | null>(null);
  const recorded = accepted ?? s.indicatorId;
  const shown = defang(s.type, s.value);
  return (
    <li className="rounded-md border border-slate-200 bg-white p-2" data-testid="indicator-suggestion">
      <div className="flex items-baseline justify-between gap-2">
        <span className="text-xs font-medium text-slate-600">{INDICATOR_TYPE_LABELS[s.type]}</span>
        {(s.occurrences ?? 1) > 1 && <span className="text-xs text-slate-600">{s.occurrences} times</span>}
      </div>
      <a
        href={`#chars-${s.start}-${s.end}`}
        className="block break-all font-mono text-xs text-indigo-800 hover:underline"
        title="Show where the document writes it"
      >
        <span className="sr-only">As written: </span>
        {s.exact}
      </a>
      {shown !== s.exact && (
        <p className="break-all font-mono text-xs text-slate-700">
          <span className="font-sans text-slate-600">Value: </span>
          {shown}
        </p>
      )}
      <div className="mt-1 flex flex-wrap items-center gap-2">
        {recorded ? (
          <span role="status" className="text-xs font-medium text-emerald-800">
            {accepted ? "Accepted" : "Already recorded"} ·{" "}
            <Link href={`/cases/${caseId}/indicators/${recorded}`} className="underline">
              open
            </Link>
          </span>
        ) : (
          canAccept && (
            <Button
              type="button"
              variant={flagged ? "secondary" : "primary"}
              className="px-2 py-0.5 text-xs"
              disabled={create.isPending}
              aria-label={`${flagged ? "Accept anyway" : "Accept"} ${shown}`}
              onClick={() =>
                create.mutate(
                  { type: s.type, value: s.value, excerpts: [{ documentId, start: s.start, end: s.end, exact: s.exact }] },
                  { onSuccess: ({ indicator }) => setAccepted(indicator.id) },
                )
              }
            >
              {create.isPending ? "Accepting…" : flagged ? "Accept anyway" : "Accept"}
            </Button>
          )
        )}
      </div>
      {create.error && (
        <p role="alert" className="mt-1 text-xs text-red-800">
          {formErrorMessage(create.error, { fields: [] }) ?? "Could not accept it."}
        </p>
      )}
    </li>
  );
}
