"use client";
// Two-person review of one judgment (STANDARDS.md §7). The server decides who may act (the API refuses
// self-approval anyway); this panel only hides buttons a person cannot use, and an approval sends the
// exact content hash shown here, so it covers what the reviewer saw and nothing later.
import { useState } from "react";
import { asApiError } from "@/lib/client/api";
import { Button, Field, Textarea } from "@/components/ui/form";
import { ApiErrorMessage } from "@/components/ui/api-error-message";
import { NoReviewerWarning } from "@/components/cases/no-reviewer-warning";
import { ReviewStateBadge } from "./review-state-badge";
import { formatWhen } from "./judgment-labels";
import { useReviewAction } from "./use-review-action";
import type { HypothesisData, ReviewData } from "./types";

const DECISION_LABELS: Record<string, string> = {
  pending: "Waiting for review",
  approved: "Approved",
  changes_requested: "Changes requested",
  withdrawn: "Withdrawn",
};

/** A withdrawn approval still names who approved it, but never reads "Approved". */
const decisionLabel = (r: ReviewData) =>
  r.decision === "withdrawn" && r.reviewer ? "Approval withdrawn" : (DECISION_LABELS[r.decision] ?? r.decision);

export function ReviewPanel({
  hypothesis,
  reviews,
  actorId,
  canManage,
  canReview,
}: {
  hypothesis: HypothesisData;
  reviews: ReviewData[];
  actorId: string;
  canManage: boolean;
  canReview: boolean;
}) {
  const [comment, setComment] = useState("");
  const [commentError, setCommentError] = useState<string | null>(null);
  const state = hypothesis.reviewState;
  const pending = reviews.filter((r) => r.decision === "pending").at(-1) ?? null;
  const lastApproval = reviews.filter((r) => r.decision === "approved").at(-1) ?? null;
  const act = useReviewAction({ hypothesisId: hypothesis.id });
  const error = asApiError(act.error);
  const mayNotDecide =
    actorId === hypothesis.authorId || actorId === pending?.submittedById || hypothesis.barredReviewerIds.includes(actorId);
  const canSubmit = canManage && (state === "draft" || state === "changes_requested");
  const canDecide = canReview && state === "in_review" && !mayNotDecide;
  const shortHash = hypothesis.contentHash.slice(0, 12);

  return (
    <section
      aria-labelledby="review-heading"
      className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm"
      data-testid="review-panel"
    >
      <div className="flex items-center justify-between gap-2">
        <h3 id="review-heading" className="font-semibold">
          Review
        </h3>
        <ReviewStateBadge state={state} approvedBy={state === "approved" ? lastApproval?.reviewer?.name : null} />
      </div>
      {state === "approved" && lastApproval && (
        <p className="text-slate-700">
          Approved by <span className="font-medium">{lastApproval.reviewer?.name}</span> on{" "}
          {formatWhen(lastApproval.decidedAt ?? lastApproval.createdAt)}, covering content hash{" "}
          <code className="rounded bg-slate-100 px-1 font-mono text-xs" title={hypothesis.approvedHash ?? ""}>
            {(hypothesis.approvedHash ?? "").slice(0, 12)}
          </code>
          . Any edit withdraws it.
        </p>
      )}
      {state === "in_review" && pending && (
        <p className="text-slate-700">
          Submitted by <span className="font-medium">{pending.submittedBy.name}</span> on {formatWhen(pending.createdAt)}.
        </p>
      )}
      <ApiErrorMessage error={act.error} />
      {canSubmit && (
        <>
          <Button type="button" disabled={act.isPending} onClick={() => act.mutate({ action: "submit", json: {} })}>
            Submit for review
          </Button>
          <NoReviewerWarning caseId={hypothesis.caseId} actorId={actorId} barred={hypothesis.barredReviewerIds} what="this judgment" />
        </>
      )}
      {canReview && state === "in_review" && mayNotDecide && (
        <p className="rounded-md bg-slate-50 px-3 py-2 text-slate-700" data-testid="own-judgment-note">
          You wrote, changed or submitted this judgment since its last approval, so a second person must approve it.
        </p>
      )}
      {canDecide && (
        <div className="space-y-3">
          <div className="space-y-2 rounded-md border border-emerald-200 bg-emerald-50 p-3">
            <p className="text-emerald-900">
              You are approving exactly this version: content hash{" "}
              <code className="rounded bg-white px-1 font-mono text-xs" data-testid="approve-hash" title={hypothesis.contentHash}>
                {shortHash}
              </code>{" "}
              (version {hypothesis.version}).
            </p>
            <Button
              type="button"
              disabled={act.isPending}
              onClick={() => act.mutate({ action: "approve", json: { contentHash: hypothesis.contentHash } })}
            >
              Approve this version
            </Button>
          </div>
          <form
            noValidate
            className="space-y-2"
            onSubmit={(e) => {
              e.preventDefault();
              if (!comment.trim()) return setCommentError("Say what needs to change.");
              setCommentError(null);
              act.mutate({ action: "request-changes", json: { comment } }, { onSuccess: () => setComment("") });
            }}
          >
            <Field id="changes-comment" label="What needs to change" error={commentError ?? error?.issueFor("comment")}>
              <Textarea
                id="changes-comment"
                rows={3}
                value={comment}
                maxLength={4000}
                aria-invalid={!!(commentError ?? error?.issueFor("comment"))}
                onChange={(e) => setComment(e.target.value)}
              />
            </Field>
            <Button type="submit" variant="secondary" disabled={act.isPending}>
              Request changes
            </Button>
          </form>
        </div>
      )}
      {reviews.length > 0 && (
        <div>
          <h4 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-600">Review history</h4>
          <ol className="space-y-1.5" data-testid="review-history">
            {[...reviews].reverse().map((r) => (
              <li key={r.id} className="border-l-2 border-slate-200 pl-2">
                <span className="font-medium" data-testid="review-decision">
                  {decisionLabel(r)}
                </span>
                {r.reviewer && (r.decision === "withdrawn" ? <> (approved by {r.reviewer.name})</> : <> by {r.reviewer.name}</>)} ·
                submitted by {r.submittedBy.name}, {formatWhen(r.createdAt)}
                <span className="block font-mono text-xs text-slate-600">hash {r.contentHash.slice(0, 12)}</span>
                {r.decision === "withdrawn" && r.withdrawnReason && (
                  <span className="block text-slate-700" data-testid="withdrawn-reason">
                    Withdrawn{r.withdrawnAt ? ` ${formatWhen(r.withdrawnAt)}` : ""}: {r.withdrawnReason}
                  </span>
                )}
                {r.comment && <span className="block text-slate-700">“{r.comment}”</span>}
              </li>
            ))}
          </ol>
        </div>
      )}
    </section>
  );
}
