"use client";
// Two-person integrity for the brief (STANDARDS.md §7): an editor submits the brief exactly as it is
// (its hash), a reviewer or owner who did not submit it approves that hash, and an editor who did not
// approve it releases. The server enforces every rule; this panel shows who may act next and why not.
import { useState } from "react";
import { asApiError } from "@/lib/client/api";
import { Button } from "@/components/ui/form";
import { ApiErrorMessage } from "@/components/ui/api-error-message";
import { useBriefAction, type BriefAction } from "./use-brief-action";
import { NoReviewerWarning } from "@/components/cases/no-reviewer-warning";
import { dateOnly, releaseReasons } from "./release-readiness";
import type { BriefPayload, BriefPerms } from "./types";

function ApprovalState({ payload }: { payload: BriefPayload }) {
  const a = payload.approval;
  if (!a) return <>Not submitted for review yet.</>;
  if (a.decision === "pending")
    return a.current ? (
      <>Waiting for review — submitted by {a.submittedBy.name}.</>
    ) : (
      <>Submitted by {a.submittedBy.name}, but the brief changed since: submit it again.</>
    );
  return a.current ? (
    <>
      Approved by {a.reviewer?.name} on {dateOnly(a.decidedAt)} (submitted by {a.submittedBy.name}).
    </>
  ) : (
    <>Approved by {a.reviewer?.name}, but the brief changed since: it needs a new approval.</>
  );
}

export function BriefReviewPanel({
  caseId,
  payload,
  actorId,
  perms,
}: {
  caseId: string;
  payload: BriefPayload;
  actorId: string;
  perms: BriefPerms;
}) {
  const [missing, setMissing] = useState<string[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [sendBack, setSendBack] = useState("");
  const act = useBriefAction({ caseId, contentHash: payload.contentHash });
  const run = (action: BriefAction) => {
    setMissing([]);
    setNotice(null);
    act.mutate(
      { action, comment: sendBack },
      {
        onSuccess: (res) =>
          setNotice(
            action === "submit"
              ? "Submitted for review."
              : action === "approve"
                ? "You approved this brief."
                : action === "request-changes"
                  ? "You sent the brief back; whoever submitted it has been notified."
                  : `Released as release ${res.release?.number}.`,
          ),
        // A refused release lists what is missing (the hook refreshes the draft after a 409).
        onError: (failure) => {
          const missingNow = asApiError(failure)?.body.missing;
          if (Array.isArray(missingNow)) setMissing(missingNow.map(String));
        },
      },
    );
  };
  const error = asApiError(act.error);
  const a = payload.approval;
  const blockers = payload.brief.blockers;
  const coveredNow = !!a?.current && (a.decision === "pending" || a.decision === "approved");
  const canDecide = perms.canApprove && a?.decision === "pending" && a.current && a.submittedBy.id !== actorId;
  const reasons = releaseReasons({ payload, actorId });

  return (
    <section aria-labelledby="brief-review-heading" className="space-y-3 text-sm" data-testid="brief-review-panel">
      <h2 id="brief-review-heading" className="font-semibold text-slate-900">
        Review and release
      </h2>
      <p className="text-slate-800" data-testid="brief-approval-state">
        <ApprovalState payload={payload} />
      </p>
      <p className="text-xs text-slate-700">
        SHA-256 of this draft:{" "}
        <code className="block break-all font-mono text-[11px] text-slate-900" data-testid="brief-content-hash">
          {payload.contentHash}
        </code>
      </p>
      {notice && (
        <p
          role="status"
          className="rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-emerald-950"
          data-testid="brief-notice"
        >
          {notice}
        </p>
      )}
      {/* The missing items are listed below for a refused release (409); any other refusal shows its message. */}
      <ApiErrorMessage error={act.error} fields={[]} ignore={missing.length ? [409] : []} />

      {perms.canManage && !coveredNow && (
        <div className="space-y-1">
          <Button
            type="button"
            disabled={act.isPending || blockers.length > 0}
            aria-describedby={blockers.length ? "submit-blocked" : undefined}
            onClick={() => run("submit")}
          >
            Submit brief for review
          </Button>
          {blockers.length > 0 && (
            <p id="submit-blocked" className="text-red-800">
              Resolve the blockers above before submitting.
            </p>
          )}
          <NoReviewerWarning caseId={caseId} actorId={actorId} what="the brief" />
        </div>
      )}

      {perms.canApprove && a?.decision === "pending" && a.current && a.submittedBy.id === actorId && (
        <p className="rounded-md bg-slate-100 px-3 py-2 text-slate-800" data-testid="own-brief-note">
          You submitted this brief, so a second person must approve it.
        </p>
      )}
      {canDecide && (
        <div className="space-y-2 rounded-md border border-emerald-300 bg-emerald-50 p-3 text-emerald-950">
          <p>
            You are approving exactly this brief, SHA-256{" "}
            <code className="break-all font-mono text-[11px]" data-testid="approve-brief-hash">
              {payload.contentHash}
            </code>
            . Any later change withdraws the approval.
          </p>
          <Button type="button" disabled={act.isPending} onClick={() => run("approve")}>
            Approve this brief
          </Button>
          <div className="space-y-1 border-t border-emerald-200 pt-2">
            <label htmlFor="brief-send-back" className="block font-medium">
              Or send it back: what needs to change
            </label>
            <textarea
              id="brief-send-back"
              rows={2}
              value={sendBack}
              onChange={(e) => setSendBack(e.target.value)}
              maxLength={4000}
              className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900"
            />
            <Button type="button" variant="secondary" disabled={act.isPending} onClick={() => run("request-changes")}>
              Send back
            </Button>
          </div>
        </div>
      )}

      {perms.canManage && (
        <div className="space-y-1 border-t border-slate-200 pt-3">
          <Button
            type="button"
            disabled={act.isPending || reasons.length > 0}
            aria-describedby={reasons.length ? "release-reasons" : undefined}
            onClick={() => run("release")}
          >
            Release brief
          </Button>
          {reasons.length > 0 && (
            <div id="release-reasons" className="text-slate-800" data-testid="release-reasons">
              <p>Release is not possible yet:</p>
              <ul className="list-disc pl-5">
                {reasons.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            </div>
          )}
          {missing.length > 0 && (
            <div role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-red-950" data-testid="release-missing">
              <p className="font-medium">{error?.message.split(":")[0] ?? "The brief cannot be released"}:</p>
              <ul className="list-disc pl-5">
                {missing.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            </div>
          )}
        </div>
      )}
    </section>
  );
}
