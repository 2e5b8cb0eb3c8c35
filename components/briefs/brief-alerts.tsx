"use client";
// What stands between the draft and a release (blockers), and the brief's warnings: wording that says
// something other than the stored likelihood, unhedged certainty, incoherent likelihoods, and grades that
// outrun their independent origins. A warning is fixed at its source or acknowledged here with a reason,
// which the brief then prints in its notes.
import Link from "next/link";
import { useState } from "react";
import { Button, Input } from "@/components/ui/form";
import { ApiErrorMessage } from "@/components/ui/api-error-message";
import type { BriefModel, BriefWarning } from "@/lib/briefs/brief-types";
import { useAcknowledgeWarning } from "./use-acknowledge-warning";

function whereToFix(caseId: string, w: BriefWarning) {
  const [kind, id] = w.location.split(":");
  if (kind === "hypothesis") return `/cases/${caseId}/attribution/${id}`;
  if (kind === "claim") return `/cases/${caseId}/claims/${id}`;
  if (kind === "case") return `/cases/${caseId}`;
  return `/cases/${caseId}/attribution`;
}

function Acknowledge({ caseId, w }: { caseId: string; w: BriefWarning }) {
  const [reason, setReason] = useState("");
  const [open, setOpen] = useState(false);
  const ack = useAcknowledgeWarning({ caseId });
  if (!open)
    return (
      <button type="button" className="ml-1 text-xs font-medium underline" onClick={() => setOpen(true)}>
        Acknowledge…
      </button>
    );
  return (
    <form
      className="mt-1 flex flex-wrap items-start gap-2"
      aria-label="Acknowledge the warning"
      onSubmit={(e) => {
        e.preventDefault();
        ack.mutate({ warningKey: w.key, reason });
      }}
    >
      <label className="sr-only" htmlFor={`ack-${w.key}`}>
        Why this needs no fix (printed in the brief)
      </label>
      <Input
        id={`ack-${w.key}`}
        value={reason}
        maxLength={2000}
        placeholder="Why this needs no fix (printed in the brief)"
        onChange={(e) => setReason(e.target.value)}
        className="min-w-[16rem] flex-1"
        data-testid="ack-reason"
      />
      <Button type="submit" disabled={ack.isPending}>
        {ack.isPending ? "Saving…" : "Acknowledge"}
      </Button>
      <ApiErrorMessage error={ack.error} inline={["reason"]} fields={[]} />
    </form>
  );
}

export function BriefAlerts({ caseId, m, canManage = false }: { caseId: string; m: BriefModel; canManage?: boolean }) {
  const open = m.warnings.filter((w) => !w.acknowledgement);
  return (
    <>
      {m.blockers.length > 0 && (
        <section
          aria-labelledby="brief-blockers-heading"
          className="rounded-lg border border-red-300 bg-red-50 p-4 text-sm text-red-950"
          data-testid="brief-blockers"
        >
          <h2 id="brief-blockers-heading" className="font-semibold">
            This brief cannot be released yet
          </h2>
          <ul className="mt-1 list-disc space-y-0.5 pl-5">
            {m.blockers.map((b) => (
              <li key={b} data-testid="brief-blocker">
                {b}
              </li>
            ))}
          </ul>
          <p className="mt-2">
            Approve or set aside judgments on the{" "}
            <Link href={`/cases/${caseId}/attribution`} className="font-medium underline">
              Attribution
            </Link>{" "}
            page.
          </p>
        </section>
      )}
      {open.length > 0 && (
        <section
          aria-labelledby="brief-wording-heading"
          className="rounded-lg border border-amber-400 bg-amber-50 p-4 text-sm text-amber-950"
          data-testid="wording-warnings"
        >
          <h2 id="brief-wording-heading" className="font-semibold">
            Warnings on the brief&apos;s wording and grades
          </h2>
          <p className="mt-0.5">
            The brief must not say more than the judgments and grades record (ICD 203). Fix the text, or acknowledge a warning with a reason
            that the brief will print.
          </p>
          <ul className="mt-1 list-disc space-y-1 pl-5">
            {open.map((w) => (
              <li key={w.key} data-testid="wording-warning" data-kind={w.kind}>
                In{" "}
                <Link href={whereToFix(caseId, w)} className="font-medium underline">
                  {w.label}
                </Link>
                : {w.message}
                {!w.blocking && <span className="ml-1 text-xs">(for information)</span>}
                {w.blocking && canManage && <Acknowledge caseId={caseId} w={w} />}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
