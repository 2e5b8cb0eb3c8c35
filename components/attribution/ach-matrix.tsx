"use client";
// The ACH matrix (STANDARDS.md §5): claims × hypotheses, rated from the keyboard, with inconsistency,
// diagnosticity and ranking recomputed in the browser on every rating (the server stores; the client
// scores with the same pure function the server uses).
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { api } from "@/lib/client/api";
import { achKeys } from "@/lib/client/query-keys";
import { ACH_SCORES_NOTE, computeAchScores } from "@/lib/attribution/ach-scores";
import type { AchRating } from "@/lib/standards/scales";
import { AchRow, describeRaters } from "./ach-row";
import { AchNoteEditor } from "./ach-note-editor";
import { AchScoreHeader } from "./ach-score-header";
import { useRateCell, type RateCellVars } from "./use-rate-cell";
import { useClearRating, type ClearRatingVars } from "./use-clear-rating";
import { useAchKeyboard, type Coord } from "./use-ach-keyboard";
import { SkipLink } from "@/components/ui/skip-link";
import { describeRankingChange, hypothesisLabel, ratingInputs, toAchView, type AchView } from "./ach-view";

export function AchMatrix({
  caseId,
  initial,
  me,
  canRate,
}: {
  caseId: string;
  initial: AchView;
  me: { id: string; name: string };
  canRate: boolean;
}) {
  const questionId = initial.question.id;
  const { data: view = initial } = useQuery({
    queryKey: achKeys.matrix(caseId, questionId),
    queryFn: async () => {
      const { matrix } = await api<{ matrix: Parameters<typeof toAchView>[0] | null }>(`/api/cases/${caseId}/ach?questionId=${questionId}`);
      return matrix ? toAchView(matrix) : initial;
    },
    initialData: initial,
  });
  const { hypotheses, claims } = view;
  const [excluded, setExcluded] = useState<ReadonlySet<string>>(() => new Set());
  const [noteFor, setNoteFor] = useState<{ claimId: string; hypothesisId: string; coord: Coord } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const gridRef = useRef<HTMLTableElement>(null);
  // Marks the grid interactive once hydrated (the e2e test and the benchmark wait for it).
  useEffect(() => gridRef.current?.setAttribute("data-ready", "true"), []);

  const hypothesisIds = useMemo(() => hypotheses.map((h) => h.id), [hypotheses]);
  const claimIds = useMemo(() => claims.map((c) => c.id), [claims]);
  const labels = useMemo(() => new Map(hypotheses.map((h, i) => [h.id, hypothesisLabel(i)])), [hypotheses]);
  const inputs = useMemo(() => ratingInputs(view), [view]);
  const excludedIds = useMemo(() => [...excluded].filter((id) => claimIds.includes(id)), [excluded, claimIds]);
  const scores = useMemo(
    () => computeAchScores({ hypothesisIds, claimIds, ratings: inputs, excludedClaimIds: excludedIds }),
    [hypothesisIds, claimIds, inputs, excludedIds],
  );
  const baseline = useMemo(
    () => (excludedIds.length ? computeAchScores({ hypothesisIds, claimIds, ratings: inputs }) : scores),
    [excludedIds, hypothesisIds, claimIds, inputs, scores],
  );
  const sensitivity = excludedIds.length ? describeRankingChange({ labels, before: baseline.hypotheses, after: scores.hypotheses }) : null;

  const claimById = useMemo(() => new Map(claims.map((c) => [c.id, c])), [claims]);
  const onRateError = useCallback(
    (message: string, vars: RateCellVars) => {
      const claim = claimById.get(vars.claimId);
      setError(
        `Could not save ${vars.rating} for ${labels.get(vars.hypothesisId) ?? "the hypothesis"} on “${claim?.statement.slice(0, 60) ?? "the claim"}”: ${message} The cell shows its previous rating again.`,
      );
    },
    [claimById, labels],
  );
  const rate = useRateCell({ caseId, questionId, me, onError: onRateError });
  const onClearError = useCallback(
    (message: string, vars: ClearRatingVars) => {
      const claim = claimById.get(vars.claimId);
      setError(
        `Could not clear your rating for ${labels.get(vars.hypothesisId) ?? "the hypothesis"} on “${claim?.statement.slice(0, 60) ?? "the claim"}”: ${message} The cell shows your rating again.`,
      );
    },
    [claimById, labels],
  );
  const clear = useClearRating({ caseId, questionId, me, onError: onClearError });

  const onToggleExclude = useCallback((claimId: string) => {
    setExcluded((prev) => {
      const next = new Set(prev);
      if (!next.delete(claimId)) next.add(claimId);
      return next;
    });
  }, []);

  const { focus, focusedCell, moveFocus, forgetPress, gridProps } = useAchKeyboard({
    gridRef,
    claims,
    hypotheses,
    canRate,
    onRate: ({ claimId, hypothesisId }, rating) => submitRating(claimId, hypothesisId, rating),
    onClear: ({ claimId, hypothesisId }) => clearRating(claimId, hypothesisId),
    onOpenNote: (cell) => setNoteFor(cell),
    onRefused: setError,
  });

  const myRating = (claimId: string, hypothesisId: string) => view.rows[claimId]?.[hypothesisId]?.find((r) => r.raterId === me.id);

  const submitRating = (claimId: string, hypothesisId: string, rating: AchRating, note?: string) => {
    setError(null);
    // The API replaces the note too, so a rating typed from the keyboard carries the note already there.
    rate.mutate({ claimId, hypothesisId, rating, note: note ?? myRating(claimId, hypothesisId)?.note ?? "" });
  };

  // Back to "not rated" (only the caller's own rating; other raters' stay). Nothing to clear is a no-op.
  const clearRating = (claimId: string, hypothesisId: string) => {
    setError(null);
    forgetPress();
    if (myRating(claimId, hypothesisId)) clear.mutate({ claimId, hypothesisId });
  };

  const closeNote = () => {
    const at = noteFor?.coord;
    setNoteFor(null);
    if (at) requestAnimationFrame(() => moveFocus(at));
  };

  const focusedClaim = focusedCell ? claimById.get(focusedCell.claimId) : undefined;
  const focusedHypothesis = focusedCell ? hypotheses.find((h) => h.id === focusedCell.hypothesisId) : undefined;
  const focusedRaters = focusedClaim && focusedHypothesis ? (view.rows[focusedClaim.id]?.[focusedHypothesis.id] ?? []) : [];
  const noteClaim = noteFor ? claimById.get(noteFor.claimId) : undefined;
  const noteMine = noteFor ? myRating(noteFor.claimId, noteFor.hypothesisId) : undefined;
  const focusedMine = focusedClaim && focusedHypothesis ? focusedRaters.find((r) => r.raterId === me.id) : undefined;

  return (
    <div className="space-y-3">
      {/* First in the Tab order: past the header, the case tabs and the controls below, straight to the grid's cell. */}
      <SkipLink href="#ach-grid" onActivate={() => moveFocus(focus)}>
        Skip to the matrix
      </SkipLink>
      <p className="text-sm text-slate-700" id="ach-help">
        {canRate ? (
          <>
            Arrow keys move between cells. Type <Kbd>C</Kbd> consistent (<Kbd>C</Kbd>
            <Kbd>C</Kbd> or <Kbd>Shift+C</Kbd> very consistent), <Kbd>N</Kbd> neutral, <Kbd>I</Kbd> inconsistent (<Kbd>I</Kbd>
            <Kbd>I</Kbd> or <Kbd>Shift+I</Kbd> very inconsistent), <Kbd>A</Kbd> not applicable; <Kbd>Delete</Kbd> or <Kbd>Backspace</Kbd>{" "}
            clears your rating; <Kbd>Enter</Kbd> adds a note. Your rating is bold; the shade and the small number are the mean of all
            raters; ≠ marks raters two or more steps apart.
          </>
        ) : (
          <>
            Read only: your role can see every rater&apos;s ratings but not rate. Arrow keys move between cells; the shade and the small
            number are the mean of all raters; ≠ marks raters two or more steps apart.
          </>
        )}
      </p>
      <p className="text-sm text-slate-700" id="ach-scores-note" data-testid="ach-scores-note">
        {ACH_SCORES_NOTE}
      </p>
      {error && (
        <div
          role="alert"
          data-testid="ach-error"
          className="flex items-start justify-between gap-3 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
        >
          <span>{error}</span>
          <button type="button" className="text-red-900 underline" onClick={() => setError(null)}>
            Dismiss
          </button>
        </div>
      )}
      <div role="status" data-testid="ach-sensitivity" className="min-h-[1.5rem] text-sm">
        {sensitivity && (
          <span className={sensitivity === "ranking unchanged" ? "text-slate-700" : "font-semibold text-amber-900"}>
            Treating {excludedIds.length} claim{excludedIds.length === 1 ? "" : "s"} as false: {sensitivity}.{" "}
            <button type="button" className="font-normal text-indigo-800 underline" onClick={() => setExcluded(new Set())}>
              Treat all as true again
            </button>
          </span>
        )}
      </div>
      <div className="max-h-[75vh] overflow-auto rounded-md border border-slate-200 bg-white">
        <table
          ref={gridRef}
          id="ach-grid"
          role="grid"
          aria-label={`ACH matrix: ${view.question.question}`}
          aria-describedby="ach-help ach-scores-note"
          aria-readonly={canRate ? undefined : true}
          {...gridProps}
          className="w-full table-fixed border-collapse text-sm"
          style={{ minWidth: `${36 + hypotheses.length * 5.5}rem` }}
        >
          {/* Fixed layout: statements wrap and hypothesis titles truncate instead of pushing the last columns out of view. */}
          <colgroup>
            <col className="w-[22rem]" />
            {hypotheses.map((h) => (
              <col key={h.id} />
            ))}
            <col className="w-24" />
            <col className="w-32" />
          </colgroup>
          <AchScoreHeader
            hypotheses={hypotheses}
            labels={labels}
            scores={scores.hypotheses}
            baseline={excludedIds.length ? baseline.hypotheses : null}
            anyRated={inputs.length > 0}
          />
          <tbody>
            {claims.map((claim, i) => (
              <AchRow
                key={claim.id}
                caseId={caseId}
                rowIndex={i}
                claim={claim}
                hypotheses={hypotheses}
                hypothesisIds={hypothesisIds}
                ratings={view.rows[claim.id]}
                meId={me.id}
                canRate={canRate}
                focusedCol={focus.r === i ? focus.c : -1}
                excluded={excluded.has(claim.id)}
                onToggleExclude={onToggleExclude}
              />
            ))}
          </tbody>
        </table>
      </div>
      <div
        className="flex min-h-[2.5rem] flex-wrap items-center justify-between gap-2 rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-800"
        data-testid="ach-focused"
      >
        <span>
          {focusedClaim && focusedHypothesis ? (
            <>
              <span className="font-medium">
                {labels.get(focusedHypothesis.id)} {focusedHypothesis.title}
              </span>{" "}
              × “{focusedClaim.statement}”: {focusedRaters.length ? describeRaters(focusedRaters) : "not rated yet"}
            </>
          ) : (
            "Move to a cell to see every rater's rating and note."
          )}
        </span>
        {/* The mouse way to what Delete does on the focused cell; focus goes back to the cell afterwards. */}
        {canRate && focusedClaim && focusedHypothesis && focusedMine && (
          <button
            type="button"
            data-testid="ach-clear-rating"
            aria-label={`Clear my rating ${focusedMine.rating} of ${labels.get(focusedHypothesis.id)} on “${focusedClaim.statement.length > 60 ? `${focusedClaim.statement.slice(0, 59)}…` : focusedClaim.statement}”`}
            onClick={() => {
              clearRating(focusedClaim.id, focusedHypothesis.id);
              moveFocus(focus);
            }}
            className="whitespace-nowrap rounded px-2 py-0.5 text-xs font-medium text-slate-800 ring-1 ring-slate-300 hover:bg-white focus:outline-2 focus:outline-indigo-600"
          >
            Clear my rating
          </button>
        )}
      </div>
      {noteFor && noteClaim && (
        <AchNoteEditor
          title={`${labels.get(noteFor.hypothesisId)} × “${noteClaim.statement.length > 80 ? `${noteClaim.statement.slice(0, 79)}…` : noteClaim.statement}”`}
          initialRating={noteMine?.rating ?? null}
          initialNote={noteMine?.note ?? ""}
          onClose={closeNote}
          onSave={({ rating, note }) => {
            submitRating(noteFor.claimId, noteFor.hypothesisId, rating, note);
            closeNote();
          }}
          onClear={
            noteMine
              ? () => {
                  clearRating(noteFor.claimId, noteFor.hypothesisId);
                  closeNote();
                }
              : undefined
          }
        />
      )}
    </div>
  );
}

function Kbd({ children }: { children: React.ReactNode }) {
  return <kbd className="rounded border border-slate-300 bg-slate-50 px-1 font-mono text-xs">{children}</kbd>;
}
