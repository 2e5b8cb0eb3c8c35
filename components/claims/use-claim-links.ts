"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/client/api";
import { claimKeys } from "@/lib/client/query-keys";
import type { LinkKind } from "./claim-labels";

// A link changes both claims and the independence of every claim they corroborate, so the whole
// case's claim cache is refreshed, not just this claim.
export function useAddClaimLink({ caseId, claimId }: { caseId: string; claimId: string }) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { toClaimId: string; kind: LinkKind }) =>
      api(`/api/cases/${caseId}/claims/${claimId}/links`, { method: "POST", json: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: claimKeys.all(caseId) }),
  });
}

export function useRemoveClaimLink({ caseId }: { caseId: string }) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (linkId: string) => api(`/api/cases/${caseId}/claim-links/${linkId}`, { method: "DELETE" }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: claimKeys.all(caseId) }),
  });
}
