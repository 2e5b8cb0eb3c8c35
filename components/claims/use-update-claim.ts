"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/client/api";
import { claimKeys } from "@/lib/client/query-keys";
import type { ClaimDetail } from "./claim-labels";

export type ClaimEditValues = {
  statement: string;
  claimant: string;
  kind: ClaimDetail["kind"];
  credibility: number;
  sourceConfidence: string;
  status: ClaimDetail["status"];
  entityIds: string[];
  /** "" = no originator named. */
  originatorSourceId: string;
};

/** PATCH with the version the user edited; a 409 comes back as an ApiError whose body holds `current`. */
export function useUpdateClaim({ caseId, claimId }: { caseId: string; claimId: string }) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ values, version }: { values: ClaimEditValues; version: number }) =>
      api<{ claim: ClaimDetail }>(`/api/cases/${caseId}/claims/${claimId}`, {
        method: "PATCH",
        // Every field is sent, so an emptied "source confidence" clears it rather than being skipped.
        json: {
          ...values,
          sourceConfidence: values.sourceConfidence.trim() || null,
          originatorSourceId: values.originatorSourceId || null,
          version,
        },
      }).then((r) => r.claim),
    onSuccess: (claim) => {
      queryClient.setQueryData(claimKeys.detail(caseId, claimId), claim);
      queryClient.invalidateQueries({ queryKey: claimKeys.all(caseId) });
    },
  });
}
