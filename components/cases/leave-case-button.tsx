"use client";
import { ApiError } from "@/lib/client/api";
import { Button, FormError } from "@/components/ui/form";
import { useLeaveCase } from "./use-save-case";

/** "Leave case": removes yourself from the case (audited); the server refuses the last owner. */
export function LeaveCaseButton({ caseId, userId, caseTitle }: { caseId: string; userId: string; caseTitle: string }) {
  const leave = useLeaveCase({ caseId, userId });
  return (
    <div className="mt-3 space-y-2">
      <Button
        type="button"
        variant="secondary"
        disabled={leave.isPending}
        onClick={() => {
          if (window.confirm(`Leave “${caseTitle}”? You will no longer see this case unless an owner adds you again.`)) leave.mutate();
        }}
      >
        {leave.isPending ? "Leaving…" : "Leave case"}
      </Button>
      <FormError message={leave.error instanceof ApiError ? leave.error.message : leave.error ? "Could not leave the case." : null} />
    </div>
  );
}
