"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { api, ApiError } from "@/lib/client/api";
import { caseKeys } from "@/lib/client/query-keys";
import { Button, FormError } from "@/components/ui/form";

/** "Leave case": removes yourself from the case (audited); the server refuses the last owner. */
export function LeaveCaseButton({ caseId, userId, caseTitle }: { caseId: string; userId: string; caseTitle: string }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const leave = useMutation({
    mutationFn: () => api(`/api/cases/${caseId}/members/${userId}`, { method: "DELETE" }),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: caseKeys.all });
      router.push("/");
      router.refresh();
    },
  });
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
