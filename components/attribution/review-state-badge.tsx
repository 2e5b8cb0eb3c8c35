// Where a judgment stands in the two-person review; an approval names who approved it.
import { REVIEW_STATE_LABELS, REVIEW_STATE_STYLES } from "./judgment-labels";

export function ReviewStateBadge({ state, approvedBy }: { state: string; approvedBy?: string | null }) {
  return (
    <span
      data-testid="review-state"
      className={`inline-flex items-center whitespace-nowrap rounded px-1.5 py-0.5 text-xs font-semibold ring-1 ring-inset ${REVIEW_STATE_STYLES[state] ?? REVIEW_STATE_STYLES.draft}`}
    >
      {REVIEW_STATE_LABELS[state] ?? state}
      {state === "approved" && (
        <>
          <span aria-hidden="true">&nbsp;✓</span>
          {approvedBy && <>&nbsp;by {approvedBy}</>}
        </>
      )}
    </span>
  );
}
