"use client";
// One claim of the ACH matrix. Memoised: a rating changes one row's ratings object, so only that row (and
// the rows gaining or losing focus) render again — what keeps 200 × 8 cells fast.
import { memo, useMemo } from "react";
import Link from "next/link";
import { computeAchScores, type AchCell } from "@/lib/attribution/ach-scores";
import { ACH_RATINGS, type AchRating } from "@/lib/standards/scales";
import { GradeBadge } from "@/components/claims/grade-badge";
import { FIRST_RATING_COL, type AchClaimView, type AchHypothesisView, type AchRaterRating, type AchRowRatings } from "./ach-view";

const RATING_LABEL = new Map<string, string>(ACH_RATINGS.map((r) => [r.code, r.label]));
export const ratingLabel = (rating: AchRating) => RATING_LABEL.get(rating) ?? rating;

// Mean cell value (1 = very inconsistent … 5 = very consistent, NA counted as 3) as a background; text stays
// slate-900 on every shade so contrast holds.
function shade(value: number | null): string {
  if (value === null) return "bg-white";
  if (value < 1.5) return "bg-red-200";
  if (value < 2.5) return "bg-orange-100";
  if (value < 3.5) return "bg-slate-50";
  if (value < 4.5) return "bg-emerald-100";
  return "bg-emerald-200";
}

export function describeRaters(ratings: readonly AchRaterRating[]): string {
  return ratings.map((r) => `${r.raterName}: ${r.rating} (${ratingLabel(r.rating)})${r.note ? ` — “${r.note}”` : ""}`).join("; ");
}

type RowProps = {
  caseId: string;
  rowIndex: number;
  claim: AchClaimView;
  hypotheses: readonly AchHypothesisView[];
  hypothesisIds: readonly string[];
  ratings: AchRowRatings | undefined;
  meId: string;
  canRate: boolean;
  // Column holding the roving tab stop in this row, -1 when the stop is in another row.
  focusedCol: number;
  excluded: boolean;
  onToggleExclude: (claimId: string) => void;
};

function AchRowImpl({
  caseId,
  rowIndex,
  claim,
  hypotheses,
  hypothesisIds,
  ratings,
  meId,
  canRate,
  focusedCol,
  excluded,
  onToggleExclude,
}: RowProps) {
  // The row's own cells and diagnosticity come from the same pure scoring as the whole matrix, so the
  // disagreement and mean rules are defined once (lib/attribution/ach-scores.ts).
  const { cells, diagnosticity, nonDiagnostic, ratedCount } = useMemo(() => {
    const inputs = Object.entries(ratings ?? {}).flatMap(([hypothesisId, rs]) =>
      rs.map((r) => ({ hypothesisId, claimId: claim.id, raterId: r.raterId, rating: r.rating })),
    );
    const s = computeAchScores({ hypothesisIds, claimIds: [claim.id], ratings: inputs });
    const e = s.evidence[0];
    return {
      cells: s.cells,
      diagnosticity: e?.diagnosticity ?? null,
      nonDiagnostic: e?.nonDiagnostic ?? false,
      ratedCount: e?.ratedCount ?? 0,
    };
  }, [ratings, hypothesisIds, claim.id]);
  // Only a real 0 fades the row (rated alike against two or more hypotheses). A row rated against fewer than
  // two has no diagnosticity yet ("—", STANDARDS.md §5): "not weighed yet" is not "rated alike".
  const dimmed = nonDiagnostic;
  const alike = ratedCount === hypotheses.length ? "every hypothesis" : `the ${ratedCount} hypotheses rated`;
  const last = hypotheses.length + FIRST_RATING_COL;
  const short = claim.statement.length > 80 ? `${claim.statement.slice(0, 77)}…` : claim.statement;

  return (
    <tr
      role="row"
      data-claim-id={claim.id}
      data-dimmed={dimmed ? "true" : undefined}
      data-excluded={excluded ? "true" : undefined}
      className={`border-t border-slate-200 ${dimmed ? "bg-slate-100 text-slate-600" : "text-slate-900"}`}
    >
      {/* The whole statement, wrapped; it links to the claim, and the line under it to the claim's quote in the reader. */}
      <th role="rowheader" scope="row" className="px-2 py-1 text-left align-top font-normal">
        <div className="flex items-start gap-2">
          <GradeBadge grade={claim.grade} reliability={claim.grade[0]} credibility={claim.credibility} />
          <div className="min-w-0 flex-1">
            <Link
              href={`/cases/${caseId}/claims/${claim.id}`}
              prefetch={false}
              tabIndex={focusedCol === 0 ? 0 : -1}
              data-r={rowIndex}
              data-c={0}
              data-testid="ach-claim-link"
              title={`Claimant: ${claim.claimant}`}
              className={`block scroll-mt-28 whitespace-normal break-words hover:underline focus:outline-2 focus:outline-indigo-600 ${excluded ? "line-through" : ""}`}
            >
              {claim.statement}
            </Link>
            {claim.quote ? (
              <Link
                href={`/cases/${caseId}/documents/${claim.quote.documentId}#excerpt-${claim.quote.excerptId}`}
                prefetch={false}
                tabIndex={focusedCol === 1 ? 0 : -1}
                data-r={rowIndex}
                data-c={1}
                data-testid="ach-quote-link"
                title={claim.quote.documentTitle}
                className="mt-0.5 block scroll-mt-28 truncate text-xs text-indigo-800 underline focus:outline-2 focus:outline-indigo-600"
              >
                Quote in {claim.quote.documentTitle}
              </Link>
            ) : (
              <span tabIndex={focusedCol === 1 ? 0 : -1} data-r={rowIndex} data-c={1} className="mt-0.5 block text-xs text-slate-600">
                No quote
              </span>
            )}
          </div>
        </div>
        {dimmed && <span className="text-xs">not diagnostic: rated alike against {alike}</span>}
      </th>
      {cells.map((cell: AchCell, i) => (
        <RatingCell
          key={cell.hypothesisId}
          cell={cell}
          raters={ratings?.[cell.hypothesisId]}
          meId={meId}
          canRate={canRate}
          rowIndex={rowIndex}
          col={i + FIRST_RATING_COL}
          focused={focusedCol === i + FIRST_RATING_COL}
          dimmed={dimmed}
          label={`H${i + 1}`}
        />
      ))}
      <td
        role="gridcell"
        tabIndex={focusedCol === last ? 0 : -1}
        data-r={rowIndex}
        data-c={last}
        data-testid="ach-diagnosticity"
        aria-label={
          diagnosticity === null
            ? `Diagnosticity not yet: rated against ${ratedCount === 0 ? "no hypothesis" : "one hypothesis"}, needs two`
            : `Diagnosticity ${diagnosticity.toFixed(2)}${dimmed ? ", not diagnostic" : ""}`
        }
        title={diagnosticity === null ? "No diagnosticity yet: rated against fewer than two hypotheses" : undefined}
        className="scroll-mt-28 px-2 py-1 text-right font-mono text-xs tabular-nums focus:outline-2 focus:-outline-offset-2 focus:outline-indigo-600"
      >
        {diagnosticity === null ? "—" : diagnosticity.toFixed(2)}
      </td>
      <td role="gridcell" className="px-2 py-1 text-center">
        <button
          type="button"
          aria-pressed={excluded}
          tabIndex={focusedCol === last + 1 ? 0 : -1}
          data-r={rowIndex}
          data-c={last + 1}
          // The name starts with the visible words (WCAG 2.5.3, axe label-content-name-mismatch); aria-pressed says the state.
          aria-label={`${excluded ? "Treated as false" : "Treat as false"}: ${short}`}
          onClick={() => onToggleExclude(claim.id)}
          className={`scroll-mt-28 whitespace-nowrap rounded px-2 py-0.5 text-xs font-medium ring-1 focus:outline-2 focus:outline-indigo-600 ${excluded ? "bg-amber-100 text-amber-900 ring-amber-400" : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50"}`}
        >
          {excluded ? "Treated as false" : "Treat as false"}
        </button>
      </td>
    </tr>
  );
}

