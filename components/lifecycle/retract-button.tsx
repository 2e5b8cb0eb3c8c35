"use client";
import { useId, useRef, useState } from "react";
import { asApiError } from "@/lib/client/api";
import { Button, Field, Textarea } from "@/components/ui/form";
import { ApiErrorMessage } from "@/components/ui/api-error-message";
import { useRetract, type RetractKind } from "./use-retract";

/**
 * "Retract…" opens a dialog asking why; the record is kept, marked and hidden from lists. The server
 * refuses (422) a retraction without a reason; its message is shown beside the field and what was
 * typed stays.
 */
export function RetractButton({
  caseId,
  kind,
  id,
  name,
  onDone,
}: {
  caseId: string;
  kind: RetractKind;
  id: string;
  name: string;
  onDone?: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState("");
  const retract = useRetract({ caseId, kind, id });
  const error = asApiError(retract.error);
  const fieldId = `retract-${useId().replace(/:/g, "")}`;
  return (
    <>
      <Button type="button" variant="danger" onClick={() => dialog.current?.showModal()} aria-haspopup="dialog">
        Retract {kind}…
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby={`${fieldId}-title`}
        className="w-full max-w-lg rounded-lg border border-slate-300 p-0 shadow-xl backdrop:bg-slate-900/40"
      >
        <form
          method="dialog"
          noValidate
          className="space-y-4 p-5"
          onSubmit={(e) => {
            e.preventDefault();
            retract.mutate(reason, {
              onSuccess: () => {
                dialog.current?.close();
                onDone?.();
              },
            });
          }}
        >
          <h2 id={`${fieldId}-title`} className="text-lg font-semibold text-slate-900">
            Retract “{name}”?
          </h2>
          <p className="text-sm text-slate-700">
            The {kind} is kept, never deleted: it is marked retracted with your name, the time and your reason, recorded in the activity
            log, and hidden from lists, search and the ACH matrix unless someone asks to see retracted items.
          </p>
          <ApiErrorMessage error={retract.error} fields={["reason"]} />
          <Field
            id={fieldId}
            label="Reason for retracting"
            error={error?.issueFor("reason")}
            hint="Say why this no longer stands, e.g. “the outlet withdrew the story”."
          >
            <Textarea
              id={fieldId}
              rows={3}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              maxLength={2000}
              aria-invalid={!!error?.issueFor("reason")}
            />
          </Field>
          <div className="flex justify-end gap-2">
            <Button type="button" variant="secondary" onClick={() => dialog.current?.close()}>
              Cancel
            </Button>
            <Button type="submit" variant="danger" disabled={retract.isPending}>
              {retract.isPending ? "Retracting…" : `Retract ${kind}`}
            </Button>
          </div>
        </form>
      </dialog>
    </>
  );
}