export const AchRow = memo(AchRowImpl);

function RatingCell({
  cell,
  raters = [],
  meId,
  canRate,
  rowIndex,
  col,
  focused,
  dimmed,
  label,
}: {
  cell: AchCell;
  raters?: AchRaterRating[];
  meId: string;
  canRate: boolean;
  rowIndex: number;
  col: number;
  focused: boolean;
  dimmed: boolean;
  label: string;
}) {
  const mine = raters.find((r) => r.raterId === meId);
  const others = raters.length - (mine ? 1 : 0);
  const mean = cell.value === null ? null : cell.value.toFixed(1);
  // The cell's visible text ("II 1.5", "1.5"; the "·" of an empty cell is a mark, not words).
  const shown = [mine?.rating, others > 0 ? mean : null].filter(Boolean).join(" ");
  // Row and column headers give the claim and the hypothesis; the label says what the cell holds.
  const describe = [
    label,
    mine ? `your rating ${mine.rating} (${ratingLabel(mine.rating)})` : canRate ? "you have not rated this" : null,
    raters.length > 0 ? `mean ${mean} from ${raters.length} rater${raters.length === 1 ? "" : "s"}` : "not rated",
    cell.disagreement ? `raters disagree: ${describeRaters(raters)}` : others > 0 ? describeRaters(raters) : null,
    cell.applicabilityDisputed ? "raters disagree whether this applies" : null,
  ]
    .filter(Boolean)
    .join("; ");
  return (
    <td
      role="gridcell"
      tabIndex={focused ? 0 : -1}
      data-r={rowIndex}
      data-c={col}
      data-testid="ach-cell"
      data-hypothesis-id={cell.hypothesisId}
      data-claim-id={cell.claimId}
      data-mine={mine?.rating ?? ""}
      data-disagreement={cell.disagreement ? "true" : undefined}
      data-editable={canRate ? "true" : undefined}
      aria-readonly={canRate ? undefined : true}
      // What the cell shows comes first in its name (WCAG 2.5.3, axe label-content-name-mismatch), then the sentence.
      aria-label={shown ? `${shown}: ${describe}` : describe}
      title={raters.length ? describeRaters(raters) : undefined}
      className={`relative h-9 scroll-mt-28 cursor-default px-2 py-1 text-center focus:outline-2 focus:-outline-offset-2 focus:outline-indigo-600 ${dimmed ? "bg-slate-100" : shade(cell.value)} ${cell.disagreement ? "ring-2 ring-inset ring-amber-500" : ""}`}
    >
      <span className="font-mono text-sm font-bold">{mine ? mine.rating : others > 0 ? "" : "·"}</span>
      {others > 0 && <span className="ml-1 font-mono text-xs text-slate-700">{mean}</span>}
      {cell.disagreement && (
        <span aria-hidden="true" className="absolute right-0.5 top-0 text-xs font-bold text-amber-800">
          ≠
        </span>
      )}
      {mine?.note && (
        <span aria-hidden="true" className="absolute bottom-0 left-0.5 text-[10px] text-slate-700">
          ✎
        </span>
      )}
    </td>
  );
}
